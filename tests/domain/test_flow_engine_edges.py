"""The flow engine at its edges: outcomes kept on task runs, reasons in full, empty stages after the
first, the stop after an unknown next key or the 1,000-task budget, what a retry and a restart clear,
and the guard that refuses a move the transition tables forbid.

Commands are filtered by type, so these hold whatever other commands a step also gives.

Mutants left alive on purpose (equivalent): the reason `step` passes for a success or a timeout (only
a failure's reason is read); `RunState.task_definition` and `_task_ended` for a task whose stage or
definition is gone, and `_start_task` without a current stage (an active task is always of the current
stage, and a restart cancels every active task before it changes the definition).
"""

from __future__ import annotations

import pytest

from server.domain.flows.definition import FlowDefinition, NextEntry, Stage, TaskDefinition, Trigger
from server.domain.flows.engine import (
    MAX_TASKS_PER_RUN,
    CancelTask,
    Command,
    EndRun,
    InvalidTransition,
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
    _Work,
    step,
)
from server.domain.statuses import OrderStatus, RunStatus, TaskState


def task(key: str, *, status: OrderStatus | None = None, **triggers: str | tuple[str, ...]) -> TaskDefinition:
    """A `wait` task; `success="b"`, `failure=("c", "d")`, `timeout_="e"` name what starts next."""
    entries = [
        NextEntry(target, Trigger(trigger.rstrip("_")))
        for trigger, targets in triggers.items()
        for target in ((targets,) if isinstance(targets, str) else targets)
    ]
    return TaskDefinition(key, "wait", {"duration": 1}, None, tuple(entries), status)


def stage(key: str, *tasks: TaskDefinition, initial: tuple[str, ...] | None = None) -> Stage:
    return Stage(key, tasks, initial if initial is not None else tuple(t.key for t in tasks[:1]))


def start(definition: FlowDefinition) -> tuple[RunState, list[Command]]:
    return step(RunState(definition, run_id="run-1"), RunStarted())


def latest(state: RunState, key: str) -> TaskRunState:
    return [run for run in state.task_runs if run.key == key][-1]


def on(
    state: RunState, key: str, make: type[TaskSucceeded] | type[TaskTimedOut] | type[RetryTask]
) -> RunEvent:
    return make(latest(state, key).id)


def started(commands: list[Command]) -> list[str]:
    return [command.key for command in commands if isinstance(command, StartTask)]


def ends(commands: list[Command]) -> list[EndRun]:
    return [command for command in commands if isinstance(command, EndRun)]


# --------------------------------------------------------------------------------------------------
# What a task run keeps of its outcome


@pytest.mark.parametrize(
    ("make", "outcome", "ended_as"),
    [
        (lambda id_: TaskSucceeded(id_), Outcome.SUCCESS, TaskState.SUCCEEDED),
        (lambda id_: TaskFailed(id_, "no paper"), Outcome.FAILURE, TaskState.FAILED),
        (lambda id_: TaskTimedOut(id_), Outcome.TIMEOUT, TaskState.TIMED_OUT),
    ],
)
def test_a_task_run_ended_by_a_handled_outcome_keeps_the_outcome(
    make, outcome: Outcome, ended_as: TaskState
) -> None:
    handled = FlowDefinition(
        (stage("s", task("a", success="b", failure="b", timeout_="b"), task("b"), initial=("a",)),)
    )
    state, _ = start(handled)

    state, commands = step(state, make(latest(state, "a").id))

    assert (latest(state, "a").state, latest(state, "a").outcome) == (ended_as, outcome)
    assert started(commands) == ["b"]
    assert latest(state, "b").outcome is None


# --------------------------------------------------------------------------------------------------
# Reasons, in full


def test_an_unhandled_failure_without_a_reason_ends_the_sentence() -> None:
    state, _ = start(FlowDefinition((stage("s", task("a")),)))

    state, commands = step(state, TaskFailed(latest(state, "a").id))

    reason = 'Task "a" failed and no next entry handles its failure.'
    assert (state.status, state.reason) == (RunStatus.FAILURE, reason)
    assert ends(commands) == [EndRun(RunStatus.FAILURE, reason)]


def test_an_unhandled_failure_with_a_reason_gives_it() -> None:
    state, _ = start(FlowDefinition((stage("s", task("a")),)))

    state, _ = step(state, TaskFailed(latest(state, "a").id, "the printer is out of resin"))

    assert (
        state.reason == 'Task "a" failed and no next entry handles its failure: the printer is out of resin'
    )


# --------------------------------------------------------------------------------------------------
# Stages that start nothing


def test_a_flow_of_one_stage_succeeds_when_its_task_does() -> None:
    state, commands = start(FlowDefinition((stage("only", task("a")),)))
    assert started(commands) == ["a"]

    state, commands = step(state, on(state, "a", TaskSucceeded))

    assert (state.status, state.order_status, state.stage_index) == (
        RunStatus.SUCCESS,
        OrderStatus.SUCCESS,
        0,
    )
    assert ends(commands) == [EndRun(RunStatus.SUCCESS, "Every stage finished.")]


def test_an_empty_stage_after_the_second_is_skipped_to_the_next() -> None:
    definition = FlowDefinition(
        (
            stage("s1", task("a")),
            stage("s2", task("b")),
            stage("s3", task("c"), initial=()),  # starts nothing: skipped
            stage("s4", task("d")),
        )
    )
    state, _ = start(definition)
    state, commands = step(state, on(state, "a", TaskSucceeded))
    assert (started(commands), state.stage_index) == (["b"], 1)

    state, commands = step(state, on(state, "b", TaskSucceeded))

    assert (started(commands), state.stage_index) == (["d"], 3)
    assert [run.key for run in state.task_runs] == ["a", "b", "d"]
    assert state.status is RunStatus.RUNNING


def test_a_run_whose_later_stages_are_empty_succeeds_after_the_first() -> None:
    definition = FlowDefinition(
        (stage("s1", task("a")), stage("s2", task("b"), initial=()), stage("s3", task("c"), initial=()))
    )
    state, _ = start(definition)

    state, commands = step(state, on(state, "a", TaskSucceeded))

    assert (state.status, state.stage_index) == (RunStatus.SUCCESS, 2)
    assert started(commands) == []
    assert len(ends(commands)) == 1


# --------------------------------------------------------------------------------------------------
# Stops: an unknown next key, the budget


def test_an_unknown_next_key_fails_the_run_before_a_later_key_starts() -> None:
    definition = FlowDefinition((stage("s", task("a", success=("ghost", "b")), task("b")),))
    state, _ = start(definition)

    state, commands = step(state, on(state, "a", TaskSucceeded))

    reason = 'The flow names the task "ghost", which its stage does not have.'
    assert (state.status, state.reason, state.order_status) == (
        RunStatus.FAILURE,
        reason,
        OrderStatus.FAILURE,
    )
    assert started(commands) == []
    assert [run.key for run in state.task_runs] == ["a"]
    assert ends(commands) == [EndRun(RunStatus.FAILURE, reason)]


def test_an_unknown_initial_key_fails_the_run_before_a_later_key_starts() -> None:
    definition = FlowDefinition((stage("s", task("a"), initial=("ghost", "a")),))

    state, commands = start(definition)

    assert state.status is RunStatus.FAILURE
    assert state.task_runs == ()
    assert started(commands) == []
    assert len(ends(commands)) == 1


def test_a_spent_budget_fails_the_run_once_at_the_first_key_over_it() -> None:
    # Two tasks start with the run, two more on every failure of "a": the 1,000th start is a pair's
    # second, so the next failure's first start is the 1,001st.
    definition = FlowDefinition((stage("s", task("a", failure=("a", "b")), task("b"), initial=("a", "b")),))
    state, _ = start(definition)
    while state.tasks_started < MAX_TASKS_PER_RUN:
        state, _ = step(state, TaskFailed(latest(state, "a").id))
    assert (state.tasks_started, state.status) == (MAX_TASKS_PER_RUN, RunStatus.RUNNING)

    state, commands = step(state, TaskFailed(latest(state, "a").id))

    reason = "The run would start more than 1,000 tasks (next: 'a'); a loop in the flow probably never ends."
    assert (state.status, state.reason, state.tasks_started) == (RunStatus.FAILURE, reason, MAX_TASKS_PER_RUN)
    assert ends(commands) == [EndRun(RunStatus.FAILURE, reason)]
    assert started(commands) == []
    assert SetOrderStatus(OrderStatus.FAILURE) in commands
    cancelled = [command.task_run_id for command in commands if isinstance(command, CancelTask)]
    assert cancelled == [run.id for run in state.task_runs if run.key == "b"]  # every b still waiting


# --------------------------------------------------------------------------------------------------
# What a retry and a restart clear


def test_a_retry_reopens_a_failed_run_without_its_reason() -> None:
    state, _ = start(FlowDefinition((stage("s", task("a")),)))
    state, _ = step(state, TaskFailed(latest(state, "a").id, "jammed"))
    assert state.reason

    state, commands = step(state, on(state, "a", RetryTask))

    assert (state.status, state.reason) == (RunStatus.RUNNING, "")
    assert started(commands) == ["a"]


def test_a_restart_clears_the_flow_status_and_the_reason() -> None:
    definition = FlowDefinition(
        (
            stage("s1", task("a", status=OrderStatus.SUCCESS)),
            stage("s2", task("b")),
        )
    )
    state, _ = start(definition)
    state, _ = step(state, on(state, "a", TaskSucceeded))
    state, _ = step(state, TaskFailed(latest(state, "b").id, "broken"))
    assert (state.flow_status, state.stage_index, state.status) == (OrderStatus.SUCCESS, 1, RunStatus.FAILURE)
    assert state.reason

    state, commands = step(state, RestartRun())

    assert (state.flow_status, state.reason, state.stage_index) == (None, "", 0)
    assert (state.status, state.order_status, state.tasks_started) == (
        RunStatus.RUNNING,
        OrderStatus.IN_PROGRESS,
        1,
    )
    assert started(commands) == ["a"]
    assert SetOrderStatus(OrderStatus.IN_PROGRESS) in commands


def test_a_success_status_from_before_a_restart_no_longer_shows() -> None:
    """A successStatus of the run before the restart no longer shows once the run moves on."""
    definition = FlowDefinition(
        (
            stage("s1", task("a", status=OrderStatus.SUCCESS, success="x"), task("x"), task("b")),
            stage("s2", task("c")),
        )
    )
    state, _ = start(definition)
    state, _ = step(state, on(state, "a", TaskSucceeded))
    assert state.order_status is OrderStatus.SUCCESS
    state, _ = step(state, RestartRun(FlowDefinition((stage("s1", task("b")), stage("s2", task("c"))))))

    state, commands = step(state, on(state, "b", TaskSucceeded))

    assert (state.order_status, state.stage_index, started(commands)) == (OrderStatus.IN_PROGRESS, 1, ["c"])


def test_a_restart_on_a_definition_without_stages_ends_the_run_at_stage_zero() -> None:
    state, _ = start(FlowDefinition((stage("s1", task("a")), stage("s2", task("b")))))
    state, _ = step(state, on(state, "a", TaskSucceeded))
    assert state.stage_index == 1

    state, commands = step(state, RestartRun(FlowDefinition(())))

    assert (state.status, state.stage_index, state.tasks_started) == (RunStatus.SUCCESS, 0, 0)
    assert started(commands) == []
    assert [c.task_run_id for c in commands if isinstance(c, CancelTask)] == [latest(state, "b").id]


# --------------------------------------------------------------------------------------------------
# The guard of the transition tables


def test_a_run_move_the_table_forbids_is_refused_naming_both_statuses() -> None:
    work = _Work(RunState(FlowDefinition(()), status=RunStatus.SUCCESS))

    with pytest.raises(InvalidTransition, match="run SUCCESS → FAILURE"):
        work.update(status=RunStatus.FAILURE, reason="late")

    assert work.state.status is RunStatus.SUCCESS


def test_a_task_move_the_table_forbids_is_refused_naming_both_states() -> None:
    ended = TaskRunState("t-1", "a", 0, TaskState.SUCCEEDED, Outcome.SUCCESS)
    work = _Work(RunState(FlowDefinition(()), task_runs=(ended,)))

    with pytest.raises(InvalidTransition, match="task a: SUCCEEDED → READY"):
        work.update_task(ended, state=TaskState.READY)

    assert work.state.task_runs == (ended,)
