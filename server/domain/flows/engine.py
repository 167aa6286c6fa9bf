"""The flow engine: a pure state machine, `step(state, event) -> (state, commands)` (DESIGN §4.2).

The service layer loads a `RunState` (the run, *every* one of its task runs, the definition of the
version it runs), feeds it one `RunEvent`, stores the run's own fields (status, stage index, tasks
started, reason) and carries out the `Command`s in the same transaction. Every change to a task run
or the order is a command (`StartTask`, `EndTask`, `MarkTimedOut`, `CancelTask`, `SetOrderStatus`,
`EndRun`), each with one consumer in the run store. The engine knows no database, clock or broker:
scheduling a task's timeout is the service's business (it gets `timeout_duration` in `StartTask`),
and so is moving a task between READY, RUNNING and WAITING while a worker handles it.

Decisions where the design is silent:

- Task run ids are minted here, deterministically (`task_run_id(run_id, ordinal)`, a UUID 5), so a
  decision taken twice (a redelivered event) yields the same ids and a second insert conflicts.
- Every `next` entry matching an outcome starts its task once, even if two entries name it.
- A `successStatus` sets the order's status when its task succeeds; the run goes on. While the run is
  healthy the order shows the last `successStatus` set (else In progress). When the last stage ends the
  order keeps a terminal one (Success or Failure) and is Success otherwise; the run ends SUCCESS, or
  FAILURE when a `successStatus` left the order at Failure (so a run that ended by an error branch reads
  as failed).
- An unhandled timeout leaves the task in its state (READY, RUNNING or WAITING) with `timed_out` set:
  it still counts as active, so the stage waits for it. The run and the order are UNHEALTHY while any
  such task is active; when the last one ends (late success, handled failure, or a retry replacing
  it) they go back to RUNNING and In progress (or the last `successStatus`).
- A handled timeout ends the task as TIMED_OUT (`EndTask`); its handler's `cancel` hook stops its
  pending work (a manual task, a confirmation link), as for a `CancelTask`.
- Retry applies to the latest task run of a key in the current stage when it FAILED, TIMED_OUT, or
  is still active after an unhandled timeout (that one is cancelled). It starts a new task run; a
  run ended by a failure is reopened. Retrying a task that was already retried does nothing.
- Restart happens in place: active tasks are cancelled, the run starts over at stage 0 with a fresh
  budget of 1,000 tasks (optionally on a newer definition), older task runs stay as history.
- Cancel ends the run CANCELLED and cancels its active tasks; the order becomes Failure unless a
  `successStatus` already made it Success or Failure.
- The 1,000 tasks budget counts every start, retries included; the start that would be the 1,001st
  fails the run instead.
- Events that change nothing (an ended task, an unknown id, a second RunStarted, cancelling an ended
  run) return the same state and no commands.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from server.domain.flows.definition import FlowDefinition, Stage, TaskDefinition
from server.domain.statuses import OrderStatus, RunStatus, TaskState

MAX_TASKS_PER_RUN = 1000
_TASK_RUN_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "fabflow:task-run")


class Outcome(StrEnum):
    SUCCESS = "success"  # the handler did its job, or a person completed the task
    FAILURE = "failure"  # the handler failed, or a person rejected the task
    TIMEOUT = "timeout"  # the timeoutDuration passed before either


class InvalidTransition(RuntimeError):
    """A move the tables below forbid: a bug in the engine or in what the service loaded."""


# Which run status may follow which. Every status may go back to RUNNING: a restart (and from
# FAILURE a retry, from UNHEALTHY a recovery).
RUN_TRANSITIONS: dict[RunStatus, frozenset[RunStatus]] = {
    RunStatus.RUNNING: frozenset(
        {RunStatus.UNHEALTHY, RunStatus.SUCCESS, RunStatus.FAILURE, RunStatus.CANCELLED}
    ),
    RunStatus.UNHEALTHY: frozenset({RunStatus.RUNNING, RunStatus.FAILURE, RunStatus.CANCELLED}),
    RunStatus.SUCCESS: frozenset({RunStatus.RUNNING}),
    RunStatus.FAILURE: frozenset({RunStatus.RUNNING}),
    RunStatus.CANCELLED: frozenset({RunStatus.RUNNING}),
}

ACTIVE_STATES = frozenset({TaskState.READY, TaskState.RUNNING, TaskState.WAITING})
ENDED_STATES = frozenset({TaskState.SUCCEEDED, TaskState.FAILED, TaskState.TIMED_OUT, TaskState.CANCELLED})
# Which task state may follow which. READY → RUNNING → WAITING (back to READY when a worker's lease
# lapses, to RUNNING when a wait resumes) are the service's moves; the engine only ends tasks.
TASK_TRANSITIONS: dict[TaskState, frozenset[TaskState]] = {
    TaskState.READY: frozenset({TaskState.RUNNING, TaskState.WAITING}) | ENDED_STATES,
    TaskState.RUNNING: frozenset({TaskState.READY, TaskState.WAITING}) | ENDED_STATES,
    TaskState.WAITING: frozenset({TaskState.READY, TaskState.RUNNING}) | ENDED_STATES,
    **{ended: frozenset() for ended in ENDED_STATES},
}
ENDED_BY: dict[Outcome, TaskState] = {
    Outcome.SUCCESS: TaskState.SUCCEEDED,
    Outcome.FAILURE: TaskState.FAILED,
    Outcome.TIMEOUT: TaskState.TIMED_OUT,
}
_TERMINAL_ORDER = (OrderStatus.SUCCESS, OrderStatus.FAILURE)


def can_transition(current: TaskState, new: TaskState) -> bool:
    return new in TASK_TRANSITIONS[current]


def task_run_id(run_id: str, ordinal: int) -> str:
    """The id of the `ordinal`-th task run (0-based) of a run: a UUID, the same every time."""
    return str(uuid.uuid5(_TASK_RUN_NAMESPACE, f"{run_id}/{ordinal}"))


# --------------------------------------------------------------------------------------------------
# State


@dataclass(frozen=True)
class TaskRunState:
    id: str
    key: str
    stage_index: int
    state: TaskState = TaskState.READY
    outcome: Outcome | None = None
    timed_out: bool = False  # its timeout fired and nothing handled it; it may still complete

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES


@dataclass(frozen=True)
class RunState:
    definition: FlowDefinition
    run_id: str = ""
    status: RunStatus = RunStatus.RUNNING
    stage_index: int = 0
    task_runs: tuple[TaskRunState, ...] = ()  # every task run, in the order they started
    tasks_started: int = 0  # since the run (re)started; at most MAX_TASKS_PER_RUN
    order_status: OrderStatus = OrderStatus.CREATED  # the order's status as the engine last set it
    flow_status: OrderStatus | None = None  # set by the last successStatus of a succeeded task
    reason: str = ""  # why the run ended

    @property
    def ended(self) -> bool:
        return self.status not in (RunStatus.RUNNING, RunStatus.UNHEALTHY)

    def task_run(self, task_run_id: str) -> TaskRunState | None:
        return next((task for task in self.task_runs if task.id == task_run_id), None)

    def active_task_runs(self) -> tuple[TaskRunState, ...]:
        return tuple(task for task in self.task_runs if task.active)

    def stage(self, index: int | None = None) -> Stage | None:
        index = self.stage_index if index is None else index
        stages = self.definition.stages
        return stages[index] if 0 <= index < len(stages) else None

    def task_definition(self, task: TaskRunState) -> TaskDefinition | None:
        stage = self.stage(task.stage_index)
        return stage.task(task.key) if stage else None


# --------------------------------------------------------------------------------------------------
# Events


@dataclass(frozen=True)
class RunStarted:
    pass


@dataclass(frozen=True)
class TaskSucceeded:
    task_run_id: str


@dataclass(frozen=True)
class TaskFailed:
    task_run_id: str
    reason: str = ""


@dataclass(frozen=True)
class TaskTimedOut:
    task_run_id: str


@dataclass(frozen=True)
class RetryTask:
    task_run_id: str


@dataclass(frozen=True)
class CancelRun:
    reason: str = "The run was cancelled."


@dataclass(frozen=True)
class RestartRun:
    definition: FlowDefinition | None = None  # a newer version to run; None keeps the current one


RunEvent = RunStarted | TaskSucceeded | TaskFailed | TaskTimedOut | RetryTask | CancelRun | RestartRun


# --------------------------------------------------------------------------------------------------
# Commands


@dataclass(frozen=True)
class StartTask:
    """Create the task run (state READY), schedule its timeout, hand it to the dispatcher."""

    task_run_id: str
    key: str
    stage_index: int
    handler_key: str
    timeout_duration: int | None


@dataclass(frozen=True)
class EndTask:
    """The task run ended with `outcome` (its `state`); a TIMED_OUT end stops its pending work."""

    task_run_id: str
    state: TaskState  # SUCCEEDED, FAILED or TIMED_OUT
    outcome: Outcome
    reason: str = ""  # why it failed, as the handler said


@dataclass(frozen=True)
class MarkTimedOut:
    """The task's timeout fired and nothing handles it: it keeps waiting and may still recover."""

    task_run_id: str


@dataclass(frozen=True)
class CancelTask:
    """Stop the task run's pending work (manual task, confirmation link, timers); it is CANCELLED."""

    task_run_id: str


@dataclass(frozen=True)
class SetOrderStatus:
    status: OrderStatus


@dataclass(frozen=True)
class EndRun:
    status: RunStatus
    reason: str


Command = StartTask | EndTask | MarkTimedOut | CancelTask | SetOrderStatus | EndRun


# --------------------------------------------------------------------------------------------------
# The step


def step(state: RunState, event: RunEvent) -> tuple[RunState, list[Command]]:
    """The run after `event`, and what the service must do about it."""
    work = _Work(state)
    match event:
        case RunStarted():
            _start_run(work)
        case TaskSucceeded(task_run_id):
            _task_ended(work, task_run_id, Outcome.SUCCESS, "")
        case TaskFailed(task_run_id, reason):
            _task_ended(work, task_run_id, Outcome.FAILURE, reason)
        case TaskTimedOut(task_run_id):
            _task_ended(work, task_run_id, Outcome.TIMEOUT, "")
        case RetryTask(task_run_id):
            _retry(work, task_run_id)
        case CancelRun(reason):
            _cancel_run(work, reason)
        case RestartRun(definition):
            _restart(work, definition)
    return work.state, work.commands


class _Work:
    """The state and commands of one step as it is being decided."""

    def __init__(self, state: RunState) -> None:
        self.state = state
        self.commands: list[Command] = []

    def update(self, **changes: Any) -> None:
        status = changes.get("status", self.state.status)
        if status is not self.state.status and status not in RUN_TRANSITIONS[self.state.status]:
            raise InvalidTransition(f"run {self.state.status} → {status}")
        self.state = replace(self.state, **changes)

    def update_task(self, task: TaskRunState, **changes: Any) -> TaskRunState:
        new = replace(task, **changes)
        if new.state is not task.state and not can_transition(task.state, new.state):
            raise InvalidTransition(f"task {task.key}: {task.state} → {new.state}")
        self.update(task_runs=tuple(new if other.id == task.id else other for other in self.state.task_runs))
        return new

    def set_order(self, status: OrderStatus) -> None:
        if self.state.order_status is not status:
            self.update(order_status=status)
            self.commands.append(SetOrderStatus(status))


def _start_run(work: _Work) -> None:
    if work.state.status is not RunStatus.RUNNING or work.state.task_runs:
        return
    work.set_order(OrderStatus.IN_PROGRESS)
    _enter_stage(work, 0)


def _task_ended(work: _Work, task_id: str, outcome: Outcome, reason: str) -> None:
    task = work.state.task_run(task_id)
    if task is None or not task.active or work.state.ended or (outcome is Outcome.TIMEOUT and task.timed_out):
        return  # unknown, already ended (or its run), or a timeout that already fired
    definition = work.state.task_definition(task)
    keys = definition.next_keys(outcome) if definition else []
    if outcome is Outcome.TIMEOUT and not keys:
        work.update_task(task, timed_out=True)  # keeps waiting; the run is unhealthy meanwhile
        work.commands.append(MarkTimedOut(task.id))
        _settle(work)
        return
    work.update_task(task, state=ENDED_BY[outcome], outcome=outcome)
    work.commands.append(EndTask(task.id, ENDED_BY[outcome], outcome, reason))
    if outcome is Outcome.SUCCESS and definition and definition.success_status:
        work.update(flow_status=definition.success_status)
    if outcome is Outcome.FAILURE and not keys:
        _fail(work, f'Task "{task.key}" failed and no next entry handles its failure' + _detail(reason))
        return
    if all(_start_task(work, key) for key in keys):
        _settle(work)


def _detail(reason: str) -> str:
    return f": {reason}" if reason else "."


def _retry(work: _Work, task_id: str) -> None:
    state = work.state
    task = state.task_run(task_id)
    if task is None or task.stage_index != state.stage_index or state.status is RunStatus.CANCELLED:
        return
    retryable = task.state in (TaskState.FAILED, TaskState.TIMED_OUT) or (task.active and task.timed_out)
    if not retryable or state.status is RunStatus.SUCCESS or _superseded(state, task):
        return
    if task.active:
        _cancel_task(work, task)
    if work.state.status is RunStatus.FAILURE:
        work.update(status=RunStatus.RUNNING, reason="")
    if _start_task(work, task.key):
        _settle(work)


def _superseded(state: RunState, task: TaskRunState) -> bool:
    """Whether a later task run of the same key and stage exists (a retry or a loop ran it again)."""
    later = state.task_runs[state.task_runs.index(task) + 1 :]
    return any(other.key == task.key and other.stage_index == task.stage_index for other in later)


def _cancel_run(work: _Work, reason: str) -> None:
    if work.state.ended:
        return
    _cancel_active(work)
    work.update(status=RunStatus.CANCELLED, reason=reason)
    if work.state.order_status not in _TERMINAL_ORDER:
        work.set_order(OrderStatus.FAILURE)
    work.commands.append(EndRun(RunStatus.CANCELLED, reason))


def _restart(work: _Work, definition: FlowDefinition | None) -> None:
    _cancel_active(work)
    work.update(
        definition=definition or work.state.definition,
        status=RunStatus.RUNNING,
        stage_index=0,
        tasks_started=0,
        flow_status=None,
        reason="",
    )
    work.set_order(OrderStatus.IN_PROGRESS)
    _enter_stage(work, 0)


# --------------------------------------------------------------------------------------------------
# Moves shared by the events


def _enter_stage(work: _Work, index: int) -> None:
    """Start the stage's initial tasks; a stage that starts nothing (unvalidated input) is skipped."""
    while (stage := work.state.stage(index)) is not None:
        work.update(stage_index=index)
        if not all(_start_task(work, key) for key in stage.initial_task_definition_keys):
            return
        if _stage_active(work.state):
            return
        index += 1
    _complete(work)


def _start_task(work: _Work, key: str) -> bool:
    """Start a task of the current stage; False if that ended the run instead."""
    state = work.state
    stage = state.stage()
    definition = stage.task(key) if stage else None
    if stage is None or definition is None:
        _fail(work, f'The flow names the task "{key}", which its stage does not have.')
        return False
    if state.tasks_started >= MAX_TASKS_PER_RUN:
        limit = f"The run would start more than {MAX_TASKS_PER_RUN:,} tasks (next: {key!r}); "
        _fail(work, limit + "a loop in the flow probably never ends.")
        return False
    task = TaskRunState(task_run_id(state.run_id, len(state.task_runs)), key, state.stage_index)
    work.update(task_runs=(*state.task_runs, task), tasks_started=state.tasks_started + 1)
    work.commands.append(
        StartTask(task.id, key, state.stage_index, definition.handler_key, definition.timeout_duration)
    )
    return True


def _settle(work: _Work) -> None:
    """After tasks ended or started: recompute the run's health, and move on when the stage is done."""
    if work.state.ended:
        return
    if any(task.active and task.timed_out for task in work.state.task_runs):
        work.update(status=RunStatus.UNHEALTHY)
        work.set_order(OrderStatus.UNHEALTHY)
        return  # an unhealthy task is active, so the stage is not done
    work.update(status=RunStatus.RUNNING)
    work.set_order(work.state.flow_status or OrderStatus.IN_PROGRESS)
    if not _stage_active(work.state):
        _enter_stage(work, work.state.stage_index + 1)


def _stage_active(state: RunState) -> bool:
    return any(task.active and task.stage_index == state.stage_index for task in state.task_runs)


def _complete(work: _Work) -> None:
    flow_status = work.state.flow_status
    final = flow_status if flow_status in _TERMINAL_ORDER else OrderStatus.SUCCESS
    if final is OrderStatus.FAILURE:
        status = RunStatus.FAILURE
        reason = "Every stage finished; a task's successStatus set the order to Failure."
    else:
        status, reason = RunStatus.SUCCESS, "Every stage finished."
    work.update(status=status, reason=reason)
    work.set_order(final)
    work.commands.append(EndRun(status, reason))


def _fail(work: _Work, reason: str) -> None:
    _cancel_active(work)
    work.update(status=RunStatus.FAILURE, reason=reason)
    work.set_order(OrderStatus.FAILURE)
    work.commands.append(EndRun(RunStatus.FAILURE, reason))


def _cancel_active(work: _Work) -> None:
    for task in work.state.active_task_runs():
        _cancel_task(work, task)


def _cancel_task(work: _Work, task: TaskRunState) -> None:
    work.update_task(task, state=TaskState.CANCELLED)
    work.commands.append(CancelTask(task.id))
