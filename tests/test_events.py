"""The event bus: in-process, over real Redis, and across a Redis restart."""

from __future__ import annotations

import asyncio
import threading
import uuid
from datetime import UTC, datetime

import pytest

from server import events, settings
from server.events import QUEUE_SIZE, Backoff, EventBus, RedisEventBus, Subscription, channel_for
from server.live_messages import BusMessage, BusResumed, OrderStatusChanged
from tests.conftest import REDIS_URL, unavailable
from tests.redis_server import ThrowawayRedis

QUICK = Backoff(first=0.05, cap=0.2)


def status(order_id: str = "a", to: str = "SUCCESS") -> OrderStatusChanged:
    return OrderStatusChanged(
        organization_id="org",
        space_id="space",
        space_key="demo-eyewear",
        order_id=order_id,
        order_name=f"ORDER-{order_id}",
        previous_status="IN_PROGRESS",
        status=to,
        at=datetime(2026, 3, 1, 12, tzinfo=UTC),
    )


def about(order_id: str):  # type: ignore[no-untyped-def]
    return lambda m: isinstance(m, OrderStatusChanged) and m.order_id == order_id


async def _next(sub: Subscription, timeout: float = 10.0) -> BusMessage:
    return await asyncio.wait_for(sub.queue.get(), timeout)


async def test_a_subscriber_receives_only_what_it_accepts() -> None:
    bus = EventBus()
    async with bus.subscribe(about("a")) as sub:
        await bus.publish(status("b"))
        await bus.publish(status("a", "FAILURE"))

        assert await _next(sub) == status("a", "FAILURE")
        assert sub.queue.empty()


async def test_messages_published_from_another_thread_arrive_on_the_subscribers_loop() -> None:
    bus = EventBus()
    async with bus.subscribe() as sub:
        thread = threading.Thread(target=bus.deliver_locally, args=(status("n"),))
        thread.start()
        thread.join()

        assert await _next(sub) == status("n")


async def test_a_slow_subscriber_keeps_a_bounded_queue_and_counts_what_it_lost() -> None:
    bus = EventBus()
    async with bus.subscribe() as sub:
        for n in range(QUEUE_SIZE + 10):
            await bus.publish(status(str(n)))

        assert sub.queue.qsize() == QUEUE_SIZE
        assert sub.dropped == 10
        assert await _next(sub) == status("10")


async def test_leaving_a_subscription_unregisters_it() -> None:
    bus = EventBus()
    async with bus.subscribe():
        assert bus.subscriber_count == 1
    assert bus.subscriber_count == 0


async def test_a_resume_notice_reaches_every_subscriber_whatever_it_accepts() -> None:
    bus = EventBus()
    async with bus.subscribe(about("a")) as sub:
        bus.deliver_locally(BusResumed(at=datetime.now(UTC)))

        assert isinstance(await _next(sub), BusResumed)


def test_the_backoff_doubles_up_to_its_cap_with_jitter() -> None:
    backoff = Backoff(first=1.0, cap=8.0)

    delays = {failures: [backoff.delay(failures) for _ in range(50)] for failures in (1, 2, 3, 4, 10)}

    assert all(0.5 <= d <= 1.0 for d in delays[1])
    assert all(1.0 <= d <= 2.0 for d in delays[2])
    assert all(4.0 <= d <= 8.0 for d in delays[10])
    assert len(set(delays[10])) > 1  # jittered, so processes do not all come back at once


@pytest.fixture
async def redis_bus():  # type: ignore[no-untyped-def]
    bus = RedisEventBus(REDIS_URL, channel=f"fabflow:test:{uuid.uuid4().hex}")
    await bus.start()
    if not bus.connected:
        unavailable("Redis", REDIS_URL)
    yield bus
    await bus.close()


@pytest.mark.redis
async def test_redis_carries_a_message_from_one_process_bus_to_another(redis_bus: RedisEventBus) -> None:
    publisher = RedisEventBus(REDIS_URL, channel=redis_bus._channel)
    async with redis_bus.subscribe() as sub:
        await publisher.publish(status("a"))

        assert await _next(sub) == status("a")
    await publisher.close()


@pytest.mark.redis
async def test_published_messages_arrive_in_the_order_they_were_published(redis_bus: RedisEventBus) -> None:
    publisher = RedisEventBus(REDIS_URL, channel=redis_bus._channel)
    names = [str(n) for n in range(50)]
    async with redis_bus.subscribe() as sub:
        for name in names[:20]:
            await publisher.publish(status(name))
        await publisher.publish_many([status(name) for name in names[20:]])

        heard = [await _next(sub) for _ in names]
    await publisher.close()

    assert heard == [status(name) for name in names]


@pytest.mark.redis
async def test_a_publish_only_queues_and_the_queue_drops_its_oldest_past_its_limit(
    redis_bus: RedisEventBus, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(events, "PENDING_LIMIT", 3)
    publisher = RedisEventBus(REDIS_URL, channel=redis_bus._channel)
    async with redis_bus.subscribe() as sub:
        # Nothing is sent before the sender task runs, so the queue takes all ten at once.
        await publisher.publish_many([status(str(n)) for n in range(10)])
        await publisher.publish(status("last"))

        heard = [await _next(sub) for _ in range(3)]
    await publisher.close()

    assert heard == [status("8"), status("9"), status("last")]
    assert "8 live messages dropped" in caplog.text


@pytest.mark.redis
async def test_closing_a_bus_sends_what_it_queued_first(redis_bus: RedisEventBus) -> None:
    publisher = RedisEventBus(REDIS_URL, channel=redis_bus._channel)
    async with redis_bus.subscribe() as sub:
        await publisher.publish(status("queued"))
        await publisher.close()

        assert await _next(sub) == status("queued")


@pytest.mark.redis
async def test_a_subscriber_hears_again_after_redis_restarts_and_is_told_it_may_have_missed_some() -> None:
    async with ThrowawayRedis() as redis:
        channel = f"fabflow:test:{uuid.uuid4().hex}"
        listening = RedisEventBus(redis.url, channel=channel, backoff=QUICK)
        publisher = RedisEventBus(redis.url, channel=channel)  # its connection predates the outage
        during = RedisEventBus(redis.url, channel=channel)
        try:
            async with listening.subscribe(about("after")) as sub:
                await publisher.publish(status("after", "IN_PROGRESS"))
                before = await _next(sub)

                redis.stop()
                await _until(lambda: not listening.connected)
                await during.publish(status("after", "FAILURE"))  # lost; it must neither raise nor hang
                await redis.start()
                resumed = await _next(sub)
                await publisher.publish(status("after"))
                heard = await _next(sub)
        finally:
            for bus in (publisher, during, listening):
                await bus.close()

    assert before == status("after", "IN_PROGRESS")
    assert isinstance(resumed, BusResumed)
    assert heard == status("after")


@pytest.mark.redis
async def test_a_subscriber_who_comes_during_an_outage_is_accepted_and_hears_once_redis_is_back() -> None:
    async with ThrowawayRedis() as redis:
        channel = f"fabflow:test:{uuid.uuid4().hex}"
        redis.stop()
        listening = RedisEventBus(redis.url, channel=channel, backoff=QUICK)
        publisher = RedisEventBus(redis.url, channel=channel)
        try:
            async with listening.subscribe(about("late")) as sub:
                assert not listening.connected

                await redis.start()
                resumed = await _next(sub)
                await publisher.publish(status("late"))
                heard = await _next(sub)
        finally:
            await publisher.close()
            await listening.close()

    assert isinstance(resumed, BusResumed)
    assert heard == status("late")


async def _until(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        assert loop.time() < deadline, "the condition never held"
        await asyncio.sleep(0.02)


def test_the_channel_is_the_redis_databases_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pub/sub ignores database numbers: each database's Fabflow gets a channel of its own."""
    monkeypatch.setattr(settings, "EVENTS_CHANNEL", "")
    assert channel_for("redis://127.0.0.1:6379/6") == "fabflow:events:6"
    assert channel_for("redis://127.0.0.1:6379") == "fabflow:events:0"
    assert channel_for("redis://127.0.0.1:6379/") == "fabflow:events:0"
    assert RedisEventBus("redis://127.0.0.1:6379/3")._channel == "fabflow:events:3"

    monkeypatch.setattr(settings, "EVENTS_CHANNEL", "plant-2:events")
    assert channel_for("redis://127.0.0.1:6379/6") == "plant-2:events"
