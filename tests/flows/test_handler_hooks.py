"""What the run store does with the engine's commands besides writing rows: a handler's `cancel`
hook when its task is cancelled or ends by a handled timeout, the history of a task's start, and a
handler's answer that is none of the outcomes."""

from __future__ import annotations

import pytest

from jobs.handlers.manual_task import HANDLER as MANUAL_TASK
from jobs.runtime import Embedded
from server.domain.actors import Actor
from server.domain.statuses import ManualTaskStatus, OrderStatus, RunStatus, TaskState
from server.domain.tasks import Failed, Succeeded, Wait
from server.models import FlowRun, HistoryEntry, ManualTask, Order, TaskRun
from server.services import flow_runs, manual_tasks, task_execution
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task

CHECK = {"stages": [stage("s", [task("check", "manual-task", {"title": "Check"})], ["check"])]}


async def open_manual_task(order: Order) -> ManualTask | None:
    return await ManualTask.get_or_none(order_id=order.id, status=ManualTaskStatus.OPEN)


async def test_a_cancelled_run_closes_its_manual_task(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    # given
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: open_manual_task(order))

    # when
    await flow_runs.cancel_run(admin, run.id)

    # then
    await manual.refresh_from_db()
    assert manual.status == ManualTaskStatus.CANCELLED and manual.resolved_at is not None
    assert (await TaskRun.get(id=manual.task_run_id)).state == TaskState.CANCELLED  # type: ignore[attr-defined]
    assert await HistoryEntry.filter(order_id=order.id, kind="task.cancelled").count() == 1


async def test_a_task_is_queued_when_created_and_started_when_a_worker_claims_it(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    """No worker runs here: the task stays READY until the test claims it as a worker would."""
    # given
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    queued = await TaskRun.get(run_id=run.id)
    kinds = await HistoryEntry.filter(order_id=order.id).values_list("kind", flat=True)
    assert "task.ready" in kinds and "task.started" not in kinds

    # when
    claim = await task_execution.claim(queued.id)

    # then
    assert claim is not None
    [started] = await HistoryEntry.filter(order_id=order.id, kind="task.started")
    assert started.message == 'Task "check" started.'
    assert started.data["taskRunId"] == str(queued.id)


class NotAnOutcome:
    def __repr__(self) -> str:
        return "NotAnOutcome()"


@pytest.mark.parametrize("answer", [NotAnOutcome(), None, {"status": "success"}])
async def test_a_handler_answer_that_is_no_outcome_fails_the_task_with_a_reason(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, answer: object
) -> None:
    # given: a worker claimed the task and its handler answered something unexpected
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    claim = await task_execution.claim((await TaskRun.get(run_id=run.id)).id)
    assert claim is not None

    # when
    await task_execution.record(claim, answer)

    # then
    failed = await TaskRun.get(run_id=run.id)
    reason = f'The handler "manual-task" returned {answer!r}, expected Succeeded, Failed, Wait or Retry.'
    assert (failed.state, failed.error) == (TaskState.FAILED, reason)
    ended = await FlowRun.get(id=run.id)
    assert ended.status == RunStatus.FAILURE and reason in ended.reason
    assert (await Order.get(id=order.id)).status == OrderStatus.FAILURE


async def test_an_outcome_still_ends_the_task(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    claim = await task_execution.claim((await TaskRun.get(run_id=run.id)).id)
    assert claim is not None

    await task_execution.record(claim, Succeeded({"by": "test"}))

    done = await TaskRun.get(run_id=run.id)
    assert (done.state, done.response, done.error) == (TaskState.SUCCEEDED, {"by": "test"}, "")


async def test_a_failed_task_closes_its_open_manual_task(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    """A worker stopped after the manual task was opened fails the task: nobody may act on it any more."""
    # given: a claimed manual-task task whose manual task is open
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    claim = await task_execution.claim((await TaskRun.get(run_id=run.id)).id)
    assert claim is not None
    opened = await manual_tasks.open_manual_task(
        order.id, claim.context.task_run_id, title="Check", description="", assignee_tags=[]
    )
    assert opened is not None

    # when
    await task_execution.record(claim, Failed("the worker stopped"))

    # then
    await opened.refresh_from_db()
    assert opened.status == ManualTaskStatus.CANCELLED and opened.resolved_at is not None
    assert (await TaskRun.get(run_id=run.id)).state == TaskState.FAILED


async def test_a_manual_task_is_not_opened_for_a_run_that_ended_while_its_handler_worked(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    """The run is cancelled between the claim and the opening: the cancel hook found nothing to close,
    so an opened task would stay open, and be announced, for a run nobody can act on any more."""
    # given: a claimed manual-task task whose run is then cancelled
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    claim = await task_execution.claim((await TaskRun.get(run_id=run.id)).id)
    assert claim is not None
    await flow_runs.cancel_run(admin, run.id)

    # when: the handler, still working on its claim, opens the manual task
    result = await MANUAL_TASK.run(claim.context)
    await task_execution.record(claim, result)

    # then
    assert await ManualTask.filter(order_id=order.id).count() == 0
    assert not await HistoryEntry.filter(order_id=order.id, kind="manual_task.opened").exists()
    assert (await FlowRun.get(id=run.id)).status == RunStatus.CANCELLED
    assert (await TaskRun.get(run_id=run.id)).state == TaskState.CANCELLED


async def test_a_manual_task_is_opened_once_for_a_live_run(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    # given: a claimed manual-task task
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    claim = await task_execution.claim((await TaskRun.get(run_id=run.id)).id)
    assert claim is not None

    # when: its message is handled twice
    first = await MANUAL_TASK.run(claim.context)
    second = await MANUAL_TASK.run(claim.context)

    # then
    opened = await ManualTask.get(order_id=order.id)
    assert opened.status == ManualTaskStatus.OPEN
    assert first == second == Wait(response={"manualTaskId": str(opened.id)})
    assert await HistoryEntry.filter(order_id=order.id, kind="manual_task.opened").count() == 1


async def test_a_handler_that_answers_at_once_ends_its_task_with_the_claim(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    """`wait` 0 answers through `at_once`: the claim ends the task; a second delivery changes nothing."""
    # given
    flow = await make_flow({"stages": [stage("s", [task("pause", "wait", {"duration": 0})], ["pause"])]})
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    queued = await TaskRun.get(run_id=run.id)

    # when
    claim = await task_execution.claim(queued.id, at_once=True)
    again = await task_execution.claim(queued.id, at_once=True)

    # then
    assert claim is not None and claim.ended and again is None
    ended = await TaskRun.get(id=queued.id)
    assert (ended.state, ended.attempts) == (TaskState.SUCCEEDED, 1)
    assert (await FlowRun.get(id=run.id)).status == RunStatus.SUCCESS
    kinds = await HistoryEntry.filter(order_id=order.id).order_by("created_at").values_list("kind", flat=True)
    assert [kind for kind in kinds if kind.startswith("task.")] == [
        "task.ready",
        "task.started",
        "task.succeeded",
    ]


async def test_a_handler_without_an_answer_at_once_is_claimed_to_run(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    # given
    flow = await make_flow(CHECK)
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    queued = await TaskRun.get(run_id=run.id)

    # when
    claim = await task_execution.claim(queued.id, at_once=True)

    # then
    assert claim is not None and not claim.ended
    running = await TaskRun.get(id=queued.id)
    assert (running.state, running.attempts) == (TaskState.RUNNING, 1)
    assert await HistoryEntry.filter(order_id=order.id, kind="task.started").count() == 1
