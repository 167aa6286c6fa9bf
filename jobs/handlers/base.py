"""What a task handler is: a key (its `spec`), an async `run`, and `resume` for tasks that wait.

The context and outcome types live in `server.domain.tasks`, so the services that record outcomes
need not import `jobs`; they are re-exported here for handler authors.
"""

from __future__ import annotations

from typing import Protocol

from server.domain.flows.handlers import HandlerSpec
from server.domain.tasks import Failed, Outcome, Resumption, Retry, Succeeded, TaskContext, Wait

__all__ = ["Failed", "Handler", "Outcome", "Resumption", "Retry", "Succeeded", "TaskContext", "Wait"]


class Handler(Protocol):
    spec: HandlerSpec

    async def run(self, context: TaskContext) -> Outcome: ...

    async def resume(self, context: TaskContext, resumption: Resumption) -> Outcome: ...
