"""The flow engine, table by table: given a flow and what happened, then the run, the order and the tasks."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from server.domain.flows.definition import FlowDefinition, NextEntry, Stage, TaskDefinition, Trigger
from server.domain.flows.engine import (
    ACTIVE_STATES,
    MAX_TASKS_PER_RUN,
    RUN_TRANSITIONS,
    TASK_TRANSITIONS,
    CancelRun,
    CancelTask,
    Command,
    EndRun,
    EndTask,
    MarkTimedOut,
    Outcome,
    RestartRun,
    RetryTask,
    RunEvent,
    RunStarted,
    RunState,
    SetOrderStatus,
    StartTask,
    TaskFailed,
    TaskRunState,
    TaskSucceeded,
    TaskTimedOut,
    can_transition,
    step,
    task_run_id,
)
from server.domain.statuses import OrderStatus, RunStatus, TaskState

# --------------------------------------------------------------------------------------------------
# A small language for flows and scripts

Keys = str | tuple[str, ...]


def t(
    key: str, *, status: OrderStatus | None = None, timeout: int | None = None, **triggers: Keys
) -> TaskDefinition:
    """A `wait` task; `success="b"`, `failure=("c", "d")`, `timeout_=…`, `always=…` name what starts next."""
    entries = [
        NextEntry(target, Trigger(trigger.rstrip("_")))
        for trigger, targets in triggers.items()
        for target in ((targets,) if isinstance(targets, str) else targets)
    ]
    return TaskDefinition(key, "wait", {"duration": 1}, timeout, tuple(entries), status)


def stage(*tasks: TaskDefinition, initial: tuple[str, ...] | None = None, key: str = "s") -> Stage:
    return Stage(key, tasks, initial if initial is not None else (tasks[0].key,))


def flow(*stages: Stage) -> FlowDefinition:
    return FlowDefinition(tuple(stages))


def event(state: RunState, action: str) -> RunEvent:
    """ "a ok", "a fail", "a timeout", "a retry" (of the latest task run of key a), "cancel", "restart"…"""
    run_events: dict[str, RunEvent] = {"cancel": CancelRun(), "restart": RestartRun(), "start": RunStarted()}
    if action in run_events:
        return run_events[action]
    key, verb = action.split()
    ids = [task.id for task in state.task_runs if task.key == key]
    task_id = ids[-1] if ids else "no-such-task"
    task_events: dict[str, RunEvent] = {
        "ok": TaskSucceeded(task_id),
        "fail": TaskFailed(task_id, "it broke"),
        "timeout": TaskTimedOut(task_id),
        "retry": RetryTask(task_id),
    }
    return task_events[verb]


def play(definition: FlowDefinition, *script: str) -> tuple[RunState, list[Command]]:
    """Start a run, play the script; return the state and the commands of the last step."""
    state, commands = step(RunState(definition, run_id="run-1"), RunStarted())
    for action in script:
        state, commands = step(state, event(state, action))
    return state, commands


def tasks(state: RunState) -> str:
    """ "a=SUCCEEDED b=READY!" (! marks an unhandled timeout)."""
    return " ".join(f"{task.key}={task.state.value}{'!' * task.timed_out}" for task in state.task_runs)


def started(commands: list[Command]) -> list[str]:
    return [command.key for command in commands if isinstance(command, StartTask)]


R, U, S, F, C = (
    RunStatus.RUNNING,
    RunStatus.UNHEALTHY,
    RunStatus.SUCCESS,
    RunStatus.FAILURE,
    RunStatus.CANCELLED,
)
IN_PROGRESS, SUCCESS, FAILURE, UNHEALTHY = (
    OrderStatus.IN_PROGRESS,
    OrderStatus.SUCCESS,
    OrderStatus.FAILURE,
    OrderStatus.UNHEALTHY,
)

ONE = flow(stage(t("a")))
PAIR = flow(stage(t("a"), t("b"), initial=("a", "b")))
BRANCHES = flow(stage(t("a", success="b", failure="c", timeout_="d"), t("b"), t("c"), t("d")))
ALWAYS = flow(stage(t("a", always="b"), t("b")))
TWO_STAGES = flow(stage(t("a"), t("b"), initial=("a", "b")), stage(t("c"), key="s2"))
LOOP = flow(stage(t("a", failure="a")))
STATUSES = flow(stage(t("a", status=SUCCESS, success="b"), t("b", success="c"), t("c")))
ERROR_BRANCH = flow(stage(t("a", failure="err"), t("err", status=FAILURE, success="b"), t("b")))


def scenario(
    name: str, definition: FlowDefinition, script: str, run: RunStatus, order: OrderStatus, summary: str
) -> Any:
    return pytest.param(definition, script.split(", ") if script else [], run, order, summary, id=name)


SCENARIOS = [
    scenario("a stage starts all its initial tasks", PAIR, "", R, IN_PROGRESS, "a=READY b=READY"),
    scenario(
        "success starts the success branch only", BRANCHES, "a ok", R, IN_PROGRESS, "a=SUCCEEDED b=READY"
    ),
    scenario("failure starts the failure branch", BRANCHES, "a fail", R, IN_PROGRESS, "a=FAILED c=READY"),
    scenario("always follows success", ALWAYS, "a ok", R, IN_PROGRESS, "a=SUCCEEDED b=READY"),
    scenario("always follows failure", ALWAYS, "a fail", R, IN_PROGRESS, "a=FAILED b=READY"),
    scenario("always handles a timeout", ALWAYS, "a timeout", R, IN_PROGRESS, "a=TIMED_OUT b=READY"),
    scenario(
        "a handled failure lets the run finish", BRANCHES, "a fail, c ok", S, SUCCESS, "a=FAILED c=SUCCEEDED"
    ),
    scenario(
        "an unhandled failure ends the run and cancels the rest",
        PAIR,
        "a fail",
        F,
        FAILURE,
        "a=FAILED b=CANCELLED",
    ),
    scenario("an unhandled timeout makes the run unhealthy", ONE, "a timeout", U, UNHEALTHY, "a=READY!"),
    scenario(
        "a late success recovers",
        flow(stage(t("a", success="b"), t("b"))),
        "a timeout, a ok",
        R,
        IN_PROGRESS,
        "a=SUCCEEDED! b=READY",
    ),
    scenario("a late success finishes the run", ONE, "a timeout, a ok", S, SUCCESS, "a=SUCCEEDED!"),
    scenario("a late unhandled failure ends the run", ONE, "a timeout, a fail", F, FAILURE, "a=FAILED!"),
    scenario(
        "a late handled failure recovers",
        flow(stage(t("a", failure="c"), t("c"))),
        "a timeout, a fail",
        R,
        IN_PROGRESS,
        "a=FAILED! c=READY",
    ),
    scenario(
        "unhealthy while any timed-out task waits",
        PAIR,
        "a timeout, b timeout, a ok",
        U,
        UNHEALTHY,
        "a=SUCCEEDED! b=READY!",
    ),
    scenario(
        "healthy when the last one recovers",
        PAIR,
        "a timeout, b timeout, a ok, b ok",
        S,
        SUCCESS,
        "a=SUCCEEDED! b=SUCCEEDED!",
    ),
    scenario(
        "a handled timeout ends the task and starts its branch",
        BRANCHES,
        "a timeout",
        R,
        IN_PROGRESS,
        "a=TIMED_OUT d=READY",
    ),
    scenario("a stage waits for every task", TWO_STAGES, "a ok", R, IN_PROGRESS, "a=SUCCEEDED b=READY"),
    scenario(
        "the next stage starts when one is done",
        TWO_STAGES,
        "a ok, b ok",
        R,
        IN_PROGRESS,
        "a=SUCCEEDED b=SUCCEEDED c=READY",
    ),
    scenario(
        "an unhealthy task holds its stage",
        TWO_STAGES,
        "a ok, b timeout",
        U,
        UNHEALTHY,
        "a=SUCCEEDED b=READY!",
    ),
    scenario(
        "after the last stage the order is Success",
        TWO_STAGES,
        "a ok, b ok, c ok",
        S,
        SUCCESS,
        "a=SUCCEEDED b=SUCCEEDED c=SUCCEEDED",
    ),
    scenario(
        "a successStatus sets the order while the run goes on",
        STATUSES,
        "a ok",
        R,
        SUCCESS,
        "a=SUCCEEDED b=READY",
    ),
    scenario(
        "a terminal successStatus stays at the end",
        STATUSES,
        "a ok, b ok, c ok",
        S,
        SUCCESS,
        "a=SUCCEEDED b=SUCCEEDED c=SUCCEEDED",
    ),
    scenario(
        "after recovery the order shows the successStatus again",
        STATUSES,
        "a ok, b timeout, b ok",
        R,
        SUCCESS,
        "a=SUCCEEDED b=SUCCEEDED! c=READY",
    ),
    scenario(
        "unhealthy overrides a successStatus",
        STATUSES,
        "a ok, b timeout",
        U,
        UNHEALTHY,
        "a=SUCCEEDED b=READY!",
    ),
    scenario(
        "an error branch sets Failure and the run goes on",
        ERROR_BRANCH,
        "a fail, err ok",
        R,
        FAILURE,
        "a=FAILED err=SUCCEEDED b=READY",
    ),
    scenario(
        "a run whose successStatus said Failure ends FAILURE",
        ERROR_BRANCH,
        "a fail, err ok, b ok",
        F,
        FAILURE,
        "a=FAILED err=SUCCEEDED b=SUCCEEDED",
    ),
    scenario(
        "a non-terminal successStatus gives way to Success",
        flow(stage(t("a", status=UNHEALTHY))),
        "a ok",
        S,
        SUCCESS,
        "a=SUCCEEDED",
    ),
    scenario("loops are allowed", LOOP, "a fail, a fail, a ok", S, SUCCESS, "a=FAILED a=FAILED a=SUCCEEDED"),
    scenario("a retry reopens a failed run", ONE, "a fail, a retry", R, IN_PROGRESS, "a=FAILED a=READY"),
    scenario(
        "a retried task can finish the run", ONE, "a fail, a retry, a ok", S, SUCCESS, "a=FAILED a=SUCCEEDED"
    ),
    scenario(
        "a retry leaves cancelled siblings cancelled",
        PAIR,
        "a fail, a retry, a ok",
        S,
        SUCCESS,
        "a=FAILED b=CANCELLED a=SUCCEEDED",
    ),
    scenario(
        "retrying an unhealthy task replaces it",
        ONE,
        "a timeout, a retry",
        R,
        IN_PROGRESS,
        "a=CANCELLED! a=READY",
    ),
    scenario(
        "retrying a handled timed-out task",
        BRANCHES,
        "a timeout, a retry",
        R,
        IN_PROGRESS,
        "a=TIMED_OUT d=READY a=READY",
    ),
    scenario("cancel cancels the active tasks", PAIR, "cancel", C, FAILURE, "a=CANCELLED b=CANCELLED"),
    scenario(
        "cancel keeps a terminal successStatus",
        STATUSES,
        "a ok, cancel",
        C,
        SUCCESS,
        "a=SUCCEEDED b=CANCELLED",
    ),
    scenario("cancel an unhealthy run", ONE, "a timeout, cancel", C, FAILURE, "a=CANCELLED!"),
    scenario(
        "restart a running run",
        PAIR,
        "a ok, restart",
        R,
        IN_PROGRESS,
        "a=SUCCEEDED b=CANCELLED a=READY b=READY",
    ),
    scenario("restart a failed run", ONE, "a fail, restart", R, IN_PROGRESS, "a=FAILED a=READY"),
    scenario(
        "restart a finished run",
        STATUSES,
        "a ok, b ok, c ok, restart",
        R,
        IN_PROGRESS,
        "a=SUCCEEDED b=SUCCEEDED c=SUCCEEDED a=READY",
    ),
    scenario("restart a cancelled run", ONE, "cancel, restart", R, IN_PROGRESS, "a=CANCELLED a=READY"),
    scenario("a flow without stages succeeds at once", flow(), "", S, SUCCESS, ""),
    scenario(
        "a stage that starts nothing is skipped",
        flow(stage(t("a"), initial=()), stage(t("b"))),
        "",
        R,
        IN_PROGRESS,
        "b=READY",
    ),
    scenario(
        "a next key naming no task fails the run",
        flow(stage(t("a", success="zz"))),
        "a ok",
        F,
        FAILURE,
        "a=SUCCEEDED",
    ),
]


def task_commands(before: RunState, after: RunState) -> list[Command]:
    """The task commands that describe the change from `before` to `after`, in task-run order."""
    expected: list[Command] = []
    for task in after.task_runs:
        old = before.task_run(task.id)
        if old is None:
            definition = after.task_definition(task)
            assert definition is not None
            start = StartTask(task.id, task.key, task.stage_index, "wait", definition.timeout_duration)
            expected.append(start)
        elif old.state is not task.state and task.state is TaskState.CANCELLED:
            expected.append(CancelTask(task.id))
        elif old.state is not task.state:
            expected.append(
                EndTask(task.id, task.state, task.outcome, "it broke" * (task.outcome is Outcome.FAILURE))
            )  # type: ignore[arg-type]
        elif task.timed_out and not old.timed_out:
            expected.append(MarkTimedOut(task.id))
    return expected


@pytest.mark.parametrize(("definition", "script", "run", "order", "summary"), SCENARIOS)
def test_every_task_change_of_a_step_is_a_command(
    definition: FlowDefinition, script: list[str], run: RunStatus, order: OrderStatus, summary: str
) -> None:
    """Replaying the scenario step by step: the task commands say exactly what changed, nothing more,
    and an order status command comes with every change of the order's status."""
    state = RunState(definition, run_id="run-1")
    for action in ["start", *script]:
        new, commands = step(state, event(state, action))
        kinds = (StartTask, EndTask, MarkTimedOut, CancelTask)
        assert sorted(map(repr, (c for c in commands if isinstance(c, kinds)))) == sorted(
            map(repr, task_commands(state, new))
        )
        statuses = [c.status for c in commands if isinstance(c, SetOrderStatus)]
        assert (statuses[-1] if statuses else state.order_status) is new.order_status
        assert [c for c in commands if isinstance(c, EndRun)] == (
            [EndRun(new.status, new.reason)] if new.ended and not state.ended else []
        )
        state = new


@pytest.mark.parametrize(("definition", "script", "run", "order", "summary"), SCENARIOS)
def test_scenario(
    definition: FlowDefinition, script: list[str], run: RunStatus, order: OrderStatus, summary: str
) -> None:
    state, _ = play(definition, *script)

    assert (state.status, state.order_status, tasks(state)) == (run, order, summary)
    assert state.ended is (run not in (R, U))
    assert state.tasks_started == len(state.task_runs) or "restart" in script or "a retry" in script
    if state.ended:
        assert not state.active_task_runs()
        assert state.reason


# --------------------------------------------------------------------------------------------------
# Events that change nothing


def nothing(name: str, definition: FlowDefinition, script: str, action: str) -> Any:
    return pytest.param(definition, script.split(", ") if script else [], action, id=name)


NO_OPS = [
    nothing("a success twice", BRANCHES, "a ok", "a ok"),
    nothing("a failure after a success", BRANCHES, "a ok", "a fail"),
    nothing("a timeout after a success", BRANCHES, "a ok", "a timeout"),
    nothing("an unhandled timeout twice", ONE, "a timeout", "a timeout"),
    nothing("a cancelled sibling's success", PAIR, "a fail", "b ok"),
    nothing("a success after cancel", PAIR, "cancel", "a ok"),
    nothing("an unknown task", ONE, "", "zz ok"),
    nothing("a second start", ONE, "", "start"),
    nothing("a start after the end", ONE, "a ok", "start"),
    nothing("cancel twice", ONE, "cancel", "cancel"),
    nothing("cancel after success", ONE, "a ok", "cancel"),
    nothing("cancel after failure", ONE, "a fail", "cancel"),
    nothing("retry a succeeded task", BRANCHES, "a ok", "a retry"),
    nothing("retry a running task", ONE, "", "a retry"),
    nothing("retry in a cancelled run", ONE, "a fail, restart, cancel", "a retry"),
    nothing("retry in a finished run", BRANCHES, "a fail, c ok", "a retry"),
    nothing(
        "retry a task of an earlier stage",
        flow(stage(t("a", failure="b"), t("b")), stage(t("c"), key="s2")),
        "a fail, b ok",
        "a retry",
    ),
    nothing("retry what a loop ran again", LOOP, "a fail", "a retry"),
]


@pytest.mark.parametrize(("definition", "script", "action"), NO_OPS)
def test_an_event_that_changes_nothing_gives_no_commands(
    definition: FlowDefinition, script: list[str], action: str
) -> None:
    state, _ = play(definition, *script)

    new, commands = step(state, event(state, action))

    assert commands == []
    assert new == state


def test_retry_twice_on_the_same_task_run_retries_once() -> None:
    state, _ = play(ONE, "a fail")
    failed = state.task_runs[0].id

    state, first = step(state, RetryTask(failed))
    again, second = step(state, RetryTask(failed))

    assert started(first) == ["a"]
    assert (again, second) == (state, [])


def test_a_late_event_of_a_task_in_an_ended_run_is_ignored() -> None:
    """Even if the loaded state still holds an active task (it should not), an ended run stays ended."""
    active = TaskRunState("x", "a", 0, TaskState.RUNNING)
    inconsistent = RunState(ONE, "run-1", RunStatus.FAILURE, 0, (active,), 1, OrderStatus.FAILURE)

    assert step(inconsistent, TaskSucceeded("x")) == (inconsistent, [])


# --------------------------------------------------------------------------------------------------
# Commands


def test_starting_sets_the_order_in_progress_and_starts_the_initial_tasks() -> None:
    definition = flow(stage(t("a", timeout=5000), t("b"), initial=("a", "b")))
    state = RunState(definition, run_id="run-1")

    state, commands = step(state, RunStarted())

    a, b = state.task_runs
    assert commands == [
        SetOrderStatus(IN_PROGRESS),
        StartTask(a.id, "a", 0, "wait", 5000),
        StartTask(b.id, "b", 0, "wait", None),
    ]
    assert (state.status, state.stage_index, state.tasks_started) == (R, 0, 2)


def test_an_unhandled_failure_cancels_sets_failure_and_ends_the_run() -> None:
    state, _ = play(PAIR)
    a, b = state.task_runs

    state, commands = step(state, TaskFailed(a.id, "HTTP 404 from the connector"))

    reason = 'Task "a" failed and no next entry handles its failure: HTTP 404 from the connector'
    assert commands == [
        EndTask(a.id, TaskState.FAILED, Outcome.FAILURE, "HTTP 404 from the connector"),
        CancelTask(b.id),
        SetOrderStatus(FAILURE),
        EndRun(F, reason),
    ]
    assert state.reason == reason


def test_an_unhandled_timeout_only_marks_the_order_unhealthy() -> None:
    state, commands = play(flow(stage(t("a", success="b"), t("b"))), "a timeout")

    a = state.task_runs[0]
    assert commands == [MarkTimedOut(a.id), SetOrderStatus(UNHEALTHY)]
    state, commands = step(state, event(state, "a ok"))
    assert commands == [
        EndTask(a.id, TaskState.SUCCEEDED, Outcome.SUCCESS),
        StartTask(state.task_runs[1].id, "b", 0, "wait", None),
        SetOrderStatus(IN_PROGRESS),
    ]


def test_a_handled_timeout_ends_the_task_timed_out_and_starts_its_branch() -> None:
    state, _ = play(BRANCHES)
    a = state.task_runs[0]

    state, commands = step(state, TaskTimedOut(a.id))

    d = state.task_runs[1]
    assert commands == [
        EndTask(a.id, TaskState.TIMED_OUT, Outcome.TIMEOUT),
        StartTask(d.id, "d", 0, "wait", None),
    ]


def test_finishing_the_last_stage_sets_success_and_ends_the_run() -> None:
    state, commands = play(ONE, "a ok")

    assert commands == [
        EndTask(state.task_runs[0].id, TaskState.SUCCEEDED, Outcome.SUCCESS),
        SetOrderStatus(SUCCESS),
        EndRun(S, "Every stage finished."),
    ]


def test_a_successstatus_equal_to_the_order_status_sends_nothing() -> None:
    _, commands = play(flow(stage(t("a", status=IN_PROGRESS, success="b"), t("b"))), "a ok")

    assert started(commands) == ["b"]
    assert not [command for command in commands if isinstance(command, SetOrderStatus)]


def test_the_error_branch_ends_the_run_failed_with_a_reason() -> None:
    state, commands = play(ERROR_BRANCH, "a fail", "err ok", "b ok")

    b = state.task_runs[-1]
    assert commands == [
        EndTask(b.id, TaskState.SUCCEEDED, Outcome.SUCCESS),
        EndRun(F, "Every stage finished; a task's successStatus set the order to Failure."),
    ]


def test_the_next_stage_starts_in_the_same_step() -> None:
    state, commands = play(TWO_STAGES, "a ok", "b ok")

    assert started(commands) == ["c"]
    assert state.stage_index == 1


def test_matching_entries_start_a_task_once() -> None:
    _, commands = play(flow(stage(t("a", success="b", always=("b", "c")), t("b"), t("c"))), "a ok")

    assert started(commands) == ["b", "c"]


def test_cancel_ends_the_run_with_its_reason() -> None:
    state, _ = play(PAIR)

    state, commands = step(state, CancelRun("The customer cancelled."))

    a, b = state.task_runs
    assert commands == [
        CancelTask(a.id),
        CancelTask(b.id),
        SetOrderStatus(FAILURE),
        EndRun(C, "The customer cancelled."),
    ]


def test_restart_cancels_and_starts_over_on_a_newer_definition() -> None:
    state, _ = play(TWO_STAGES, "a ok")
    newer = flow(stage(t("x"), t("y"), initial=("x", "y")))

    state, commands = step(state, RestartRun(newer))

    b = state.task_runs[1]
    assert commands[0] == CancelTask(b.id)
    assert started(commands) == ["x", "y"]
    assert (state.definition, state.stage_index, state.tasks_started, state.reason) == (newer, 0, 2, "")


def test_a_retry_unhealthy_task_is_cancelled_and_started_again() -> None:
    state, commands = play(ONE, "a timeout")
    old = state.task_runs[0]
    assert commands == [MarkTimedOut(old.id), SetOrderStatus(UNHEALTHY)]

    state, commands = step(state, RetryTask(old.id))

    new = state.task_runs[1]
    assert commands == [
        CancelTask(old.id),
        StartTask(new.id, "a", 0, "wait", None),
        SetOrderStatus(IN_PROGRESS),
    ]


# --------------------------------------------------------------------------------------------------
# The 1,000 tasks budget


def test_a_run_may_start_a_thousand_tasks() -> None:
    state, _ = play(LOOP, *["a fail"] * (MAX_TASKS_PER_RUN - 1))
    assert (state.status, state.tasks_started) == (R, MAX_TASKS_PER_RUN)

    state, _ = step(state, event(state, "a ok"))

    assert state.status is S


def test_a_run_that_would_start_more_than_a_thousand_tasks_fails() -> None:
    state, _ = play(LOOP, *["a fail"] * (MAX_TASKS_PER_RUN - 1))

    state, commands = step(state, event(state, "a fail"))

    assert (state.status, state.order_status, state.tasks_started) == (F, FAILURE, MAX_TASKS_PER_RUN)
    (end,) = [command for command in commands if isinstance(command, EndRun)]
    assert "more than 1,000 tasks" in end.reason and "loop" in end.reason
    assert commands[-2:] == [SetOrderStatus(FAILURE), end]


def test_a_restart_gives_a_fresh_budget() -> None:
    state, _ = play(LOOP, *["a fail"] * 10, "restart")

    assert state.tasks_started == 1
    assert len(state.task_runs) == 12


# --------------------------------------------------------------------------------------------------
# Ids and tables


def test_task_run_ids_are_deterministic_uuids_unique_per_run() -> None:
    first, _ = play(PAIR, "a fail", "a retry")
    second, _ = play(PAIR, "a fail", "a retry")
    other, _ = step(RunState(PAIR, run_id="run-2"), RunStarted())

    ids = [task.id for task in first.task_runs]
    assert ids == [task.id for task in second.task_runs]
    assert len(set(ids)) == len(ids) == 3
    assert all(uuid.UUID(task_id).version == 5 for task_id in ids)
    assert other.task_runs[0].id != ids[0]
    assert ids[0] == task_run_id("run-1", 0)


def test_the_task_transition_table_covers_every_state() -> None:
    assert set(TASK_TRANSITIONS) == set(TaskState)
    for state in TaskState:
        assert bool(TASK_TRANSITIONS[state]) is (state in ACTIVE_STATES)
    assert can_transition(TaskState.READY, TaskState.RUNNING)
    assert can_transition(TaskState.WAITING, TaskState.SUCCEEDED)
    assert not can_transition(TaskState.SUCCEEDED, TaskState.READY)
    assert not can_transition(TaskState.CANCELLED, TaskState.FAILED)


def test_the_run_transition_table_covers_every_status() -> None:
    assert set(RUN_TRANSITIONS) == set(RunStatus)
    for status in RunStatus:
        assert status not in RUN_TRANSITIONS[status]
        assert status is RunStatus.RUNNING or RunStatus.RUNNING in RUN_TRANSITIONS[status]
