"""Between the database and the engine: load a run as a `RunState`, feed it an event, store the result.

`decide` is the only place the engine's decisions become rows. It must run inside a transaction that
holds the run's row lock (`lock_run`), so two workers finishing tasks of the same run at once are
serialised and each transition is recorded exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from server.domain.flows import FlowDefinition
from server.domain.flows.engine import (
    Command,
    EndRun,
    Event,
    Outcome,
    RunState,
    SetOrderStatus,
    StartTask,
    TaskRunState,
    step,
)
from server.domain.statuses import ManualTaskStatus, OrderStatus, RunStatus, TaskState
from server.live_messages import FlowRunUpdated, OrderStatusChanged, TaskUpdated
from server.models import Event as HistoryEvent
from server.models import FlowRun, FlowVersion, ManualTask, Order, TaskRun
from server.services.effects import Effects, delay_ms, now

_DEFINITIONS: dict[UUID, FlowDefinition] = {}  # versions never change, so parsed once per process


@dataclass
class LoadedRun:
    run: FlowRun
    order: Order
    tasks: dict[str, TaskRun]  # by id as text, in ordinal order
    state: RunState


async def lock_run(run_id: UUID) -> LoadedRun | None:
    """The run, its order and its task runs, with their rows locked (call inside a transaction)."""
    locked = await lock_rows(run_id)
    if locked is None:
        return None
    run, tasks = locked
    order = await Order.filter(id=run.order_id).select_related("space").get()  # type: ignore[attr-defined]
    definition = await definition_of(run.flow_version_id)  # type: ignore[attr-defined]
    state = RunState(
        definition=definition,
        run_id=str(run.id),
        status=RunStatus(run.status),
        stage_index=run.stage_index,
        task_runs=tuple(_task_state(task) for task in tasks),
        tasks_started=run.tasks_started,
        order_status=OrderStatus(order.status),
        flow_status=OrderStatus(run.flow_status) if run.flow_status else None,
        reason=run.reason,
    )
    return LoadedRun(run, order, {str(task.id): task for task in tasks}, state)


async def lock_rows(run_id: UUID) -> tuple[FlowRun, list[TaskRun]] | None:
    """Lock the run, then its task runs, always in this order (no deadlocks between writers).

    Holding the task rows too means a claim, a resumption or the sweep, which change one task
    row at a time, wait for the decision in progress and never have their change written over.
    """
    run = await FlowRun.filter(id=run_id).select_for_update().first()
    if run is None:
        return None
    tasks = await TaskRun.filter(run_id=run.id).order_by("ordinal").select_for_update()
    return run, list(tasks)


async def definition_of(version_id: UUID) -> FlowDefinition:
    if version_id not in _DEFINITIONS:
        version = await FlowVersion.get(id=version_id)
        _DEFINITIONS[version_id] = FlowDefinition.from_dict(version.definition)
    return _DEFINITIONS[version_id]


def _task_state(task: TaskRun) -> TaskRunState:
    return TaskRunState(
        id=str(task.id),
        key=task.key,
        stage_index=task.stage_index,
        state=TaskState(task.state),
        outcome=Outcome(task.outcome) if task.outcome else None,
        timed_out=task.timed_out,
    )


async def decide(loaded: LoadedRun, event: Event, actor: str, effects: Effects) -> list[Command]:
    """Feed `event` to the engine and store what changed; the caller commits, then `effects.carry_out()`."""
    new_state, commands = step(loaded.state, event)
    if new_state == loaded.state and not commands:
        return []
    moment = now()
    history: list[HistoryEvent] = []
    await _store_tasks(loaded, new_state, commands, moment, history, actor, effects)
    await _store_run(loaded, new_state, moment)
    for command in commands:
        await _carry(loaded, command, moment, history, actor, effects)
    for offset, entry in enumerate(history):  # one step's events keep their order in the history
        entry.created_at = moment + timedelta(microseconds=offset)
    await HistoryEvent.bulk_create(history)
    effects.messages.append(run_message(loaded))
    loaded.state = new_state
    return commands


async def _store_tasks(
    loaded: LoadedRun,
    new_state: RunState,
    commands: list[Command],
    moment: datetime,
    history: list[HistoryEvent],
    actor: str,
    effects: Effects,
) -> None:
    starts = {command.task_run_id: command for command in commands if isinstance(command, StartTask)}
    created: list[TaskRun] = []
    for ordinal, task in enumerate(new_state.task_runs):
        row = loaded.tasks.get(task.id)
        if row is None:
            row = _new_task_run(loaded.run, ordinal, task, starts[task.id], moment)
            created.append(row)
            loaded.tasks[task.id] = row
            if row.timeout_at is not None:
                effects.timeouts.append((row.id, delay_ms(row.timeout_at, moment)))
            effects.run_tasks.append(row.id)
            history.append(_event(loaded, "task.started", f'Task "{task.key}" started.', row, actor))
        elif _changed(row, task):
            await _update_task(loaded, row, task, moment, history, actor)
    if created:
        await TaskRun.bulk_create(created)


def _new_task_run(
    run: FlowRun, ordinal: int, task: TaskRunState, start: StartTask, moment: datetime
) -> TaskRun:
    timeout_at = moment + timedelta(milliseconds=start.timeout_duration) if start.timeout_duration else None
    return TaskRun(
        id=UUID(task.id),
        run_id=run.id,
        ordinal=ordinal,
        stage_index=task.stage_index,
        key=task.key,
        handler_key=start.handler_key,
        state=TaskState.READY,
        timeout_at=timeout_at,
        dispatched_at=moment,
        created_at=moment,
    )


def _changed(row: TaskRun, task: TaskRunState) -> bool:
    return (row.state, row.outcome, row.timed_out) != (task.state, task.outcome, task.timed_out)


_TASK_WORDS = {
    TaskState.SUCCEEDED: ("task.succeeded", "succeeded"),
    TaskState.FAILED: ("task.failed", "failed"),
    TaskState.TIMED_OUT: ("task.timed_out", "timed out"),
    TaskState.CANCELLED: ("task.cancelled", "was cancelled"),
}


async def _update_task(
    loaded: LoadedRun,
    row: TaskRun,
    task: TaskRunState,
    moment: datetime,
    history: list[HistoryEvent],
    actor: str,
) -> None:
    newly_timed_out = task.timed_out and not row.timed_out
    row.state, row.outcome, row.timed_out = task.state, task.outcome, task.timed_out
    fields = ["state", "outcome", "timed_out"]
    if not task.active:
        row.ended_at, row.lease_until, row.resume_data = moment, None, None
        fields += ["ended_at", "lease_until", "resume_data", "response", "error"]
        if row.handler_key == "manual-task":
            # Nobody resolved it in time (or its run was cancelled): it can no longer be acted on.
            await ManualTask.filter(task_run_id=row.id, status=ManualTaskStatus.OPEN).update(
                status=ManualTaskStatus.CANCELLED, resolved_at=moment
            )
    await row.save(update_fields=fields)
    if newly_timed_out:
        message = f'Task "{task.key}" timed out; nothing handles it, so it keeps waiting and may recover.'
        history.append(_event(loaded, "task.timed_out", message, row, actor))
    elif task.state in _TASK_WORDS:
        kind, words = _TASK_WORDS[task.state]
        detail = f": {row.error}" if task.state is TaskState.FAILED and row.error else "."
        history.append(_event(loaded, kind, f'Task "{task.key}" {words}{detail}', row, actor))


async def _store_run(loaded: LoadedRun, new_state: RunState, moment: datetime) -> None:
    run = loaded.run
    run.status = new_state.status
    run.stage_index = new_state.stage_index
    run.tasks_started = new_state.tasks_started
    run.reason = new_state.reason
    run.flow_status = new_state.flow_status  # type: ignore[assignment]
    run.ended_at = moment if new_state.ended else None
    await run.save(
        update_fields=["status", "stage_index", "tasks_started", "reason", "flow_status", "ended_at"]
    )


async def _carry(
    loaded: LoadedRun,
    command: Command,
    moment: datetime,
    history: list[HistoryEvent],
    actor: str,
    effects: Effects,
) -> None:
    match command:
        case SetOrderStatus(status):
            previous = loaded.order.status
            loaded.order.status = status
            await Order.filter(id=loaded.order.id).update(status=status, updated_at=moment)
            message = f"Status changed from {OrderStatus(previous).label} to {status.label}"
            history.append(
                HistoryEvent(
                    order_id=loaded.order.id,
                    kind="order.status",
                    message=message,
                    data={"previousStatus": str(previous), "status": str(status)},
                    actor=actor,
                    created_at=moment,
                )
            )
            effects.messages.append(status_message(loaded.order, str(previous), moment))
        case EndRun(status, reason):
            kind = "flow.succeeded" if status is RunStatus.SUCCESS else f"flow.{status.value.lower()}"
            history.append(
                HistoryEvent(
                    order_id=loaded.order.id,
                    kind=kind,
                    message=reason,
                    data={},
                    actor=actor,
                    created_at=moment,
                )
            )


def _event(loaded: LoadedRun, kind: str, message: str, task: TaskRun, actor: str) -> HistoryEvent:
    data: dict[str, Any] = {"taskRunId": str(task.id), "taskKey": task.key, "runId": str(loaded.run.id)}
    return HistoryEvent(order_id=loaded.order.id, kind=kind, message=message, data=data, actor=actor)


def status_message(order: Order, previous: str, at: datetime) -> OrderStatusChanged:
    return OrderStatusChanged(
        organization_id=str(order.space.organization_id),  # type: ignore[attr-defined]
        space_id=str(order.space_id),  # type: ignore[attr-defined]
        space_key=order.space.key,
        order_id=str(order.id),
        order_name=order.name,
        previous_status=previous,
        status=str(order.status),
        at=at,
    )


def run_message(loaded: LoadedRun, task: TaskRun | None = None) -> FlowRunUpdated | TaskUpdated:
    """The run changed; with `task`, because that task changed."""
    order, run = loaded.order, loaded.run
    organization_id = str(order.space.organization_id)  # type: ignore[attr-defined]
    space_id = str(order.space_id)  # type: ignore[attr-defined]
    if task is None:
        return FlowRunUpdated(
            organization_id=organization_id,
            space_id=space_id,
            space_key=order.space.key,
            order_id=str(order.id),
            run_id=str(run.id),
            run_status=str(run.status),
            at=now(),
        )
    return TaskUpdated(
        organization_id=organization_id,
        space_id=space_id,
        space_key=order.space.key,
        order_id=str(order.id),
        run_id=str(run.id),
        run_status=str(run.status),
        task_run_id=str(task.id),
        task_key=task.key,
        task_state=str(task.state),
        at=now(),
    )
