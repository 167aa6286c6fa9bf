"""Publish/subscribe of live changes (order status, flow runs).

Every process keeps one `EventBus`. In production it is backed by Redis
pub/sub: one Redis subscription per process, fanned out in memory to the local
subscribers (PERFORMANCE.md: one connection per process costs less than one
per client). In the embedded mode, delivery stays in the process.

Subscribers get a bounded queue: when a slow subscriber falls behind, its
oldest messages are dropped and it is told so (`lagged`), so memory never grows
without limit. Publishing is fire-and-forget: callers publish after their
transaction commits, and a lost message only delays a screen, never a run.
What travels is one of the typed messages of `server.live_messages`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from server import settings
from server.live_messages import BusMessage, BusResumed, OrderMessage, decode, encode

logger = logging.getLogger(__name__)

CHANNEL = "fabflow:events"  # the prefix; each installation's channel is `channel_for` its Redis URL
QUEUE_SIZE = 256
CONNECT_TIMEOUT = 2.0  # seconds to open a connection to Redis
PUBLISH_TIMEOUT = 2.0  # seconds a publish may take before its message is dropped
# Published messages not yet sent to Redis, at most; past it the oldest are dropped (and counted).
PENDING_LIMIT = 10_000
SEND_BATCH = 500  # messages sent in one pipeline at most

Predicate = Callable[[BusMessage], bool]


@dataclass(eq=False)
class Subscription:
    """One subscriber: a bounded queue on the subscriber's own event loop."""

    accepts: Predicate
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[BusMessage] = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))
    dropped: int = 0

    def offer(self, message: BusMessage) -> None:
        """Called on the subscriber's loop. A `BusResumed` reaches every subscriber."""
        if not isinstance(message, BusResumed) and not self.accepts(message):
            return
        if self.queue.full():
            self.queue.get_nowait()
            self.dropped += 1
        self.queue.put_nowait(message)

    async def __aiter__(self) -> AsyncIterator[BusMessage]:
        while True:
            yield await self.queue.get()


class EventBus:
    """Fan-out to local subscribers; subclasses decide where published messages travel."""

    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()
        self._lock = threading.Lock()

    async def publish(self, message: OrderMessage) -> None:
        self.deliver_locally(message)

    async def publish_many(self, messages: list[OrderMessage]) -> None:
        """The messages of one step, in order (a bus that can sends them in one round trip)."""
        for message in messages:
            await self.publish(message)

    @property
    def connected(self) -> bool:
        """Whether published messages reach subscribers now; in-process, always."""
        return True

    def deliver_locally(self, message: BusMessage) -> None:
        """Safe from any thread: each subscriber receives on its own loop."""
        with self._lock:
            targets = list(self._subscriptions)
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:
            current = None
        for sub in targets:
            if sub.loop is current:
                sub.offer(message)
                continue
            with contextlib.suppress(RuntimeError):  # the subscriber's loop has closed
                sub.loop.call_soon_threadsafe(sub.offer, message)

    @contextlib.asynccontextmanager
    async def subscribe(self, accepts: Predicate = lambda _: True) -> AsyncIterator[Subscription]:
        await self.start()
        sub = Subscription(accepts=accepts, loop=asyncio.get_running_loop())
        with self._lock:
            self._subscriptions.add(sub)
        try:
            yield sub
        finally:
            with self._lock:
                self._subscriptions.discard(sub)

    @property
    def subscriber_count(self) -> int:
        return len(self._subscriptions)

    async def start(self) -> None:
        """Open whatever the bus needs; idempotent."""

    async def close(self) -> None:
        """Release connections; idempotent."""


@dataclass(frozen=True)
class Backoff:
    """How long the listener waits before its next try: doubling from `first` up to `cap`, jittered
    (a random point in the upper half) so the processes of a deployment do not all come back at once."""

    first: float = 0.5
    cap: float = 10.0

    def delay(self, failures: int) -> float:
        ceiling = min(self.cap, self.first * 2 ** max(0, failures - 1))
        return random.uniform(ceiling / 2, ceiling)


def channel_for(redis_url: str) -> str:
    """`FABFLOW_EVENTS_CHANNEL`, else `fabflow:events:<db>` of the URL's database number (0 when none).

    Pub/sub ignores database numbers: installations sharing one Redis on different databases would
    otherwise hear each other's events.
    """
    if settings.EVENTS_CHANNEL:
        return settings.EVENTS_CHANNEL
    path = urlsplit(redis_url).path.strip("/")
    return f"{CHANNEL}:{int(path) if path.isdigit() else 0}"


class RedisEventBus(EventBus):
    """Publishes to a Redis channel; one listener task per process delivers what arrives.

    The listener outlives Redis outages: it reconnects with `Backoff` and, once subscribed again,
    hands every local subscriber a `BusResumed`, so each re-reads what it shows. Subscribing while
    Redis is down is accepted; the subscriber hears from the moment the listener is back.

    A publish only queues its message and returns: one sender task per process sends what is queued
    in one Redis pipeline, in order, so a step never waits for Redis and many steps share a round
    trip. The queue is bounded (`PENDING_LIMIT`, the oldest dropped and counted in a warning); a
    send that fails or takes longer than `PUBLISH_TIMEOUT` drops its messages. Nothing raises: the
    database stays the truth.
    """

    def __init__(self, redis_url: str, channel: str | None = None, backoff: Backoff | None = None) -> None:
        super().__init__()
        self._url = redis_url
        self._channel = channel or channel_for(redis_url)
        self._backoff = backoff or Backoff()
        self._publisher: Any = None
        self._subscriber: Any = None
        self._listener: asyncio.Task[None] | None = None
        self._settled: asyncio.Event | None = None  # set once the listener's first try ended
        self._connected = False
        self._publish_failing = False
        self._pending: deque[str] = deque()
        self._dropped = 0  # queued messages dropped since the last warning
        self._sender: asyncio.Task[None] | None = None
        self._queued: asyncio.Event | None = None
        self._closing = False

    @property
    def connected(self) -> bool:
        return self._connected

    def _client(self, *, publishing: bool) -> Any:
        import redis.asyncio as aioredis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        # The listener gets no retries inside redis-py: an outage must reach `_listen`, which owns
        # the reconnecting. A publish tries once more on a fresh connection, since the pooled one
        # may date from before a restart.
        options: dict[str, Any] = {
            "socket_connect_timeout": CONNECT_TIMEOUT,
            "socket_keepalive": True,
            "retry": Retry(NoBackoff(), 1 if publishing else 0),
        }
        if publishing:
            options["socket_timeout"] = PUBLISH_TIMEOUT
        return aioredis.from_url(self._url, **options)

    async def publish(self, message: OrderMessage) -> None:
        await self.publish_many([message])

    async def publish_many(self, messages: list[OrderMessage]) -> None:
        if not messages:
            return
        for message in messages:
            if len(self._pending) >= PENDING_LIMIT:
                self._pending.popleft()
                self._dropped += 1
            self._pending.append(encode(message))
        self._wake_sender()

    def _wake_sender(self) -> None:
        loop = asyncio.get_running_loop()
        if self._sender is None or self._sender.done() or self._sender.get_loop() is not loop:
            self._queued = asyncio.Event()
            self._sender = loop.create_task(self._send_forever(self._queued), name="fabflow-event-sender")
        assert self._queued is not None
        self._queued.set()

    async def _send_forever(self, queued: asyncio.Event) -> None:
        """Until closed: send what is queued whenever a publish queues something."""
        while True:
            await queued.wait()
            queued.clear()
            await self._send_pending()
            if self._closing:
                return

    async def _send_pending(self) -> None:
        while self._pending:
            if self._dropped:
                logger.warning("event bus: %d live messages dropped, queued faster than sent", self._dropped)
                self._dropped = 0
            batch = [self._pending.popleft() for _ in range(min(SEND_BATCH, len(self._pending)))]
            await self._send(batch)

    async def _send(self, batch: list[str]) -> None:
        if self._publisher is None:
            self._publisher = self._client(publishing=True)
        try:
            if len(batch) == 1:
                sending = self._publisher.publish(self._channel, batch[0])
            else:
                pipe = self._publisher.pipeline(transaction=False)
                for data in batch:
                    pipe.publish(self._channel, data)
                sending = pipe.execute()
            await asyncio.wait_for(sending, PUBLISH_TIMEOUT)
        except Exception as exc:  # the bus is best effort; the database stays the truth
            if not self._publish_failing:
                logger.warning("event bus: cannot publish to Redis (%s); live messages are dropped", exc)
            self._publish_failing = True
            return
        if self._publish_failing:
            logger.info("event bus: publishing to Redis again")
        self._publish_failing = False

    async def start(self) -> None:
        if self._listener is None or self._listener.done():
            self._settled = asyncio.Event()
            self._listener = asyncio.create_task(self._listen(), name="fabflow-event-listener")
        assert self._settled is not None
        if not self._settled.is_set():  # the first try: wait for it, not for the end of an outage
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._settled.wait(), CONNECT_TIMEOUT + 1)

    async def _listen(self) -> None:
        failures = 0  # tries in a row that did not end subscribed
        while True:
            try:
                await self._listen_once(resumed=failures > 0)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self._connected:
                    failures = 0  # it was subscribed: a new outage begins
                if failures == 0:
                    logger.warning("event bus: lost Redis (%s); reconnecting", exc)
            self._connected = False
            failures += 1
            assert self._settled is not None
            self._settled.set()
            await asyncio.sleep(self._backoff.delay(failures))

    async def _listen_once(self, resumed: bool) -> None:
        """Subscribe, then deliver until the connection breaks (which raises)."""
        if self._subscriber is None:
            self._subscriber = self._client(publishing=False)
        pubsub = self._subscriber.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.subscribe(self._channel)
            self._connected = True
            assert self._settled is not None
            self._settled.set()
            if resumed:
                logger.info("event bus: Redis is back; subscribers re-read what they show")
                self.deliver_locally(BusResumed(at=datetime.now(UTC)))
            async for raw in pubsub.listen():
                if raw.get("type") == "message":
                    self._receive(raw["data"])
            raise ConnectionError("the Redis subscription ended")
        finally:
            with contextlib.suppress(Exception):
                await pubsub.aclose()

    def _receive(self, data: bytes) -> None:
        try:
            message = decode(data)
        except ValueError as exc:  # sent by a process of another version: not ours to guess
            logger.warning("event bus: ignored %s", exc)
            return
        self.deliver_locally(message)

    async def close(self) -> None:
        await self._close_sender()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        self._connected = False
        for client in (self._publisher, self._subscriber):
            if client is not None:
                with contextlib.suppress(Exception):
                    await client.aclose()
        self._publisher = self._subscriber = None

    async def _close_sender(self) -> None:
        """Let the sender send what is queued (as long as one send may take), then stop it."""
        sender, queued, self._sender = self._sender, self._queued, None
        if sender is not None and not sender.done() and sender.get_loop() is asyncio.get_running_loop():
            self._closing = True
            assert queued is not None
            queued.set()
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(sender, PUBLISH_TIMEOUT + 1)
            self._closing = False
        self._pending.clear()


_bus: EventBus | None = None


def get_bus() -> EventBus:
    """The process's bus: Redis when `REDIS_URL` is set, in-process otherwise."""
    global _bus
    if _bus is None:
        from server import settings

        _bus = RedisEventBus(settings.REDIS_URL) if settings.REDIS_URL else EventBus()
    return _bus


def set_bus(bus: EventBus) -> None:
    """Replace the process's bus (composition root and tests)."""
    global _bus
    _bus = bus
