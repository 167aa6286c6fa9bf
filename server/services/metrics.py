"""What `/metrics` counts: orders by status, runs and tasks that are under way, live subscribers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.functions import Count

from server.domain.statuses import RunStatus, TaskState
from server.events import get_bus
from server.models import FlowRun, Order, TaskRun

ACTIVE_TASKS = (TaskState.READY, TaskState.RUNNING, TaskState.WAITING)
ACTIVE_RUNS = (RunStatus.RUNNING, RunStatus.UNHEALTHY)


@dataclass(frozen=True)
class Snapshot:
    orders: dict[str, int]  # by status
    runs: dict[str, int]  # under way, by status
    tasks: dict[str, int]  # under way, by state
    timed_out_tasks: int  # under way although their timeout passed unhandled
    subscribers: int  # live subscriptions of this process


async def snapshot() -> Snapshot:
    return Snapshot(
        orders=await _by(Order.all(), "status"),
        runs=await _by(FlowRun.filter(status__in=ACTIVE_RUNS), "status"),
        tasks=await _by(_active_tasks(), "state"),
        timed_out_tasks=await _active_tasks(timed_out=True).count(),
        subscribers=get_bus().subscriber_count,
    )


def _active_tasks(**filters: object) -> Any:
    """Active task runs, found through their active runs (`task_run` has no index on its state)."""
    return TaskRun.filter(run__status__in=ACTIVE_RUNS, state__in=ACTIVE_TASKS, **filters)


async def _by(query: object, column: str) -> dict[str, int]:
    rows = await query.annotate(n=Count("id")).group_by(column).values_list(column, "n")  # type: ignore[attr-defined]
    return {str(key): int(n) for key, n in rows}
