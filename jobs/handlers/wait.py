"""`wait`: succeeds once `duration` milliseconds have passed (scheduling, cooling-off periods)."""

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
    positive_integer,
)

SPEC = HandlerSpec(
    "wait",
    "Succeeds after a duration.",
    (
        Field(
            "duration",
            positive_integer("a whole number of milliseconds"),
            True,
            description="milliseconds to wait.",
        ),
    ),
)


class WaitHandler:
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        until = datetime.now(UTC) + timedelta(milliseconds=int(context.payload["duration"]))
        return Wait(resume_at=until, response={"until": until.isoformat()})

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        return Succeeded()


HANDLER = WaitHandler()
