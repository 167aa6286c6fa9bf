"""Read-only views of flow runs for pages: an order's run with its version and task runs, and the
open manual tasks.

`latest_run` trusts its caller to have checked that the order is visible (the order read
service); `open_manual_tasks` applies the actor's visibility itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from server.domain.actors import Actor
from server.domain.flows import FlowDefinition
from server.domain.statuses import ManualTaskStatus, RunStatus, TaskState
from server.models import Flow, FlowRun, FlowVersion, ManualTask, TaskRun
from server.services.permissions import space_filter

ACTIVE = (RunStatus.RUNNING, RunStatus.UNHEALTHY)
RETRYABLE = (TaskState.FAILED, TaskState.TIMED_OUT)


@dataclass
class RunView:
    run: FlowRun
    version: FlowVersion
    flow: Flow
    definition: FlowDefinition
    task_runs: list[TaskRun] = field(default_factory=list)  # in the order they started

    @property
    def active(self) -> bool:
        return self.run.status in ACTIVE

    def latest_by_key(self) -> dict[str, TaskRun]:
        """The newest task run of each task definition: what the diagram shows."""
        latest: dict[str, TaskRun] = {}
        for task in self.task_runs:
            latest[task.key] = task
        return latest

    def retryable(self, task: TaskRun) -> bool:
        newest = self.latest_by_key().get(task.key)
        return newest is task and (task.state in RETRYABLE or task.timed_out)


async def latest_run(order_id: UUID) -> RunView | None:
    """The order's newest run with its version, flow and task runs; None before any flow started."""
    run = await FlowRun.filter(order_id=order_id).order_by("-started_at").first()
    if run is None:
        return None
    version = await FlowVersion.get(id=run.flow_version_id).select_related("flow")  # type: ignore[attr-defined]
    tasks = await TaskRun.filter(run_id=run.id).order_by("ordinal")
    return RunView(
        run=run,
        version=version,
        flow=version.flow,
        definition=FlowDefinition.from_dict(version.definition),
        task_runs=list(tasks),
    )


async def run_count(order_id: UUID) -> int:
    return await FlowRun.filter(order_id=order_id).count()


async def startable_flows(space_id: UUID) -> list[Flow]:
    """The enabled flows of a space, which an operator may start for an order of it."""
    return await Flow.filter(space_id=space_id, enabled=True).order_by("name")


@dataclass(frozen=True)
class OpenTask:
    id: UUID
    title: str
    description: str
    assignee_tags: list[str]
    created_at: datetime
    order_id: UUID
    order_name: str
    space_key: str


async def open_manual_tasks(actor: Actor, limit: int = 200) -> list[OpenTask]:
    """The open manual tasks of the orders the actor may see, oldest first."""
    query = ManualTask.filter(status=ManualTaskStatus.OPEN, **space_filter(actor, "order__space"))
    records = (
        await query.order_by("created_at")
        .limit(limit)
        .values(
            "id",
            "title",
            "description",
            "assignee_tags",
            "created_at",
            "order_id",
            "order__name",
            "order__space__key",
        )
    )
    return [
        OpenTask(
            id=r["id"],
            title=r["title"],
            description=r["description"],
            assignee_tags=list(r["assignee_tags"] or []),
            created_at=r["created_at"],
            order_id=r["order_id"],
            order_name=r["order__name"],
            space_key=r["order__space__key"],
        )
        for r in records
    ]
