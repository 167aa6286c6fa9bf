"""Between the database and the engine: load a run as a `RunState`, feed it an event, store the result.

The rows are read and written by `run_sql` (the hot path's prepared statements).

`decide` is the only place the engine's decisions become rows: each command has one consumer. It
must run inside a transaction that holds the run's row lock (`lock_run`), so two workers finishing
tasks of the same run at once are serialised and each transition is recorded exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from server import task_handlers
from server.domain.flows import FlowDefinition
from server.domain.flows.engine import (
    CancelTask,
    Command,
    EndRun,
    EndTask,
    MarkTimedOut,
    Outcome,
    RunEvent,
    RunState,
    SetOrderStatus,
    StartTask,
    TaskRunState,
    step,
)
from server.domain.statuses import OrderStatus, RunStatus, TaskState
from server.domain.tasks import EndedTask
from server.live_messages import FlowRunUpdated, OrderStatusChanged, TaskUpdated
from server.models import FlowVersion
from server.services import run_sql, webhook_events, webhook_outbox
from server.services.effects import Effects, delay_ms, now, sent_by_broker
from server.services.run_sql import HistoryRow, OrderRow, OrderStatusWrite, RunRow, StepWrites, TaskRow

_DEFINITIONS: dict[UUID, FlowDefinition] = {}  # versions never change, so parsed once per process


@dataclass
class LoadedRun:
    run: RunRow
    order: OrderRow
    tasks: dict[str, TaskRow]  # by id as text, in ordinal order
    state: RunState


async def lock_run(run_id: UUID) -> LoadedRun | None:
    """The run, its order and its task runs, with their rows locked (call inside a transaction).

    The run's row is locked first, then its task runs, always in this order (no deadlocks between
    writers). Holding the task rows too means a claim, a resumption or the sweep, which change one
    task row at a time, wait for the decision in progress and never have their change written over.
    """
    locked = await run_sql.lock_run(run_id)
    return None if locked is None else await loaded_run(*locked)


async def loaded_run(run: RunRow, order: OrderRow, tasks: list[TaskRow]) -> LoadedRun:
    """The run's rows as the engine's state: what `lock_run` read, or a claim that locked them too."""
    definition = await definition_of(run.flow_version_id)
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


async def lock_rows(run_id: UUID) -> bool:
    """Lock the run and its task runs, as `lock_run` does, for writers that change them by other means."""
    return await run_sql.lock_run(run_id) is not None


async def definition_of(version_id: UUID) -> FlowDefinition:
    if version_id not in _DEFINITIONS:
        version = await FlowVersion.get(id=version_id)
        _DEFINITIONS[version_id] = FlowDefinition.from_dict(version.definition)
    return _DEFINITIONS[version_id]


def _task_state(task: TaskRow) -> TaskRunState:
    return TaskRunState(
        id=str(task.id),
        key=task.key,
        stage_index=task.stage_index,
        state=TaskState(task.state),
        outcome=Outcome(task.outcome) if task.outcome else None,
        timed_out=task.timed_out,
    )


async def decide(loaded: LoadedRun, event: RunEvent, actor: str, effects: Effects) -> list[Command]:
    """Feed `event` to the engine and carry out its commands; the caller commits, then `effects.carry_out()`.

    Each command has one consumer below, which changes its rows and adds its history entry; the run's
    own fields (status, stage, budget, reason) come from the new state. Everything is written at once.
    """
    new_state, commands = step(loaded.state, event)
    if new_state == loaded.state and not commands:
        return []
    consumers = _Consumers(loaded, now(), actor, effects)
    for command in commands:
        await consumers.carry(command)
    writes = consumers.writes
    writes.run = _new_run(loaded, new_state, consumers.moment)
    for offset, entry in enumerate(writes.history):  # one step's events keep their order in the history
        entry.created_at = consumers.moment + timedelta(microseconds=offset)
    await run_sql.write_step(writes)
    await webhook_outbox.record_step(loaded, loaded.state, event, commands, effects)
    effects.messages.append(run_message(loaded))
    loaded.state = new_state
    return commands


async def store_tasks(loaded: LoadedRun, tasks: list[TaskRow]) -> None:
    """Write task runs changed outside the engine (a worker parks its task), under the run's lock."""
    await run_sql.write_step(StepWrites(now(), changed=tasks))


_ENDED_WORDS = {
    TaskState.SUCCEEDED: ("task.succeeded", "succeeded"),
    TaskState.FAILED: ("task.failed", "failed"),
    TaskState.TIMED_OUT: ("task.timed_out", "timed out"),
    TaskState.CANCELLED: ("task.cancelled", "was cancelled"),
}
# The ends after which a handler's pending work (an open manual task, a confirmation link) must stop,
# as they read in a sentence: every end but success, which the handler's own answer brought about.
_STOPPED_WHY = {
    TaskState.CANCELLED: "was cancelled",
    TaskState.TIMED_OUT: "timed out",
    TaskState.FAILED: "failed",
}


class _Consumers:
    """The consumer of each command of one step, sharing its moment, actor, writes and effects."""

    def __init__(self, loaded: LoadedRun, moment: datetime, actor: str, effects: Effects) -> None:
        self.loaded, self.moment, self.actor, self.effects = loaded, moment, actor, effects
        self.writes = StepWrites(moment)

    @property
    def history(self) -> list[HistoryRow]:
        return self.writes.history

    async def carry(self, command: Command) -> None:
        match command:
            case StartTask():
                self.start_task(command)
            case EndTask(task_run_id, state, outcome, reason):
                await self.end_task(task_run_id, state, outcome, reason)
            case MarkTimedOut(task_run_id):
                self.mark_timed_out(task_run_id)
            case CancelTask(task_run_id):
                await self.end_task(task_run_id, TaskState.CANCELLED, None, "")
            case SetOrderStatus(status):
                self.set_order_status(status)
            case EndRun(status, reason):
                self.end_run(status, reason)

    def changed(self, row: TaskRow) -> None:
        if all(other is not row for other in self.writes.changed):
            self.writes.changed.append(row)

    def start_task(self, start: StartTask) -> None:
        """A new task run, READY: its message goes to the dispatcher, its timeout is scheduled."""
        ordinal = len(self.loaded.tasks)  # every task run of the run is loaded, in ordinal order
        row = _new_task_run(self.loaded.run, ordinal, start, self.moment)
        self.writes.created.append(row)
        self.loaded.tasks[start.task_run_id] = row
        if row.timeout_at is not None and sent_by_broker(delay := delay_ms(row.timeout_at, self.moment)):
            self.effects.timeouts.append((row.id, delay))  # a longer one is the sweep's, when due
        self.effects.run_tasks.append(row.id)
        self.record("task.ready", f'Task "{start.key}" is queued to start.', row)

    async def end_task(
        self, task_run_id: str, state: TaskState, outcome: Outcome | None, reason: str
    ) -> None:
        """The task run ends; unless it succeeded, its handler stops the work still pending outside."""
        row = self.loaded.tasks[task_run_id]
        was_waiting = row.state == TaskState.WAITING
        row.state = state
        row.outcome = outcome
        row.ended_at, row.lease_until, row.resume_data = self.moment, None, None
        if state is TaskState.FAILED and reason:
            row.error = reason
        self.changed(row)
        kind, words = _ENDED_WORDS[state]
        detail = f": {row.error}" if state is TaskState.FAILED and row.error else "."
        self.record(kind, f'Task "{row.key}" {words}{detail}', row)
        if state in _STOPPED_WHY:
            ended = EndedTask(
                row.id, self.loaded.order.id, row.key, row.handler_key, _STOPPED_WHY[state], was_waiting
            )
            await task_handlers.cancel(ended)

    def mark_timed_out(self, task_run_id: str) -> None:
        row = self.loaded.tasks[task_run_id]
        row.timed_out = True
        self.changed(row)
        message = f'Task "{row.key}" timed out; nothing handles it, so it keeps waiting and may recover.'
        self.record("task.timed_out", message, row)

    def set_order_status(self, status: OrderStatus) -> None:
        order = self.loaded.order
        previous = order.status
        order.status = str(status)
        self.writes.order_status = OrderStatusWrite(order.id, str(status))
        self.history.append(
            HistoryRow(
                order_id=order.id,
                kind="order.status",
                message=f"Status changed from {OrderStatus(previous).label} to {status.label}",
                data={"previousStatus": str(previous), "status": str(status)},
                actor=self.actor,
                created_at=self.moment,
            )
        )
        self.effects.messages.append(status_message(order, str(previous), self.moment))

    def end_run(self, status: RunStatus, reason: str) -> None:
        kind = "flow.succeeded" if status is RunStatus.SUCCESS else f"flow.{status.value.lower()}"
        self.history.append(HistoryRow(self.loaded.order.id, kind, reason, {}, self.actor, self.moment))

    def record(self, kind: str, message: str, row: TaskRow) -> None:
        data: dict[str, Any] = {
            "taskRunId": str(row.id),
            "taskKey": row.key,
            "runId": str(self.loaded.run.id),
        }
        self.history.append(HistoryRow(self.loaded.order.id, kind, message, data, self.actor, self.moment))


def _new_task_run(run: RunRow, ordinal: int, start: StartTask, moment: datetime) -> TaskRow:
    timeout_at = moment + timedelta(milliseconds=start.timeout_duration) if start.timeout_duration else None
    return TaskRow(
        id=UUID(start.task_run_id),
        run_id=run.id,
        ordinal=ordinal,
        stage_index=start.stage_index,
        key=start.key,
        handler_key=start.handler_key,
        state=TaskState.READY,
        timeout_at=timeout_at,
        dispatched_at=moment,
        created_at=moment,
    )


def _new_run(loaded: LoadedRun, new_state: RunState, moment: datetime) -> RunRow:
    run = loaded.run
    run.status = str(new_state.status)
    run.stage_index = new_state.stage_index
    run.tasks_started = new_state.tasks_started
    run.reason = new_state.reason
    run.flow_status = str(new_state.flow_status) if new_state.flow_status else None
    run.ended_at = moment if new_state.ended else None
    return run


def status_message(order: OrderRow, previous: str, at: datetime) -> OrderStatusChanged:
    return OrderStatusChanged(
        organization_id=str(order.space.organization_id),
        space_id=str(order.space_id),
        space_key=order.space.key,
        order_id=str(order.id),
        order_name=order.name,
        previous_status=previous,
        status=str(order.status),
        order=webhook_events.order_data(order),
        at=at,
    )


def run_message(loaded: LoadedRun, task: TaskRow | None = None) -> FlowRunUpdated | TaskUpdated:
    """The run changed; with `task`, because that task changed."""
    order, run = loaded.order, loaded.run
    organization_id = str(order.space.organization_id)
    space_id = str(order.space_id)
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
