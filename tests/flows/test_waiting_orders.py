"""Orders that waited for a flow start in the background, a batch per message, once each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from uuid import UUID

import pytest

from jobs.runtime import Embedded, sweep_once
from server.dispatch import set_dispatcher
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.models import Flow, FlowRun, HistoryEntry, Order
from server.services import flow_runs, flows
from server.services.effects import now
from tests.e2e.support import until
from tests.flows.conftest import MakeOrder, stage, task

MANUAL = {"stages": [stage("s", [task("check", "manual-task", {"title": "Check"})], ["check"])]}


class Recorder:
    """A dispatcher that keeps what it was asked to send, for the test to deliver by hand."""

    def __init__(self) -> None:
        self.waiting: list[UUID] = []

    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        pass

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        pass

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        pass

    def deliver_webhook(self, delivery_id: UUID, delay_ms: int) -> None:
        pass

    def start_waiting_orders(self, flow_id: UUID) -> None:
        self.waiting.append(flow_id)


@pytest.fixture
def recorder(clean_db: str) -> Iterator[Recorder]:
    recorder = Recorder()
    set_dispatcher(recorder)
    yield recorder
    set_dispatcher(None)


async def _waiting_orders(make_order: MakeOrder, count: int, flow_key: str = "review-flow") -> list[Order]:
    orders = [await make_order(flow_key, name=f"WAIT-{index}") for index in range(count)]
    for order in orders:
        assert await flow_runs.start_for_new_order(order.id) is None  # no such flow yet: it waits
    return orders


async def _started(orders: list[Order]) -> list[str]:
    return sorted(
        order.name
        for order in await Order.filter(id__in=[o.id for o in orders], status=OrderStatus.IN_PROGRESS)
    )


async def test_creating_the_flow_hands_its_waiting_orders_to_batches_that_start_each_once(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder, recorder: Recorder
) -> None:
    orders = await _waiting_orders(make_order, 5)

    made = await flows.create_flow(admin, space_key[0], "Review flow", json.dumps(MANUAL))

    assert await _started(orders) == []  # the request started none
    assert recorder.waiting == [made.flow.id]
    assert (await Flow.get(id=made.flow.id)).waiting_orders_since is not None
    assert await flow_runs.start_waiting_batch(made.flow.id, size=2) == 2
    assert await _started(orders) == ["WAIT-0", "WAIT-1"]  # oldest first
    assert recorder.waiting == [made.flow.id] * 2  # the next batch is a message of its own
    assert await flow_runs.start_waiting_batch(made.flow.id, size=2) == 2
    assert await flow_runs.start_waiting_batch(made.flow.id, size=2) == 1
    assert recorder.waiting == [made.flow.id] * 3  # a short batch was the last
    assert (await Flow.get(id=made.flow.id)).waiting_orders_since is None

    assert await flow_runs.start_waiting_batch(made.flow.id, size=2) == 0  # a message delivered twice
    assert recorder.waiting == [made.flow.id] * 3
    assert len(await _started(orders)) == 5
    for order in orders:
        assert await FlowRun.filter(order_id=order.id).count() == 1
        assert await HistoryEntry.filter(order_id=order.id, kind="flow.started").count() == 1


async def test_an_order_that_never_waited_is_left_to_whoever_starts_it(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder, recorder: Recorder
) -> None:
    made = await flows.create_flow(admin, space_key[0], "Review flow", json.dumps(MANUAL))
    later = await make_order("review-flow")  # made after the flow: its own start is the intake's

    assert await flow_runs.start_waiting_batch(made.flow.id) == 0
    assert not await FlowRun.exists(order_id=later.id)


async def test_enabling_a_flow_again_starts_what_waited_meanwhile_and_a_disabled_flow_starts_nothing(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder, recorder: Recorder
) -> None:
    made = await flows.create_flow(admin, space_key[0], "Review flow", json.dumps(MANUAL))
    assert await flow_runs.start_waiting_batch(made.flow.id) == 0
    await flows.set_flow_enabled(admin, made.flow.id, False)
    orders = await _waiting_orders(make_order, 2)
    assert await flow_runs.start_waiting_batch(made.flow.id) == 0  # a late message of a disabled flow
    assert await _started(orders) == []

    await flows.set_flow_enabled(admin, made.flow.id, True)

    assert recorder.waiting == [made.flow.id, made.flow.id]
    assert await _started(orders) == []
    assert await flow_runs.start_waiting_batch(made.flow.id) == 2
    assert await _started(orders) == ["WAIT-0", "WAIT-1"]


async def test_the_sweep_hands_over_again_when_the_message_was_lost(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder, recorder: Recorder
) -> None:
    orders = await _waiting_orders(make_order, 3)
    made = await flows.create_flow(admin, space_key[0], "Review flow", json.dumps(MANUAL))
    recorder.waiting.clear()  # the message is lost

    assert await flow_runs.sweep_waiting_orders() == 0  # still within the grace: a batch may be under way
    later = now() + flow_runs.START_GRACE + timedelta(seconds=1)
    assert await flow_runs.sweep_waiting_orders(later) == 1
    assert recorder.waiting == [made.flow.id]
    assert await flow_runs.sweep_waiting_orders(later) == 0  # handed over once per grace period

    assert await flow_runs.start_waiting_batch(made.flow.id) == 3
    assert len(await _started(orders)) == 3
    assert await flow_runs.sweep_waiting_orders(later + flow_runs.START_GRACE * 2) == 0  # nothing left


async def test_the_in_process_worker_starts_the_waiting_orders_of_a_new_flow(
    jobs: Embedded, admin: Actor, space_key: tuple[str, str], make_order: MakeOrder
) -> None:
    orders = await _waiting_orders(make_order, 3)

    made = await flows.create_flow(admin, space_key[0], "Review flow", json.dumps(MANUAL))

    await until(lambda: _all_started(orders), timeout=30)
    await until(lambda: _mark_cleared(made.flow.id), timeout=30)
    await sweep_once()  # nothing is handed over twice
    for order in orders:
        assert await FlowRun.filter(order_id=order.id).count() == 1


async def _all_started(orders: list[Order]) -> bool:
    return len(await _started(orders)) == len(orders)


async def _mark_cleared(flow_id: UUID) -> bool:
    return (await Flow.get(id=flow_id)).waiting_orders_since is None
