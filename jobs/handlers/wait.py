"""`wait`: succeeds once `duration` milliseconds have passed (scheduling, cooling-off periods)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jobs.handlers.base import Outcome, Resumption, Succeeded, TaskContext, Wait
from server.domain.flows import HandlerSpec, handler_spec


class WaitHandler:
    spec: HandlerSpec = handler_spec("wait")  # type: ignore[assignment]

    async def run(self, context: TaskContext) -> Outcome:
        until = datetime.now(UTC) + timedelta(milliseconds=int(context.payload["duration"]))
        return Wait(resume_at=until, response={"until": until.isoformat()})

    async def resume(self, context: TaskContext, resumption: Resumption) -> Outcome:
        return Succeeded()


HANDLER = WaitHandler()
