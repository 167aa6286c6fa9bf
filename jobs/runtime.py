"""Starting the job system: the in-process worker of the embedded mode, and `fabflow worker`.

Both register a `BrokerDispatcher` (so services can send work) and run the sweep periodically. In
production several worker processes sweep; a short Redis lock lets one of them do it per interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

import dramatiq
from dramatiq.asyncio import get_event_loop_thread

from jobs import waiting_orders
from jobs.broker import WORKER_TIMEOUT_MS, declare, embedded_broker, max_delay_ms, worker_broker
from jobs.consumers import CONSUMERS
from jobs.dispatcher import BrokerDispatcher
from jobs.handlers.registry import install_handlers
from jobs.slicing import capabilities
from server import task_handlers
from server.dispatch import set_dispatcher
from server.outage import quiet_outage_logs
from server.services import (
    export_jobs,
    flow_runs,
    table_statistics,
    task_execution,
    webhook_replays,
    webhook_sending,
)
from web.export_tables import install_export_tables

logger = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 5.0
SWEEP_LOCK = "fabflow:sweep-lock"
SWEEP_TASK = "fabflow-sweep"  # the name of the embedded worker's periodic sweep, an asyncio task
# Every actor of the job system, by its name (which messages carry).
ACTORS = {**CONSUMERS, **waiting_orders.CONSUMERS}


@dataclass
class Jobs:
    broker: dramatiq.Broker
    worker: dramatiq.Worker
    actors: dict[str, dramatiq.Actor]
    dispatcher: BrokerDispatcher


def _start(broker: dramatiq.Broker, threads: int, background_sends: bool = False) -> Jobs:
    install_handlers()
    install_export_tables()
    actors = declare(broker, ACTORS)
    dispatcher = BrokerDispatcher(actors, max_delay_ms(broker), background=background_sends)
    set_dispatcher(dispatcher)
    worker = dramatiq.Worker(broker, worker_threads=threads, worker_timeout=WORKER_TIMEOUT_MS)
    worker.start()
    return Jobs(broker, worker, actors, dispatcher)


T = TypeVar("T")


async def sweep_once() -> task_execution.SweepReport | None:
    """One pass of every sweep. A part that fails is logged and the next one runs, except after the
    task sweep: when that fails (the database is away, most often), the pass ends there."""
    report = await _sweep_part("task sweep", task_execution.sweep)
    if report is None:
        return None
    if report.total:
        logger.info("sweep re-drove %s", report)
    webhooks = await _sweep_part("webhook sweep", _sweep_webhooks)
    if webhooks and (webhooks[0] or webhooks[1]):
        logger.info("sweep re-sent %d webhook deliveries, pruned %d", len(webhooks[0]), webhooks[1])
    flows = await _sweep_part("sweep of waiting orders", flow_runs.sweep_waiting_orders)
    if flows:
        logger.info("sweep handed over the waiting orders of %d flows again", flows)
    handled = await _sweep_part("handlers' sweep", task_handlers.sweep)
    if handled:
        logger.info("sweep: the handlers' hooks carried out %d pending calls", handled)
    exports = await _sweep_part("export sweep", export_jobs.sweep)
    if exports and (exports[0] or exports[1]):
        logger.info("sweep re-sent %d exports, pruned %d", *exports)
    analyzed = await _sweep_part("analysis of the engine's tables", table_statistics.analyze_stale_tables)
    if analyzed:
        logger.info("sweep analyzed %s (autovacuum is off)", ", ".join(analyzed))
    return report


async def _sweep_part(what: str, run: Callable[[], Awaitable[T]]) -> T | None:
    try:
        return await run()
    except Exception:
        logger.exception("the %s failed; it runs again at the next interval", what)
        return None


async def _sweep_webhooks() -> tuple[list[UUID], int]:
    swept = await webhook_sending.sweep()
    await webhook_replays.sweep()
    return swept


# --- embedded ----------------------------------------------------------------------------------------


@dataclass
class Embedded:
    jobs: Jobs
    sweeper: asyncio.Task[None]

    async def stop(self) -> None:
        self.sweeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.sweeper
        # Worker.stop joins threads that may wait on this loop: run it off the loop.
        await asyncio.to_thread(self.jobs.worker.stop)
        self.jobs.broker.close()
        set_dispatcher(None)


async def start_embedded(threads: int = 4) -> Embedded:
    """An in-process worker whose actors run on the calling (server) loop."""
    jobs = _start(embedded_broker(asyncio.get_running_loop()), threads)
    await capabilities.report()
    return Embedded(jobs, asyncio.create_task(_sweep_forever(), name=SWEEP_TASK))


async def _sweep_forever() -> None:
    while True:
        await asyncio.sleep(SWEEP_INTERVAL_S)
        await sweep_once()


def start_dispatcher(broker_url: str) -> Callable[[], Awaitable[None]]:
    """A web process in production: sends messages to the broker (Redis or RabbitMQ), runs none."""
    broker = worker_broker(broker_url)
    dispatcher = BrokerDispatcher(declare(broker, ACTORS), max_delay_ms(broker), background=True)
    set_dispatcher(dispatcher)

    async def stop() -> None:
        set_dispatcher(None)
        await asyncio.to_thread(dispatcher.close)
        broker.close()

    return stop


# --- worker processes --------------------------------------------------------------------------------


def run_worker(redis_url: str, broker_url: str, threads: int) -> int:
    """`fabflow worker`: take messages from the broker until SIGINT or SIGTERM; events go to Redis."""
    from server.events import RedisEventBus, set_bus

    set_bus(RedisEventBus(redis_url))
    quiet_outage_logs()
    jobs = _start(worker_broker(broker_url), threads, background_sends=True)
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    logger.info("worker started with %d threads", threads)
    thread = get_event_loop_thread()
    if thread is not None:
        thread.run_coroutine(capabilities.report())
    try:
        while not stopping.wait(SWEEP_INTERVAL_S):
            _sweep_with_lock(jobs.broker, redis_url)
    finally:
        jobs.worker.stop()
        set_dispatcher(None)
        jobs.dispatcher.close()
        jobs.broker.close()
    return 0


def _sweep_with_lock(broker: dramatiq.Broker, redis_url: str) -> None:
    import redis

    thread = get_event_loop_thread()
    if thread is None:
        return
    client = redis.Redis.from_url(redis_url)
    try:
        if client.set(SWEEP_LOCK, "1", nx=True, px=int(SWEEP_INTERVAL_S * 1000 * 0.8)):
            thread.run_coroutine(sweep_once())
    except Exception:
        logger.exception("could not sweep")
    finally:
        client.close()
