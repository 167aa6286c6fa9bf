"""The event bus: in-process and over real Redis."""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest

from server.events import QUEUE_SIZE, EventBus, RedisEventBus
from tests.conftest import REDIS_URL, unavailable


async def _next(sub, timeout: float = 5.0):  # type: ignore[no-untyped-def]
    return await asyncio.wait_for(sub.queue.get(), timeout)


async def test_a_subscriber_receives_only_what_it_accepts():
    bus = EventBus()
    async with bus.subscribe(lambda m: m["orderId"] == "a") as sub:
        await bus.publish({"orderId": "b", "status": "SUCCESS"})
        await bus.publish({"orderId": "a", "status": "FAILURE"})

        assert await _next(sub) == {"orderId": "a", "status": "FAILURE"}
        assert sub.queue.empty()


async def test_messages_published_from_another_thread_arrive_on_the_subscribers_loop():
    bus = EventBus()
    async with bus.subscribe() as sub:
        thread = threading.Thread(target=bus.deliver_locally, args=({"n": 1},))
        thread.start()
        thread.join()

        assert await _next(sub) == {"n": 1}


async def test_a_slow_subscriber_keeps_a_bounded_queue_and_counts_what_it_lost():
    bus = EventBus()
    async with bus.subscribe() as sub:
        for n in range(QUEUE_SIZE + 10):
            await bus.publish({"n": n})

        assert sub.queue.qsize() == QUEUE_SIZE
        assert sub.dropped == 10
        assert (await _next(sub))["n"] == 10


async def test_leaving_a_subscription_unregisters_it():
    bus = EventBus()
    async with bus.subscribe():
        assert bus.subscriber_count == 1
    assert bus.subscriber_count == 0


@pytest.fixture
async def redis_bus():  # type: ignore[no-untyped-def]
    bus = RedisEventBus(REDIS_URL, channel=f"fabflow:test:{uuid.uuid4().hex}")
    try:
        await bus.start()
    except Exception as exc:
        unavailable("Redis", exc)
    yield bus
    await bus.close()


async def test_redis_carries_a_message_from_one_process_bus_to_another(redis_bus):
    publisher = RedisEventBus(REDIS_URL, channel=redis_bus._channel)
    async with redis_bus.subscribe() as sub:
        await publisher.publish({"type": "order.status", "status": "SUCCESS"})

        assert await _next(sub) == {"type": "order.status", "status": "SUCCESS"}
    await publisher.close()
