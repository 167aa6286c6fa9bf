"""What a task handler is. One module per handler: key and payload spec, `run`, `resume`, optional hooks.

A handler is an object with

- `spec`: a `HandlerSpec` (its key, a description, the payload fields in the spec language of
  `server.domain.flows.payload_specs`), which flow validation, `/schemas/flow.json` and the editor use;
- `async run(context) -> HandlerResult`: called when its task starts (outside any transaction);
- `async resume(context, resumption) -> HandlerResult`: called when a waiting task's answer or time came;

and optionally (`BaseHandler` gives the defaults)

- `at_once(context) -> HandlerResult | None` (not async): the result when the handler knows it without
  any I/O (a `wait` of 0); the task then ends in the transaction that claims it and `run` is not
  called. None (the default): `run` is called;
- `async cancel(task: EndedTask)`: its task was cancelled, or ended by a handled timeout; stop the
  pending work (close a manual task, void a link). It runs inside the transaction that ends the task:
  change rows only, call nothing outside;
- `link_purposes`: the signed links whose answers its tasks wait for (`CONFIRM`, `FEEDBACK`);
- `variables`: the placeholder variables it adds to the order's, name → description;
- `async sweep() -> int`: called by every sweep; makes the outside calls that `cancel` could only
  write down as rows (a transactional outbox), and says how many it made.

It is registered by one line in the `fabflow.handlers` entry-point group of its package, e.g.
`log-message = "my_package.log_message:HANDLER"`. The context and result types live in
`server.domain.tasks` (the services record outcomes without importing `jobs`); they are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from server.domain.flows.payload_specs import (
    BOOLEAN,
    EMAIL_LIST,
    HTTP_URL,
    OBJECT,
    REGEX,
    STRING,
    STRING_LIST,
    Field,
    HandlerSpec,
    ListOf,
    non_negative_integer,
    one_of,
    positive_integer,
)
from server.domain.tasks import (
    EndedTask,
    Failed,
    HandlerResult,
    Resumption,
    Retry,
    Succeeded,
    TaskContext,
    Wait,
)
from server.services.signed_links import CONFIRM, FEEDBACK
from server.task_handlers import Handler

__all__ = [
    "BOOLEAN",
    "CONFIRM",
    "EMAIL_LIST",
    "FEEDBACK",
    "HTTP_URL",
    "OBJECT",
    "REGEX",
    "STRING",
    "STRING_LIST",
    "BaseHandler",
    "EndedTask",
    "Failed",
    "Field",
    "Handler",
    "HandlerResult",
    "HandlerSpec",
    "ListOf",
    "Resumption",
    "Retry",
    "Succeeded",
    "TaskContext",
    "Wait",
    "non_negative_integer",
    "one_of",
    "positive_integer",
]


class BaseHandler:
    """The optional parts of a handler, doing nothing; subclasses set `spec` and write `run`."""

    spec: ClassVar[HandlerSpec]
    link_purposes: ClassVar[frozenset[str]] = frozenset()
    variables: ClassVar[Mapping[str, str]] = {}

    async def run(self, context: TaskContext) -> HandlerResult:
        raise NotImplementedError

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        """A handler that never returns `Wait` is never resumed; if it is, it keeps waiting."""
        return Wait()

    def at_once(self, context: TaskContext) -> HandlerResult | None:
        return None

    async def cancel(self, task: EndedTask) -> None:
        return None
