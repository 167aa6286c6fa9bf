"""Publish/subscribe of live changes (order status, flow runs).

Every process keeps one `EventBus`. In production it is backed by Redis
pub/sub: one Redis subscription per process, fanned out in memory to the local
subscribers (PERFORMANCE.md: one connection per process costs less than one
per client). In the embedded mode, delivery stays in the process.

Subscribers get a bounded queue: when a slow subscriber falls behind, its
oldest messages are dropped and it is told so (`lagged`), so memory never grows
without limit. Publishing is fire-and-forget: callers publish after their
transaction commits, and a lost message only delays a screen, never a run.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)

CHANNEL = "fabflow:events"
QUEUE_SIZE = 256

Message = dict[str, Any]
Predicate = Callable[[Message], bool]


@dataclass(eq=False)
class Subscription:
    """One subscriber: a bounded queue on the subscriber's own event loop."""

    accepts: Predicate
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[Message] = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))
    dropped: int = 0

    def offer(self, message: Message) -> None:
        """Called on the subscriber's loop."""
        if not self.accepts(message):
            return
        if self.queue.full():
            self.queue.get_nowait()
            self.dropped += 1
        self.queue.put_nowait(message)

    async def __aiter__(self) -> AsyncIterator[Message]:
        while True:
            yield await self.queue.get()


class EventBus:
    """Fan-out to local subscribers; subclasses decide where published messages travel."""

    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()
        self._lock = threading.Lock()

    async def publish(self, message: Message) -> None:
        self.deliver_locally(message)

    def deliver_locally(self, message: Message) -> None:
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


class RedisEventBus(EventBus):
    """Publishes to a Redis channel; one listener task per process delivers what arrives."""

    def __init__(self, redis_url: str, channel: str = CHANNEL) -> None:
        super().__init__()
        self._url = redis_url
        self._channel = channel
        self._client: Any = None
        self._listener: asyncio.Task[None] | None = None
        self._ready: asyncio.Event | None = None
        self._start_lock: asyncio.Lock | None = None

    def _redis(self) -> Any:
        if self._client is None:
            import redis.asyncio as aioredis

            self._client = aioredis.from_url(self._url)
        return self._client

    async def publish(self, message: Message) -> None:
        try:
            await self._redis().publish(self._channel, json.dumps(message, default=str))
        except Exception:  # the bus is best effort; the database stays the truth
            logger.exception("could not publish %s", message.get("type"))

    async def start(self) -> None:
        if self._listener is not None and not self._listener.done():
            return
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            if self._listener is not None and not self._listener.done():
                return
            self._ready = asyncio.Event()
            self._listener = asyncio.create_task(self._listen(), name="fabflow-event-listener")
            await asyncio.wait_for(self._ready.wait(), timeout=5)

    async def _listen(self) -> None:
        pubsub = self._redis().pubsub(ignore_subscribe_messages=True)
        await pubsub.subscribe(self._channel)
        assert self._ready is not None
        self._ready.set()
        try:
            async for raw in pubsub.listen():
                if raw.get("type") == "message":
                    self.deliver_locally(json.loads(raw["data"]))
        finally:
            with contextlib.suppress(Exception):
                await pubsub.aclose()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None


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
