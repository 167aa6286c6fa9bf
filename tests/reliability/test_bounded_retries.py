"""A connector that keeps answering 503 is called a bounded number of times, timeout handled or not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jobs.handlers import consume_rest_api
from jobs.runtime import Embedded
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus, TaskState
from server.models import HistoryEntry, Order, TaskAttempt, TaskRun
from server.services import flow_runs, task_execution
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task
from tests.handlers.conftest import Connector


@pytest.fixture
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff from 100 ms, so several attempts fit before a short timeout."""
    monkeypatch.setattr(consume_rest_api, "BASE_DELAY", timedelta(milliseconds=100))


def always_503(connector: Connector, times: int = 100) -> None:
    for _ in range(times):
        connector.answer(503, b"maintenance")


async def _task_of(order: Order) -> TaskRun:
    return await TaskRun.get(run__order_id=order.id)


@pytest.fixture
def capped_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every backoff at its cap (7.5 to 22.5 min): a retry stays in the database, no timer fires here."""
    monkeypatch.setattr(consume_rest_api, "BASE_DELAY", consume_rest_api.MAX_DELAY)


async def test_an_unhandled_timeout_stops_the_calls_and_leaves_the_order_unhealthy(
    jobs: Embedded,
    connector: Connector,
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    capped_backoff: None,
) -> None:
    # given: a connector that answers 503, called by a task whose timeout (a day) is after its first retry
    always_503(connector)
    call = task("call", "consume-rest-api", {"uri": connector.url}, timeoutDuration=86_400_000)
    flow = await make_flow({"stages": [stage("s", [call], ["call"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    first = await until(lambda: _settled_after(order, 1))
    assert first.state == TaskState.READY and first.resume_at is not None and first.timeout_at is not None
    assert first.resume_at < first.timeout_at  # the second call comes before the timeout

    # when: the retry comes due with the timeout 5 min away (the next backoff is at least 7.5 min)
    moment = datetime.now(UTC)
    await TaskRun.filter(id=first.id).update(
        resume_at=moment - timedelta(seconds=1), timeout_at=moment + timedelta(minutes=5)
    )
    await task_execution.sweep()  # it sends the retry kept in the database

    # then: the second call is the last; the task waits for its timeout, and the history says why
    stopped = await until(lambda: _settled_after(order, 2))
    assert stopped.state == TaskState.WAITING and not stopped.timed_out
    assert stopped.resume_at is None  # nothing will wake it but feedback or an operator's retry
    calls = await TaskAttempt.filter(task_run_id=stopped.id).order_by("attempt")
    assert len(connector.received) == len(calls) == 2
    assert stopped.timeout_at is not None
    assert all(attempt.created_at < stopped.timeout_at for attempt in calls)
    assert await HistoryEntry.filter(
        order_id=order.id, kind="warning", message__contains="no more calls"
    ).exists()

    # when: the timeout passes and its message comes, with nothing in the flow to handle it
    await TaskRun.filter(id=stopped.id).update(timeout_at=datetime.now(UTC) - timedelta(seconds=1))
    await task_execution.fire_timeout(stopped.id)

    # then: the order is unhealthy and the task still waits, making no call
    waiting = await _task_of(order)
    assert waiting.state == TaskState.WAITING and waiting.timed_out and waiting.resume_at is None
    assert (await Order.get(id=order.id)).status == OrderStatus.UNHEALTHY
    assert len(connector.received) == await TaskAttempt.filter(task_run_id=waiting.id).count() == 2
    # An operator's retry starts a new task run, which calls again.
    await flow_runs.retry_task(admin, waiting.id)
    await until(lambda: _calls_more_than(connector, len(calls)), timeout=30)


async def _settled_after(order: Order, attempts: int) -> TaskRun | None:
    """The task once its attempt `attempts` has ended (it is no longer running), else None."""
    run = await _task_of(order)
    return run if run.attempts == attempts and run.state != TaskState.RUNNING else None


async def _calls_more_than(connector: Connector, count: int) -> bool:
    return len(connector.received) > count


async def test_without_a_timeout_the_attempt_cap_ends_the_calls(
    jobs: Embedded,
    connector: Connector,
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    quick_backoff: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(consume_rest_api, "MAX_ATTEMPTS", 3)
    always_503(connector)
    flow = await make_flow(
        {"stages": [stage("s", [task("call", "consume-rest-api", {"uri": connector.url})], ["call"])]}
    )
    order = await make_order(flow.flow.key)

    await flow_runs.start_order_flow(admin, order.id)

    async def ended() -> TaskRun | None:
        run = await _task_of(order)
        return run if run.state == TaskState.FAILED else None

    failed = await until(ended, timeout=30)
    assert len(connector.received) == 3
    assert failed.attempts == 3 and "3 times" in failed.error
    assert (await Order.get(id=order.id)).status == OrderStatus.FAILURE


async def test_the_attempt_cap_holds_when_the_timeout_is_far(
    jobs: Embedded,
    connector: Connector,
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    quick_backoff: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(consume_rest_api, "MAX_ATTEMPTS", 3)
    always_503(connector)
    call = task("call", "consume-rest-api", {"uri": connector.url}, timeoutDuration=3_600_000)
    flow = await make_flow({"stages": [stage("s", [call], ["call"])]})
    order = await make_order(flow.flow.key)

    await flow_runs.start_order_flow(admin, order.id)

    async def ended() -> TaskRun | None:
        run = await _task_of(order)
        return run if run.state == TaskState.FAILED else None

    await until(ended, timeout=30)
    assert len(connector.received) == 3
