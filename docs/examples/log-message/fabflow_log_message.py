"""`log-message`: writes a line with {placeholders} into the order's history, and succeeds.

A complete handler in one module: its key and payload spec, `run`, `resume`. Installed with its
package, whose pyproject.toml holds the one entry-point line that registers it:

    [project.entry-points."fabflow.handlers"]
    log-message = "fabflow_log_message:HANDLER"
"""

from __future__ import annotations

from jobs.handlers.base import (
    STRING,
    BaseHandler,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Succeeded,
    TaskContext,
    one_of,
)
from server.domain.variables import render
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "log-message",
    "Writes a message into the order's history.",
    (
        Field("message", STRING, True, description="the line to write; {placeholders} are filled in."),
        Field("level", one_of("info", "warning"), description='"info" (the default) or "warning".'),
    ),
)


class LogMessage(BaseHandler):
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        variables = await order_context.variables_of(context.order_id)
        text = render(str(context.payload["message"]), variables).text
        level = str(context.payload.get("level") or "info")
        await order_context.record_event(
            context.order_id, "log-message", text, {"task": context.task_key, "level": level}
        )
        return Succeeded({"message": text, "level": level})

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        return Succeeded()  # it never waits, so a resumption only finishes it


HANDLER = LogMessage()
