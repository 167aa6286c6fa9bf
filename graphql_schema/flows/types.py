"""Flows, their versions, runs and task runs, as clients see them."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from server.domain.statuses import RunStatus, TaskState
from server.models import FlowRun, FlowVersion, TaskRun
from server.services.flows import FlowDetail

RunStatusEnum = strawberry.enum(RunStatus, name="RunStatus")
TaskStateEnum = strawberry.enum(TaskState, name="TaskState")


@strawberry.type(name="FlowVersion")
class FlowVersionType:
    id: strawberry.ID
    number: int
    source: str = strawberry.field(description="The definition as it was written (any accepted shape).")
    definition: JSON = strawberry.field(description="The canonical definition that runs.")
    created_by: str
    created_at: datetime

    @classmethod
    def of(cls, version: FlowVersion) -> FlowVersionType:
        return cls(
            id=strawberry.ID(str(version.id)),
            number=version.number,
            source=version.source,
            definition=version.definition,  # type: ignore[arg-type]
            created_by=version.created_by,
            created_at=version.created_at,
        )


@strawberry.type(name="Flow")
class FlowType:
    id: strawberry.ID
    key: str = strawberry.field(description="What orders name in `flowKey`; fixed once created.")
    name: str
    enabled: bool
    space_key: str
    created_at: datetime
    current_version: FlowVersionType | None
    versions: list[FlowVersionType] = strawberry.field(description="Newest first.")

    @classmethod
    def of(cls, detail: FlowDetail) -> FlowType:
        flow, versions = detail.flow, [FlowVersionType.of(v) for v in detail.versions]
        return cls(
            id=strawberry.ID(str(flow.id)),
            key=flow.key,
            name=flow.name,
            enabled=flow.enabled,
            space_key=flow.space.key,
            created_at=flow.created_at,
            current_version=versions[0] if versions else None,
            versions=versions,
        )


@strawberry.type(name="TaskRun")
class TaskRunType:
    id: strawberry.ID
    key: str
    handler_key: str
    stage_index: int
    status: TaskStateEnum  # type: ignore[valid-type]
    outcome: str | None = strawberry.field(description="success, failure or timeout, once it ended.")
    attempts: int
    timed_out: bool = strawberry.field(description="Its timeout passed unhandled; it still waits.")
    error: str
    response: JSON | None
    created_at: datetime
    started_at: datetime | None
    ended_at: datetime | None

    @classmethod
    def of(cls, task: TaskRun) -> TaskRunType:
        return cls(
            id=strawberry.ID(str(task.id)),
            key=task.key,
            handler_key=task.handler_key,
            stage_index=task.stage_index,
            status=TaskState(task.state),
            outcome=task.outcome,
            attempts=task.attempts,
            timed_out=task.timed_out,
            error=task.error,
            response=task.response,  # type: ignore[arg-type]
            created_at=task.created_at,
            started_at=task.started_at,
            ended_at=task.ended_at,
        )


@strawberry.type(name="FlowRun")
class FlowRunType:
    id: strawberry.ID
    order_id: strawberry.ID
    flow_version_id: strawberry.ID
    status: RunStatusEnum  # type: ignore[valid-type]
    stage_index: int
    reason: str
    started_at: datetime
    ended_at: datetime | None
    task_runs: list[TaskRunType] = strawberry.field(description="In the order they started.")

    @classmethod
    def of(cls, run: FlowRun, tasks: list[TaskRun]) -> FlowRunType:
        return cls(
            id=strawberry.ID(str(run.id)),
            order_id=strawberry.ID(str(run.order_id)),  # type: ignore[attr-defined]
            flow_version_id=strawberry.ID(str(run.flow_version_id)),  # type: ignore[attr-defined]
            status=RunStatus(run.status),
            stage_index=run.stage_index,
            reason=run.reason,
            started_at=run.started_at,
            ended_at=run.ended_at,
            task_runs=[TaskRunType.of(task) for task in tasks],
        )


@strawberry.type
class FlowProblem:
    pointer: str = strawberry.field(description='A JSON pointer into the definition ("" = all of it).')
    message: str
    line: int | None
    column: int | None


@strawberry.type
class FlowCheckResult:
    ok: bool
    shape: str = strawberry.field(description="canonical, stage, step-list or unknown.")
    problems: list[FlowProblem]
    definition: JSON | None = strawberry.field(description="The canonical form, when it is valid.")
