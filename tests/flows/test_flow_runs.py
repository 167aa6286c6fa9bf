"""Flows run by the in-process worker on the real database: every transition recorded once."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from jobs import consumers, runtime
from jobs.runtime import Embedded, start_embedded, sweep_once
from server.dispatch import set_dispatcher
from server.domain.actors import Actor
from server.domain.statuses import ManualTaskStatus, OrderStatus, RunStatus, TaskState
from server.models import FlowRun, HistoryEntry, ManualTask, Order, TaskRun, User
from server.services import flow_runs, flows, task_execution
from server.services.errors import Conflict, NotFound
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task

WAIT_THEN_APPROVE = {
    "stages": [
        stage("prepare", [task("pause", "wait", {"duration": 50})], ["pause"]),
        stage("approve", [task("check", "manual-task", {"title": "Check the print"})], ["check"]),
    ]
}


async def status_of(order: Order) -> OrderStatus:
    return OrderStatus((await Order.get(id=order.id)).status)


async def open_manual_task(order: Order) -> ManualTask | None:
    return await ManualTask.get_or_none(order_id=order.id, status=ManualTaskStatus.OPEN)


async def test_a_wait_then_a_completed_manual_task_ends_in_success(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    flow = await make_flow(WAIT_THEN_APPROVE)
    order = await make_order(flow.flow.key)

    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: open_manual_task(order))
    assert await status_of(order) is OrderStatus.IN_PROGRESS
    await flow_runs.complete_manual_task(admin, manual.id, "looks good")
    await until(lambda: _has_status(order, OrderStatus.SUCCESS))

    run = await FlowRun.get(order_id=order.id)
    assert run.status == RunStatus.SUCCESS
    tasks = await TaskRun.filter(run_id=run.id).order_by("ordinal")
    assert [(t.key, t.state, t.attempts) for t in tasks] == [
        ("pause", TaskState.SUCCEEDED, 1),
        ("check", TaskState.SUCCEEDED, 1),
    ]
    completed = await HistoryEntry.get(order_id=order.id, kind="manual_task.completed")
    assert completed.actor == "user:admin@example.com" and "looks good" in completed.message
    kinds = [event.kind for event in await HistoryEntry.filter(order_id=order.id)]
    assert kinds.count("task.succeeded") == 2 and kinds.count("flow.succeeded") == 1


async def _has_status(order: Order, status: OrderStatus) -> bool:
    return await status_of(order) is status


async def test_a_rejected_manual_task_fails_the_order_and_names_who(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    flow = await make_flow(WAIT_THEN_APPROVE)
    order = await make_order(flow.flow.key)

    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: open_manual_task(order))
    await flow_runs.reject_manual_task(admin, manual.id, "wrong colour")
    await until(lambda: _has_status(order, OrderStatus.FAILURE))

    run = await FlowRun.get(order_id=order.id)
    assert run.status == RunStatus.FAILURE
    assert "rejected by admin@example.com: wrong colour" in run.reason
    with pytest.raises(Conflict):
        await flow_runs.complete_manual_task(admin, manual.id)


async def test_a_manual_task_title_and_description_have_their_placeholders_filled(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    payload = {"title": "Check {orderName}", "description": "Space {spaceKey}; {nothing} here"}
    flow = await make_flow({"stages": [stage("s", [task("check", "manual-task", payload)], ["check"])]})
    order = await make_order(flow.flow.key, name="ORD-PLACE")

    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: open_manual_task(order))

    assert manual.title == "Check ORD-PLACE"
    assert manual.description == "Space demo-eyewear;  here"
    warning = await HistoryEntry.get(order_id=order.id, kind="warning")
    assert warning.data["missingPlaceholders"] == ["nothing"]


async def test_an_unhandled_timeout_makes_the_order_unhealthy_until_the_task_completes(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    # given: an open manual task whose timeout is an hour away (no timer of its own fires in the test)
    approve = task("ok", "manual-task", {"title": "Approve"}, timeoutDuration=3_600_000)
    flow = await make_flow({"stages": [stage("s", [approve], ["ok"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: open_manual_task(order))
    assert await status_of(order) is OrderStatus.IN_PROGRESS

    # when: its time passes and the timeout's message comes
    task_run_id = manual.task_run_id  # type: ignore[attr-defined]
    await TaskRun.filter(id=task_run_id).update(timeout_at=datetime.now(UTC) - timedelta(seconds=1))
    await task_execution.fire_timeout(task_run_id)

    # then: unhealthy, the task still open, until someone completes it
    assert await status_of(order) is OrderStatus.UNHEALTHY
    assert (await FlowRun.get(order_id=order.id)).status == RunStatus.UNHEALTHY
    await manual.refresh_from_db()
    assert manual.status == ManualTaskStatus.OPEN
    await flow_runs.complete_manual_task(admin, manual.id)
    await until(lambda: _has_status(order, OrderStatus.SUCCESS))

    statuses = await HistoryEntry.filter(order_id=order.id, kind="order.status").order_by("created_at")
    assert [e.data["status"] for e in statuses] == ["IN_PROGRESS", "UNHEALTHY", "IN_PROGRESS", "SUCCESS"]


async def test_a_handled_timeout_runs_its_branch_and_closes_the_manual_task(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    late = task(
        "approve",
        "manual-task",
        {"title": "Approve"},
        timeoutDuration=100,
        next=[{"taskDefinitionKey": "fallback", "trigger": "timeout"}],
    )
    fallback = task("fallback", "wait", {"duration": 1}, successStatus="Failure")
    flow = await make_flow({"stages": [stage("s", [late, fallback], ["approve"])]})
    order = await make_order(flow.flow.key)

    await flow_runs.start_order_flow(admin, order.id)
    await until(lambda: _has_status(order, OrderStatus.FAILURE))

    manual = await ManualTask.get(order_id=order.id)
    assert manual.status == ManualTaskStatus.CANCELLED
    keys = await TaskRun.filter(run__order_id=order.id).order_by("ordinal").values_list("key", "state")
    assert keys == [("approve", TaskState.TIMED_OUT), ("fallback", TaskState.SUCCEEDED)]


async def test_a_message_delivered_twice_changes_nothing_the_second_time(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, clean_db: str
) -> None:
    set_dispatcher(None)  # no worker: deliver the messages by hand
    flow = await make_flow(
        {"stages": [stage("s", [task("check", "manual-task", {"title": "Check"})], ["check"])]}
    )
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    task_run = await TaskRun.get(run__order_id=order.id)

    await consumers.run_task(str(task_run.id))
    await consumers.run_task(str(task_run.id))  # the broker's at-least-once redelivery

    again = await TaskRun.get(id=task_run.id)
    assert again.state == TaskState.WAITING and again.attempts == 1
    assert await ManualTask.filter(order_id=order.id).count() == 1
    assert await HistoryEntry.filter(order_id=order.id, kind="manual_task.opened").count() == 1

    manual = await ManualTask.get(order_id=order.id)
    await flow_runs.complete_manual_task(admin, manual.id)
    await consumers.resume_task(str(task_run.id))
    await consumers.resume_task(str(task_run.id))
    assert await HistoryEntry.filter(order_id=order.id, kind="task.succeeded").count() == 1
    assert await status_of(order) is OrderStatus.SUCCESS


async def _worker_that_does_not_sweep(monkeypatch: pytest.MonkeyPatch) -> Embedded:
    """An embedded worker whose periodic sweep does not come during the test: the test's is the only one."""
    monkeypatch.setattr(runtime, "SWEEP_INTERVAL_S", 3600.0)
    return await start_embedded(threads=1)


async def test_the_sweep_runs_a_task_whose_message_was_lost(
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    sole_sweeper: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_dispatcher(None)  # the decision commits, its message goes nowhere
    flow = await make_flow({"stages": [stage("s", [task("pause", "wait", {"duration": 1})], ["pause"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    long_ago = datetime.now(UTC) - timedelta(minutes=5)
    await TaskRun.filter(run__order_id=order.id).update(dispatched_at=long_ago)

    embedded = await _worker_that_does_not_sweep(monkeypatch)
    try:
        report = await sweep_once()
        assert report is not None and report.resent == 1
        await until(lambda: _has_status(order, OrderStatus.SUCCESS))
    finally:
        await embedded.stop()


async def test_retry_restart_and_cancel_are_events_with_the_actor(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    flow = await make_flow(
        {"stages": [stage("s", [task("check", "manual-task", {"title": "Check"})], ["check"])]}
    )
    order = await make_order(flow.flow.key)
    run = await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: open_manual_task(order))
    await flow_runs.reject_manual_task(admin, manual.id)
    await until(lambda: _has_status(order, OrderStatus.FAILURE))
    failed = await TaskRun.get(run_id=run.id, state=TaskState.FAILED)

    await flow_runs.retry_task(admin, failed.id)
    second = await until(lambda: open_manual_task(order))
    assert second.id != manual.id and await status_of(order) is OrderStatus.IN_PROGRESS
    await flow_runs.cancel_run(admin, run.id)
    assert await status_of(order) is OrderStatus.FAILURE
    assert (await ManualTask.get(id=second.id)).status == ManualTaskStatus.CANCELLED
    await flow_runs.restart_run(admin, run.id)
    await until(lambda: open_manual_task(order))

    actions = await HistoryEntry.filter(
        order_id=order.id, kind__in=["task.retry", "flow.cancel", "flow.restarted"]
    )
    assert sorted(e.kind for e in actions) == ["flow.cancel", "flow.restarted", "task.retry"]
    assert {e.actor for e in actions} == {"user:admin@example.com"}
    with pytest.raises(Conflict):
        await flow_runs.start_order_flow(admin, order.id, flow.flow.id)  # it is running again


async def test_an_order_without_its_flow_waits_and_starts_when_the_flow_is_made(
    make_order: MakeOrder, clean_db: str
) -> None:
    set_dispatcher(None)
    order = await make_order("review-flow")

    assert await flow_runs.start_for_new_order(order.id) is None
    assert await flow_runs.start_for_new_order(order.id) is None
    assert await HistoryEntry.filter(order_id=order.id, kind="flow.missing").count() == 1
    assert await status_of(order) is OrderStatus.CREATED

    made = await flows.create_flow(
        await _admin(), "demo-eyewear", "Review flow", json.dumps(WAIT_THEN_APPROVE)
    )
    assert await status_of(order) is OrderStatus.CREATED  # started in the background, not here
    assert await flow_runs.start_waiting_batch(made.flow.id) == 1  # what the worker's message does
    assert await status_of(order) is OrderStatus.IN_PROGRESS


async def _admin() -> Actor:
    from server.services import auth

    return auth.actor_for_user(await User.get(email="admin@example.com"))


async def test_a_retry_never_makes_a_second_running_flow_and_a_restart_takes_the_new_version(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    flow = await make_flow(
        {"stages": [stage("s", [task("check", "manual-task", {"title": "Check"})], ["check"])]}
    )
    order = await make_order(flow.flow.key)
    first = await flow_runs.start_order_flow(admin, order.id)
    await flow_runs.reject_manual_task(admin, (await until(lambda: open_manual_task(order))).id)
    await until(lambda: _has_status(order, OrderStatus.FAILURE))
    failed = await TaskRun.get(run_id=first.id, state=TaskState.FAILED)
    second = await flow_runs.start_order_flow(admin, order.id, flow.flow.id)

    with pytest.raises(Conflict):
        await flow_runs.retry_task(admin, failed.id)
    await flow_runs.cancel_run(admin, second.id)
    newer = await flows.update_flow(admin, flow.flow.id, json.dumps(WAIT_THEN_APPROVE))
    await flow_runs.restart_run(admin, first.id)

    assert (await FlowRun.get(id=first.id)).flow_version_id == newer.current.id  # type: ignore[attr-defined]
    await until(lambda: open_manual_task(order))
    assert await TaskRun.filter(run_id=first.id, key="pause").exists()


async def test_a_space_key_cannot_act_on_another_spaces_order(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, clean_db: str
) -> None:
    from server.services import auth

    flow = await make_flow(WAIT_THEN_APPROVE)
    order = await make_order(flow.flow.key)
    await auth.create_space(admin, "other-space", "Other")
    other = await auth.actor_for_token((await auth.create_api_key(admin, "other-space")).secret)
    assert other is not None

    with pytest.raises(NotFound):
        await flow_runs.start_order_flow(other, order.id)
    run = await flow_runs.start_order_flow(admin, order.id)
    with pytest.raises(NotFound):
        await flow_runs.cancel_run(other, run.id)


async def test_the_sweep_takes_back_a_task_whose_worker_died(
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    sole_sweeper: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_dispatcher(None)
    flow = await make_flow({"stages": [stage("s", [task("pause", "wait", {"duration": 1})], ["pause"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    lapsed = datetime.now(UTC) - timedelta(seconds=1)
    await TaskRun.filter(run__order_id=order.id).update(
        state=TaskState.RUNNING, attempts=1, lease_until=lapsed
    )
    await consumers.run_task(str((await TaskRun.get(run__order_id=order.id)).id))  # still claimed: no effect

    embedded = await _worker_that_does_not_sweep(monkeypatch)
    try:
        report = await sweep_once()
        assert report is not None and report.released == 1
        await until(lambda: _has_status(order, OrderStatus.SUCCESS))
    finally:
        await embedded.stop()
    assert (await TaskRun.get(run__order_id=order.id)).attempts == 2


class _Sent:
    """A dispatcher that keeps what would be sent, for delivering by hand."""

    def __init__(self) -> None:
        self.run: list[str] = []
        self.resumes: list[str] = []

    def run_tasks(self, task_run_ids: list[object]) -> None:
        self.run += [str(task_run_id) for task_run_id in task_run_ids]

    def fire_timeout(self, task_run_id: object, delay_ms: int) -> None:
        pass

    def resume(self, task_run_id: object, delay_ms: int) -> None:
        self.resumes.append(str(task_run_id))

    def deliver_webhook(self, delivery_id: object, delay_ms: int) -> None:
        pass

    def start_waiting_orders(self, flow_id: object) -> None:
        pass

    def replay_webhooks(self, replay_id: object) -> None:
        pass

    def make_export(self, export_job_id: object) -> None:
        pass


async def test_a_wait_of_zero_succeeds_in_the_step_that_runs_it(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, clean_db: str
) -> None:
    sent = _Sent()
    set_dispatcher(sent)  # type: ignore[arg-type]
    chain = [
        task("first", "wait", {"duration": 0}, next=[{"taskDefinitionKey": "second", "trigger": "success"}]),
        task("second", "wait", {"duration": 0}),
    ]
    flow = await make_flow({"stages": [stage("s", chain, ["first"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    while sent.run:
        await consumers.run_task(sent.run.pop(0))
    set_dispatcher(None)
    assert sent.resumes == []  # one message per task, no wake-up
    assert await status_of(order) is OrderStatus.SUCCESS
    states = await TaskRun.filter(run__order_id=order.id).order_by("ordinal").values_list("key", "state")
    assert states == [("first", TaskState.SUCCEEDED), ("second", TaskState.SUCCEEDED)]


async def test_the_sweep_resends_a_message_only_once_a_later_one_was_taken(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, sole_sweeper: None
) -> None:
    sent = _Sent()
    set_dispatcher(sent)  # type: ignore[arg-type]
    flow = await make_flow({"stages": [stage("s", [task("pause", "wait", {"duration": 0})], ["pause"])]})
    queued, later = await make_order(flow.flow.key), await make_order(flow.flow.key)
    for order in (queued, later):
        await flow_runs.start_order_flow(admin, order.id)
    moment = datetime.now(UTC)
    await TaskRun.filter(run__order_id=queued.id).update(dispatched_at=moment - timedelta(seconds=40))
    await TaskRun.filter(run__order_id=later.id).update(dispatched_at=moment - timedelta(seconds=20))
    sent.run.clear()

    report = await task_execution.sweep()  # nothing was taken since: both are still queued
    assert report.resent == 0 and sent.run == []

    await consumers.run_task(str((await TaskRun.get(run__order_id=later.id)).id))
    # Its run ended with that task: a task claimed lately still counts once its run has ended.
    assert (await FlowRun.get(order_id=later.id)).status == RunStatus.SUCCESS
    report = await task_execution.sweep()  # a message sent 20 s after it was taken: it is lost
    set_dispatcher(None)
    assert report.resent == 1
    assert sent.run == [str((await TaskRun.get(run__order_id=queued.id)).id)]


async def test_a_long_wait_stays_in_the_database_until_the_sweep_sends_it(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, sole_sweeper: None
) -> None:
    sent = _Sent()
    set_dispatcher(sent)  # type: ignore[arg-type]
    hour = 3_600_000
    flow = await make_flow({"stages": [stage("s", [task("pause", "wait", {"duration": hour})], ["pause"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    await consumers.run_task(sent.run.pop())
    waiting = await TaskRun.get(run__order_id=order.id)
    assert waiting.state == TaskState.WAITING and waiting.dispatched_at is None
    assert sent.resumes == []  # not parked in the broker for an hour
    assert (await task_execution.sweep()).resumed == 0

    await TaskRun.filter(id=waiting.id).update(resume_at=datetime.now(UTC) + timedelta(seconds=3))
    assert (await task_execution.sweep()).resumed == 1
    assert (await task_execution.sweep()).resumed == 0  # sent once
    set_dispatcher(None)
    assert sent.resumes == [str(waiting.id)]


async def test_a_failing_part_of_the_sweep_leaves_the_others_to_run(
    clean_db: str, sole_sweeper: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []

    async def broken() -> tuple[list[object], int]:
        raise RuntimeError("the webhook table is locked")

    async def waiting_orders() -> int:
        ran.append("waiting orders")
        return 0

    async def exports() -> tuple[int, int]:
        ran.append("exports")
        return 0, 0

    monkeypatch.setattr(runtime.webhook_sending, "sweep", broken)
    monkeypatch.setattr(runtime.flow_runs, "sweep_waiting_orders", waiting_orders)
    monkeypatch.setattr(runtime.export_jobs, "sweep", exports)
    with caplog.at_level("ERROR", logger=runtime.logger.name):
        report = await sweep_once()
    assert report is not None  # the task sweep's report, although a later part failed
    assert ran == ["waiting orders", "exports"]
    assert [r.getMessage() for r in caplog.records] == [
        "the webhook sweep failed; it runs again at the next interval"
    ]


async def test_a_failing_task_sweep_is_logged_and_reports_nothing(
    clean_db: str, sole_sweeper: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken() -> task_execution.SweepReport:
        raise RuntimeError("connection lost")

    monkeypatch.setattr(runtime.task_execution, "sweep", broken)
    with caplog.at_level("ERROR", logger=runtime.logger.name):
        assert await sweep_once() is None
    assert "the task sweep failed" in caplog.records[0].getMessage()


async def test_a_backlog_of_overdue_timeouts_does_not_crowd_out_a_lapsed_lease(
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    sole_sweeper: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each kind of work has its own batch: overdue timeouts stay due until their handler runs, and
    however many there are, the sweep still takes back a task whose worker died."""
    set_dispatcher(None)  # the sweep's messages go nowhere: the rows stay as they are
    keys = [f"w{number}" for number in range(8)]
    flow = await make_flow(
        {"stages": [stage("s", [task(k, "wait", {"duration": 600_000}) for k in keys], keys)]}
    )
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    long_ago, now = datetime.now(UTC) - timedelta(minutes=5), datetime.now(UTC)
    tasks = await TaskRun.filter(run__order_id=order.id).order_by("ordinal")
    assert len(tasks) == len(keys)
    overdue, lapsed = tasks[:-1], tasks[-1]
    await TaskRun.filter(id__in=[t.id for t in overdue]).update(
        state=TaskState.WAITING, timeout_at=long_ago, timed_out=False, dispatched_at=now, resume_at=None
    )
    await TaskRun.filter(id=lapsed.id).update(
        state=TaskState.RUNNING, lease_until=long_ago, dispatched_at=now
    )
    monkeypatch.setattr(task_execution, "SWEEP_BATCH", 1)

    report = await task_execution.sweep()

    assert (report.timeouts, report.released) == (1, 1)
    assert (await TaskRun.get(id=lapsed.id)).state is TaskState.READY
