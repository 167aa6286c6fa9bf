"""GraphQL subscriptions across a restart of Redis: a throwaway `redis-server` of the test's own is
killed and started again on the same port while a websocket subscriber stays connected."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator

import pytest

from server.domain.actors import Actor
from server.events import Backoff, RedisEventBus, get_bus, set_bus
from server.services import flow_runs, flows
from tests.e2e.support import LiveServer, Subscriber, until
from tests.e2e.test_subscriptions import FLOW, RUN
from tests.flows.conftest import MakeOrder
from tests.redis_server import ThrowawayRedis

STATUS_OF = """
subscription($order: ID!) {
  orderStatusChanged(orderId: $order) { order { id name status } previousStatus status }
}"""


@pytest.fixture
async def redis() -> AsyncIterator[ThrowawayRedis]:
    async with ThrowawayRedis() as server:
        yield server


@pytest.fixture
async def bus(redis: ThrowawayRedis) -> AsyncIterator[RedisEventBus]:
    """The process's bus, on the throwaway Redis, retrying quickly."""
    bus = RedisEventBus(redis.url, channel=f"fabflow:test:{uuid.uuid4().hex}", backoff=Backoff(0.05, 0.2))
    previous = get_bus()
    set_bus(bus)
    yield bus
    set_bus(previous)
    await bus.close()


async def _restart(redis: ThrowawayRedis, bus: RedisEventBus) -> None:
    redis.stop()
    await until(lambda: _is(not bus.connected))
    await redis.start()
    await until(lambda: _is(bus.connected))


async def _is(value: bool) -> bool:
    return value


@pytest.mark.redis
async def test_a_subscriber_open_across_a_restart_hears_a_change_made_after_it(
    admin: Actor,
    space_key: tuple[str, str],
    make_order: MakeOrder,
    redis: ThrowawayRedis,
    bus: RedisEventBus,
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Review flow", json.dumps(FLOW))
    order = await make_order("review-flow", name="RESTART-1")

    async with LiveServer(run_jobs=True) as server, Subscriber(server.ws_url, space_key[1]) as subscriber:
        await subscriber.subscribe(STATUS_OF, {"order": str(order.id)})
        await until(lambda: _is(bus.subscriber_count >= 1))
        await _restart(redis, bus)
        await flow_runs.start_order_flow(admin, order.id)
        heard = await subscriber.next()

    assert heard["orderStatusChanged"] == {
        "order": {"id": str(order.id), "name": "RESTART-1", "status": "IN_PROGRESS"},
        "previousStatus": "CREATED",
        "status": "IN_PROGRESS",
    }


@pytest.mark.redis
async def test_what_changed_while_redis_was_down_is_sent_once_it_is_back(
    admin: Actor,
    space_key: tuple[str, str],
    make_order: MakeOrder,
    redis: ThrowawayRedis,
    bus: RedisEventBus,
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Review flow", json.dumps(FLOW))
    order = await make_order("review-flow", name="RESTART-2")

    async with LiveServer(run_jobs=True) as server, Subscriber(server.ws_url, space_key[1]) as subscriber:
        await subscriber.subscribe(STATUS_OF, {"order": str(order.id)})
        await subscriber.subscribe(RUN, {"order": str(order.id)})
        await until(lambda: _is(bus.subscriber_count >= 2))
        redis.stop()
        await until(lambda: _is(not bus.connected))
        await flow_runs.start_order_flow(admin, order.id)  # its messages are lost; the change is not
        await redis.start()
        seen = await subscriber.collect(lambda got: _has_status(got) and any(_waiting(m) for m in got))

    changes = [m["orderStatusChanged"] for m in seen if "orderStatusChanged" in m]
    assert changes == [
        {
            "order": {"id": str(order.id), "name": "RESTART-2", "status": "IN_PROGRESS"},
            "previousStatus": "CREATED",
            "status": "IN_PROGRESS",
        }
    ]


def _has_status(got: list[dict[str, object]]) -> bool:
    return any("orderStatusChanged" in m for m in got)


def _waiting(message: dict[str, object]) -> bool:
    if "flowRunUpdated" not in message:
        return False
    run = message["flowRunUpdated"]["run"]  # type: ignore[index]
    return run["taskRuns"] == [{"key": "check", "status": "WAITING"}]  # type: ignore[index,no-any-return]
