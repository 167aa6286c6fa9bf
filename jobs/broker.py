"""Dramatiq set-up: the broker, its middleware and the actors bound to it.

Two modes (DESIGN.md §7):
- worker processes (`fabflow worker`): a Redis or RabbitMQ broker (`FABFLOW_BROKER_URL`, default
  `REDIS_URL`); actors' coroutines run on the event-loop thread of Dramatiq's AsyncIO middleware,
  and the ORM is opened on that thread before the first message;
- embedded (`fabflow serve` without `REDIS_URL`): a StubBroker and a Dramatiq
  Worker inside the web process; actors' coroutines run on the server's own event
  loop, so the ORM connections, the event bus and the requests share one loop.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import dramatiq
import uvloop
from dramatiq.asyncio import EventLoopThread, get_event_loop_thread, set_event_loop_thread
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AsyncIO, Middleware
from dramatiq.threading import Interrupt

from server import db

logger = logging.getLogger(__name__)
R = TypeVar("R")

QUEUE = "fabflow"
# A killed worker's messages come back after this long (PERFORMANCE.md: ~2 s instead of 60 s).
HEARTBEAT_TIMEOUT_MS = 5_000
# Idle workers poll this often; lower than Dramatiq's 1 s so a waiting flow moves on quickly.
WORKER_TIMEOUT_MS = 100
REDIS_SCHEMES = ("redis", "rediss")
RABBITMQ_SCHEMES = ("amqp", "amqps")
# RabbitMQ requeues a message a consumer holds unacknowledged past its `consumer_timeout` (30 min by
# default), and Dramatiq holds a delayed message until it is due. So on RabbitMQ a delay longer than
# this is not parked in the broker: the database keeps the due time and the sweep sends it then.
RABBITMQ_MAX_DELAY_MS = 10 * 60 * 1000


class _WorkerLoopThread(EventLoopThread):
    """Dramatiq's event-loop thread on a uvloop loop, with a leaner hand-off of each message.

    Every step of a task is a few database round trips and a broker send on this one thread, and
    uvloop's transports (in C) cost less per round trip than asyncio's. Dramatiq's own `run_coroutine`
    wraps each coroutine twice and signals its end through two `threading.Condition`s, pure Python run
    on this thread for every message; here the coroutine is a task whose end releases a lock (C). An
    `Interrupt` (the time limit, a shutdown) still cancels the task and waits for its clean-up.
    """

    def __init__(self, logger: logging.Logger, interrupt_check_ival: float = 0.1) -> None:
        threading.Thread.__init__(self)
        self.interrupt_check_ival = interrupt_check_ival
        self.logger = logger
        self.loop = uvloop.new_event_loop()

    def run_coroutine(self, coro: Awaitable[R]) -> R:
        if not self.loop.is_running():
            raise RuntimeError("Event loop is not running.")
        ended = threading.Lock()
        ended.acquire()
        started: list[asyncio.Task[R]] = []

        def start() -> None:
            task: asyncio.Task[R] = self.loop.create_task(coro)  # type: ignore[arg-type]
            task.add_done_callback(lambda _: ended.release())
            started.append(task)

        self.loop.call_soon_threadsafe(start)
        try:
            while not ended.acquire(timeout=self.interrupt_check_ival):
                pass
        except Interrupt as interrupt:
            self.loop.call_soon_threadsafe(lambda: started[0].cancel())  # after `start`: same queue
            if started and started[0].done():  # it ended (its lock may be taken already): nothing to wait for
                raise
            if not ended.acquire(timeout=1.0):
                raise RuntimeError("Timed out while waiting for coroutine.") from interrupt
            raise
        return started.pop().result()


class WorkerLoop(AsyncIO):
    """The AsyncIO middleware, on `_WorkerLoopThread`."""

    def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        thread = _WorkerLoopThread(self.logger)
        thread.start(timeout=1.0)
        set_event_loop_thread(thread)


class OpenDatabase(Middleware):
    """Opens the ORM on the AsyncIO middleware's loop before the worker takes messages."""

    def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        thread = get_event_loop_thread()
        assert thread is not None, "add the AsyncIO middleware before OpenDatabase"
        thread.run_coroutine(db.init())

    def before_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        thread = get_event_loop_thread()
        if thread is not None and thread.loop.is_running():
            thread.run_coroutine(db.close())


class _BorrowedLoop(EventLoopThread):
    """An `EventLoopThread` that runs coroutines on a loop someone else runs (the server's)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.interrupt_check_ival = 0.1
        self.logger = logger
        self.loop = loop

    def stop(self) -> None:  # the server owns the loop
        pass


class ServerLoop(Middleware):
    """Embedded mode: actors run their coroutines on the web server's loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        set_event_loop_thread(_BorrowedLoop(self.loop))

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        set_event_loop_thread(None)


def worker_broker(url: str) -> dramatiq.Broker:
    """The production broker that `url` names: Redis (`redis://`, `rediss://`) or RabbitMQ (`amqp://`,
    `amqps://`), with the same middleware on both."""
    scheme = urlsplit(url).scheme
    if scheme in RABBITMQ_SCHEMES:
        broker: dramatiq.Broker = rabbitmq_broker(url)
    elif scheme in REDIS_SCHEMES:
        broker = redis_broker(url)
    else:
        raise ValueError(f"FABFLOW_BROKER_URL: no broker for {scheme or 'no scheme'}:// (use redis or amqp)")
    for middleware in worker_middleware():
        broker.add_middleware(middleware)
    return broker


def max_delay_ms(broker: dramatiq.Broker) -> int | None:
    """The longest delay a message may wait in `broker`; None: any."""
    return RABBITMQ_MAX_DELAY_MS if isinstance(broker, RabbitmqBroker) else None


def worker_middleware() -> list[Middleware]:
    """What worker processes add to Dramatiq's defaults (age and time limits, shutdown notices,
    callbacks, pipelines, retries), whichever broker carries the messages."""
    return [WorkerLoop(), OpenDatabase()]


def redis_broker(redis_url: str) -> RedisBroker:
    return RedisBroker(
        url=redis_url,
        namespace="fabflow",
        heartbeat_timeout=HEARTBEAT_TIMEOUT_MS,
        maintenance_chance=100_000,  # per million commands: requeue dead workers' messages promptly
    )


def rabbitmq_broker(amqp_url: str) -> RabbitmqBroker:
    """RabbitMQ hands a dead worker's unacknowledged messages back as soon as its connection drops.

    With confirmed delivery a send returns once RabbitMQ has the message, as with Redis; a send that
    fails is re-driven by the sweep.
    """
    return RabbitmqBroker(url=amqp_url, confirm_delivery=True)


def embedded_broker(loop: asyncio.AbstractEventLoop) -> dramatiq.Broker:
    broker = StubBroker()
    broker.add_middleware(ServerLoop(loop))
    return broker


ActorFn = Callable[..., Any]


def declare(
    broker: dramatiq.Broker, actors: dict[str, tuple[ActorFn, dict[str, Any]]]
) -> dict[str, dramatiq.Actor]:
    """Bind each (function, options) to `broker` under its name, on the Fabflow queue."""
    broker.declare_queue(QUEUE)
    return {
        name: dramatiq.Actor(
            fn, broker=broker, actor_name=name, queue_name=QUEUE, priority=0, options=options
        )
        for name, (fn, options) in actors.items()
    }
