"""`wait`: succeeds once `duration` milliseconds have passed (scheduling, cooling-off periods).

A duration of 0 succeeds at once, in the step that runs the task: no wake-up message (DESIGN §4.4).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jobs.handlers.base import (
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Succeeded,
    TaskContext,
    Wait,
    non_negative_integer,
)

SPEC = HandlerSpec(
    "wait",
    "Succeeds after a duration.",
    (
        Field(
            "duration",
            non_negative_integer("a whole number of milliseconds"),
            True,
            description="milliseconds to wait.",
        ),
    ),
)


class WaitHandler:
    spec = SPEC

    def at_once(self, context: TaskContext) -> HandlerResult | None:
        return Succeeded() if int(context.payload["duration"]) == 0 else None

    async def run(self, context: TaskContext) -> HandlerResult:
        duration = int(context.payload["duration"])
        if duration == 0:
            return Succeeded()
        until = datetime.now(UTC) + timedelta(milliseconds=duration)
        return Wait(resume_at=until, response={"until": until.isoformat()})

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        return Succeeded()


HANDLER = WaitHandler()
