"""Flow engine throughput and live-status latency, each beside its bare baseline.

    .venv/bin/python bench/flow_engine.py [--orders 1000] [--threads 8] [--samples 200]
        [--broker-url amqp://guest:guest@127.0.0.1:5672]

Makes a scratch database on the PostgreSQL server at `FABFLOW_BENCH_DATABASE_URL` (default
postgres://postgres@127.0.0.1:5432/postgres) and uses the Redis database `FABFLOW_BENCH_REDIS_URL`
(default redis://127.0.0.1:6379/14), flushed before and after, for the live events and, unless
`--broker-url` names RabbitMQ (an amqp URL without a virtual host gets a scratch one), the tasks too.
The CPU of RabbitMQ (`beam.smp`) is counted beside PostgreSQL's and Redis's. Everything runs on
this machine, on the same PostgreSQL and Redis, with 2 worker processes of `--threads` threads each:

  (a) `--orders` orders through a flow of three no-op tasks chained on success, worked by
      `fabflow worker` processes (first 1, then 2). This process starts the flows first, 4 at a
      time, holding back their first messages, then sends those at once: timed from that first
      send until the database holds the last run's end (the event bus is best effort and may
      drop a message under load), so the figure is the workers' and not the starting of flows
      (shown apart). The no-op task is `wait` with a duration of 0: it succeeds in the step that
      runs it, one message per task;
  (b) 3 × `--orders` bare Dramatiq messages to a no-op actor on a broker made by the workers'
      own factory (`jobs.broker.worker_broker`, with its middleware), worked by 2 processes of the
      same threads; timed from the first send until the workers' own tallies (kept in Redis) count
      every message as processed, since RabbitMQ's queue counts leave out the messages its
      consumers have prefetched. (b') is the same with an
      `async def` no-op on the AsyncIO middleware, the way Fabflow's consumers run;
  (e) the same durable step written with bare asyncpg and Dramatiq in this file, on tables of
      its own in the same database: claim the task (one `UPDATE … RETURNING` that also writes
      its "started" entry), lock the run and its tasks, write the task's end, the next task,
      the run and two history entries in one statement, commit, send the next message (off the
      event loop), publish one event. 2 processes, `--orders` × 3 steps, timed like (a).
      Printed: tasks/s, the time per task of (a) over the time per message of (b) and over the
      time per step of (e), the CPU each kind of process spent, and for one (a) order driven in
      this process without a broker: the statements PostgreSQL received for each message (read
      with asyncpg's query logger on every connection of the pool, since pg_stat_statements is
      not loaded on this server), data statements apart from BEGIN/COMMIT and the pool's
      connection resets, and the Python CPU per task.

  (c) Live status: `orderStatusChanged` over graphql-transport-ws from `fabflow serve` in
      production mode, authenticated with a secret key, for `--samples` single-task orders whose
      SUCCESS a worker commits. Latency = receipt by the websocket client − the message's `at`
      (same clock). `at` is stamped after the worker's transaction commits, just before the
      publish, so (c) is commit → receipt; the part from `at` to the publish is measured on the
      orders driven in this process (it should be close to nothing).
      (c') the server alone: a status message published on Redis by this process → websocket.
  (d) the floor: a bare Redis PUBLISH → SUBSCRIBE round trip of the same message.
      Printed: p50 and p99 of each, messages paced `--interval-ms` apart (default 50 ms: the
      workers stay far from saturation, so (c) is latency, not queueing behind other tasks).

The load average and the whole machine's CPU are printed too: figures taken while other work
shares the CPUs are not comparable with figures taken on an idle machine. The figures go as one JSON
line (with the commit and the load average) to `bench/results/flow_engine.jsonl`. The database is
dropped at the end; child processes are stopped even on error. `--no-live` skips (c), (c') and (d).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import ExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    import dramatiq

    from server.events import EventBus
    from server.models import Space

POSTGRES_URL = os.environ.get("FABFLOW_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("FABFLOW_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# The task broker (`--broker-url`; Redis by default); the bench's own worker processes read it here.
BROKER_ENV = "FABFLOW_BROKER_URL"
TALLY_KEY = "fabflow-bench:tally"  # the bare workers' counts of processed messages, one field per process
TALLY_EVERY_S = 0.02
SENDERS = 8  # threads sending the bare messages of (b)
FABFLOW = str(Path(sys.executable).parent / "fabflow")
WORKERS = 2
SPACE_KEY = "bench"
TASKS_PER_ORDER = 3
NO_OP_MS = 0  # `wait` 0 succeeds at once: one message per task
START_CONCURRENCY = 4  # flows this process starts at once (the ORM's pool holds 5 connections)
COST_ORDERS = 50  # orders driven in this process to measure the Python CPU of a task
HOLD_BATCH = 100  # flows started between two markings of their first messages as held back
BARE_QUEUE = "fabflow-bench-noop"
DURABLE_QUEUE = "fabflow-bench-durable"
DURABLE_CHANNEL = "fabflow-bench:durable"
RESULTS = ROOT / "bench" / "results" / "flow_engine.jsonl"
PROBE_CHANNEL = "fabflow-bench:probe"
STOP_WAIT_S = 20
Json = dict[str, Any]


# ---------------------------------------------------------------- flows


def wait_task(key: str, duration_ms: int, then: str | None = None) -> Json:
    follow = [{"taskDefinitionKey": then, "trigger": "success"}] if then else []
    return {"key": key, "handlerKey": "wait", "payload": {"duration": duration_ms}, "next": follow}


def one_stage(tasks: list[Json]) -> Json:
    initial = [tasks[0]["key"]]
    return {"stages": [{"key": "main", "taskDefinitions": tasks, "initialTaskDefinitionKeys": initial}]}


NO_OPS = one_stage(
    [
        wait_task("first", NO_OP_MS, "second"),
        wait_task("second", NO_OP_MS, "third"),
        wait_task("third", NO_OP_MS),
    ]
)


@dataclass(frozen=True)
class Setup:
    space: Space
    secret: str  # an ffk_ key of the space
    no_ops: str  # flow keys
    single: str


async def prepare(latency_wait_ms: int) -> Setup:
    from jobs.handlers.registry import install_handlers
    from server.domain.actors import SYSTEM
    from server.services.auth import create_api_key, create_space
    from server.services.flows import create_flow

    install_handlers()  # this script is its own composition root: flows name the built-in handlers
    space = await create_space(SYSTEM, SPACE_KEY, "Bench")
    key = await create_api_key(SYSTEM, SPACE_KEY, "bench")
    no_ops = await create_flow(SYSTEM, SPACE_KEY, "Three no-ops", json.dumps(NO_OPS))
    single = one_stage([wait_task("pause", latency_wait_ms)])
    latency = await create_flow(SYSTEM, SPACE_KEY, "One pause", json.dumps(single))
    return Setup(space, key.secret, no_ops.flow.key, latency.flow.key)


async def insert_orders(space: Space, prefix: str, count: int, flow_key: str) -> list[UUID]:
    """CREATED orders naming `flow_key`, inserted in bulk: no flow started yet."""
    from server.models import Order

    rows = [
        Order(space_id=space.id, name=f"{prefix}-{index}", flow_key=flow_key, intake_hash="0" * 64)
        for index in range(count)
    ]
    await Order.bulk_create(rows, batch_size=500)
    return [row.id for row in rows]


async def start_flows(order_ids: list[UUID]) -> None:
    from server.services.flow_runs import start_for_new_order

    gate = asyncio.Semaphore(START_CONCURRENCY)

    async def start(order_id: UUID) -> None:
        async with gate:
            if await start_for_new_order(order_id) is None:
                raise RuntimeError(f"the flow of order {order_id} did not start")

    await asyncio.gather(*(start(order_id) for order_id in order_ids))


async def count_succeeded(order_ids: list[UUID]) -> int:
    from server.domain.statuses import OrderStatus
    from server.models import Order

    return await Order.filter(id__in=order_ids, status=OrderStatus.SUCCESS).count()


# ---------------------------------------------------------------- child processes


def child_env(database_url: str, var_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        BROKER_ENV: broker_url(),
        "FABFLOW_ENV": "production",
        "FABFLOW_SECRET_KEY": secrets.token_urlsafe(32),
        "FABFLOW_VAR_DIR": str(var_dir),
    }


@dataclass
class Children:
    """Started processes, each writing to `<log_dir>/<name>.log`."""

    log_dir: Path
    running: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def pids(self) -> list[int]:
        return [process.pid for process in self.running.values()]

    def check(self) -> None:
        for name, process in self.running.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}")

    def tails(self, lines: int = 15) -> str:
        parts = []
        for name in self.running:
            text = (self.log_dir / f"{name}.log").read_text(errors="replace").splitlines()
            parts.append(f"--- {name} (last {lines} lines)\n" + "\n".join(text[-lines:]))
        return "\n".join(parts)


@contextmanager
def children(commands: dict[str, list[str]], env: dict[str, str], log_dir: Path) -> Iterator[Children]:
    """Start `commands`; on leaving, SIGTERM them (SIGKILL after a while); on error, show their logs."""
    started = Children(log_dir)
    try:
        for name, command in commands.items():
            with open(log_dir / f"{name}.log", "wb") as log:
                started.running[name] = subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
                )
        yield started
    except BaseException:
        print(started.tails(), file=sys.stderr)
        raise
    finally:
        stop(list(started.running.values()))


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def until(check: Callable[[], Awaitable[bool]], what: str, timeout: float, watch: Children) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        watch.check()
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not after {timeout:.0f} s")
        await asyncio.sleep(0.05)


def forget_workers() -> None:
    """Drop the heartbeats of worker processes stopped before, so `until_polling` counts new ones."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.delete("fabflow:__heartbeats__")
    finally:
        client.close()


async def until_polling(queue: str, watch: Children) -> None:
    """Until every worker process consumes `queue`: its heartbeat is in Redis (the Redis broker), or
    RabbitMQ counts its consumer."""
    if is_rabbitmq():
        await until_consuming(queue, watch)
        return
    import redis.asyncio as aioredis

    client = aioredis.from_url(REDIS_URL)

    async def polling() -> bool:
        return int(await client.zcard("fabflow:__heartbeats__")) >= len(watch.running)

    try:
        await until(polling, f"{len(watch.running)} workers polling {queue}", 60, watch)
    finally:
        await client.aclose()


async def until_consuming(queue: str, watch: Children) -> None:
    import pika

    def consumers() -> int:
        connection = pika.BlockingConnection(pika.URLParameters(broker_url()))
        try:
            declared = connection.channel().queue_declare(queue=queue, passive=True)
            return int(declared.method.consumer_count)
        except pika.exceptions.ChannelClosedByBroker:
            return 0  # not declared yet
        finally:
            if connection.is_open:
                connection.close()

    async def consuming() -> bool:
        return await asyncio.to_thread(consumers) >= len(watch.running)

    await until(consuming, f"{len(watch.running)} workers consuming {queue}", 60, watch)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def until_serving(url: str, watch: Children) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=url, timeout=2) as client:

        async def healthy() -> bool:
            try:
                return (await client.get("/readyz")).status_code == 200
            except httpx.HTTPError:
                return False

        await until(healthy, f"the server at {url}", 60, watch)


# ---------------------------------------------------------------- CPU accounting (Linux /proc)

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process so far; 0 when it is gone."""
    try:
        after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(after_name[11]) + int(after_name[12])) / CLOCK_TICKS


def pids_named(command: str) -> list[int]:
    found = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() == command:
                found.append(int(comm.parent.name))
        except OSError:
            continue
    return found


def machine_busy() -> float:
    """CPU seconds every process of the machine has spent, from /proc/stat (all but idle and iowait)."""
    ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / CLOCK_TICKS


async def backends() -> list[int]:
    """The PostgreSQL processes serving this benchmark's database (every process's pool)."""
    from tortoise import connections

    rows = await connections.get("default").execute_query_dict(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
    )
    return [int(row["pid"]) for row in rows]


@dataclass
class CpuClock:
    """CPU seconds spent by kinds of processes, and by the whole machine, between `start` and `read`.

    A process counts from its first sighting (or its start); one that exits meanwhile is left out.
    """

    workers: Children
    _before: dict[str, dict[int, float]] = field(default_factory=dict)
    _machine: float = 0.0

    async def _snapshot(self) -> dict[str, dict[int, float]]:
        groups = {
            "workers": self.workers.pids,
            "this process": [os.getpid()],
            "postgres (this database)": await backends(),
            "redis (shared)": pids_named("redis-server"),
            "rabbitmq (shared)": pids_named("beam.smp"),
        }
        return {name: {pid: cpu_seconds(pid) for pid in pids} for name, pids in groups.items()}

    async def start(self) -> None:
        self._before = await self._snapshot()
        self._machine = machine_busy()

    async def read(self) -> dict[str, float]:
        spent = {
            name: sum(seconds - self._before[name].get(pid, 0.0) for pid, seconds in now.items() if seconds)
            for name, now in (await self._snapshot()).items()
        }
        spent["whole machine"] = machine_busy() - self._machine
        return spent


# ---------------------------------------------------------------- (a) flows on `fabflow worker`


@dataclass(frozen=True)
class Throughput:
    units: int  # tasks or messages
    seconds: float
    cpu: dict[str, float]  # CPU seconds per kind of process while it ran
    started_in: float = 0.0  # (a): seconds until every flow was started

    @property
    def rate(self) -> float:
        return self.units / self.seconds

    @property
    def ms_per_unit(self) -> float:
        return self.seconds / self.units * 1e3


class HeldSends:
    """A dispatcher that keeps the first messages of the flows this process starts, to send them at once."""

    def __init__(self) -> None:
        self.task_run_ids: list[UUID] = []

    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        self.task_run_ids += task_run_ids

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        pass

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        pass

    def deliver_webhook(self, delivery_id: UUID, delay_ms: int) -> None:
        pass


async def last_ended(order_ids: list[UUID]) -> datetime:
    from server.models import FlowRun

    ended = await FlowRun.filter(order_id__in=order_ids).order_by("-ended_at").first()
    assert ended is not None and ended.ended_at is not None
    return ended.ended_at


async def held_back(task_run_ids: list[UUID]) -> None:
    """Mark held first messages as never sent: the workers' sweep leaves them alone meanwhile
    (starting 1,000 flows can take longer than its idle horizon on a loaded machine)."""
    from server.models import TaskRun

    await TaskRun.filter(id__in=task_run_ids).update(dispatched_at=None)


async def sent_now(task_run_ids: list[UUID]) -> None:
    from server.models import TaskRun
    from server.services.effects import now

    await TaskRun.filter(id__in=task_run_ids).update(dispatched_at=now())


async def run_flows(setup: Setup, prefix: str, orders: int, workers: Children) -> Throughput:
    """The flows are started first (their first messages held back), then timed from the first send:
    the time is the workers', not this process's starting of flows."""
    from server.dispatch import dispatcher, set_dispatcher

    order_ids = await insert_orders(setup.space, prefix, orders, setup.no_ops)
    sending, held = dispatcher(), HeldSends()
    set_dispatcher(held)  # type: ignore[arg-type]
    try:
        starting = time.perf_counter()
        for first in range(0, orders, HOLD_BATCH):
            await start_flows(order_ids[first : first + HOLD_BATCH])
            await held_back(held.task_run_ids[first:])
        started_in = time.perf_counter() - starting
    finally:
        set_dispatcher(sending)
    clock = CpuClock(workers)
    await clock.start()
    started = time.time()
    await sent_now(held.task_run_ids)  # as the dispatcher does, so the sweep sees when they went
    sending.run_tasks(held.task_run_ids)  # in order, on the dispatcher's sending thread

    async def all_succeeded() -> bool:
        await asyncio.sleep(0.2)
        return await count_succeeded(order_ids) == orders

    # The database, not the (best-effort) event bus, says when the last run ended.
    await until(all_succeeded, f"SUCCESS of {orders} orders", 60 + orders * 0.5, workers)
    cpu = await clock.read()
    seconds = (await last_ended(order_ids)).timestamp() - started
    succeeded = await count_succeeded(order_ids)
    if succeeded != orders:
        raise RuntimeError(f"{succeeded} of {orders} orders are SUCCESS in the database")
    return Throughput(orders * TASKS_PER_ORDER, seconds, cpu, started_in)


# ---------------------------------------------------------------- (a) one order in this process


class Recorder:
    """A dispatcher that queues the messages instead of sending them, to drive tasks in this process."""

    def __init__(self) -> None:
        from jobs import consumers

        self.consumers = consumers
        self.queue: deque[tuple[Callable[[str], Awaitable[None]], UUID, int]] = deque()

    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        self.queue.extend((self.consumers.run_task, task_run_id, 0) for task_run_id in task_run_ids)

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        pass  # the no-op flow sets no timeouts

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        self.queue.append((self.consumers.resume_task, task_run_id, delay_ms))

    async def drive(self, log: PgStatements | None = None) -> list[tuple[str, int]]:
        """Deliver every queued message, and those they cause; each consumer with its statements."""
        delivered = []
        while self.queue:
            actor, task_run_id, delay_ms = self.queue.popleft()
            if delay_ms:
                await asyncio.sleep(delay_ms / 1000)
            before = log.count if log else 0
            await actor(str(task_run_id))
            delivered.append((getattr(actor, "__name__", "?"), (log.count - before) if log else 0))
        return delivered


class PgStatements:
    """Every statement PostgreSQL receives on the ORM pool's connections (asyncpg's query logger).

    Prepared asyncpg statements bypass Tortoise's log, so they are counted where they are sent:
    data statements (`count`), BEGIN/COMMIT/ROLLBACK, and the pool's reset on each release.
    """

    def __init__(self) -> None:
        self.count = 0
        self.transactions = 0
        self.resets = 0

    def __call__(self, record: Any) -> None:
        text = record.query.lstrip().upper()
        if text.startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            self.transactions += 1
        elif "PG_ADVISORY_UNLOCK_ALL" in text:
            self.resets += 1
        else:
            self.count += 1

    @contextmanager
    def attached(self) -> Iterator[PgStatements]:
        from tortoise import connections

        pool = connections.get("default")._pool  # type: ignore[attr-defined]
        opened = [holder._con for holder in pool._holders if holder._con is not None]
        for connection in opened:
            connection.add_query_logger(self)
        try:
            yield self
        finally:
            for connection in opened:
                connection.remove_query_logger(self)
        now_open = [holder._con for holder in pool._holders if holder._con is not None]
        if any(connection not in opened for connection in now_open):
            raise RuntimeError(
                "the pool opened a connection while statements were counted: the count is short"
            )


@dataclass(frozen=True)
class TaskCosts:
    start_statements: int  # starting one flow (this process, not a worker)
    messages: list[tuple[str, int]]  # each message of one order, with its data statements
    transactions: int  # BEGIN/COMMIT of those messages
    resets: int  # the pool's connection resets of those messages
    cpu_ms_per_task: float  # Python CPU in this process per task, without a broker
    decision_to_publish_ms: list[float]  # `at` → publish of each order's SUCCESS, in this process

    @property
    def statements_per_task(self) -> float:
        return sum(count for _, count in self.messages) / TASKS_PER_ORDER

    @property
    def transactions_per_task(self) -> float:
        return self.transactions / TASKS_PER_ORDER

    @property
    def resets_per_task(self) -> float:
        return self.resets / TASKS_PER_ORDER


def seconds_since(at: str) -> float:
    return time.time() - datetime.fromisoformat(at).timestamp()


def stamping_bus(inner: EventBus) -> tuple[EventBus, list[float]]:
    """A bus that publishes through `inner` and notes how long after its `at` each SUCCESS goes out."""
    from server.events import EventBus
    from server.live_messages import OrderMessage, OrderStatusChanged

    tails: list[float] = []

    class Stamping(EventBus):
        async def publish(self, message: OrderMessage) -> None:
            if isinstance(message, OrderStatusChanged) and message.status == "SUCCESS":
                tails.append(seconds_since(message.at.isoformat()) * 1e3)
            await inner.publish(message)

    return Stamping(), tails


async def task_costs(setup: Setup) -> TaskCosts:
    from server.dispatch import dispatcher, set_dispatcher
    from server.events import get_bus, set_bus

    recorder, sending, bus = Recorder(), dispatcher(), get_bus()
    stamping, tails = stamping_bus(bus)
    set_dispatcher(recorder)
    set_bus(stamping)
    try:
        counted = await insert_orders(setup.space, "COUNTED", 1, setup.no_ops)
        with PgStatements().attached() as log:
            await start_flows(counted)
            start_statements = log.count
            transactions, resets = log.transactions, log.resets
            messages = await recorder.drive(log)
            transactions, resets = log.transactions - transactions, log.resets - resets
        timed = await insert_orders(setup.space, "TIMED", COST_ORDERS, setup.no_ops)
        await start_flows(timed)
        tails.clear()
        cpu = time.process_time()
        await recorder.drive()
        cpu = time.process_time() - cpu
    finally:
        set_dispatcher(sending)
        set_bus(bus)
    if await count_succeeded(counted + timed) != COST_ORDERS + 1:
        raise RuntimeError("an order driven in this process did not succeed")
    cpu_ms = cpu / (COST_ORDERS * TASKS_PER_ORDER) * 1e3
    return TaskCosts(start_statements, messages, transactions, resets, cpu_ms, tails)


# ---------------------------------------------------------------- (b) bare Dramatiq


def noop() -> None:
    pass


async def async_noop() -> None:
    pass


def broker_url() -> str:
    return os.environ.get(BROKER_ENV) or REDIS_URL


def is_rabbitmq() -> bool:
    return broker_url().startswith("amqp")


def job_broker() -> dramatiq.Broker:
    """A broker from the factory the `fabflow worker` processes use (`jobs.broker.worker_broker`),
    with its settings and middleware (the AsyncIO loop that `async def` actors need)."""
    from jobs.broker import worker_broker

    return worker_broker(broker_url())


class Tally:
    """A bare worker's count of processed messages, written to Redis every `TALLY_EVERY_S` with the
    time of the last one: what the workers did, whichever broker carried it (RabbitMQ's queue
    counts leave out the messages prefetched by consumers)."""

    def __init__(self) -> None:
        self.count = 0
        self.last = 0.0
        self._lock = threading.Lock()

    def done(self) -> None:
        with self._lock:
            self.count += 1
            self.last = time.time()

    def report_forever(self) -> None:
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        reported = -1
        while True:
            with self._lock:
                count, last = self.count, self.last
            if count != reported:
                client.hset(TALLY_KEY, str(os.getpid()), f"{count} {last}")
                reported = count
            time.sleep(TALLY_EVERY_S)


def tally_middleware(tally: Tally) -> Any:
    from dramatiq.middleware import Middleware

    class Tallying(Middleware):
        def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
            threading.Thread(target=tally.report_forever, name="bench-tally", daemon=True).start()

        def after_process_message(
            self, broker: dramatiq.Broker, message: Any, *, result: Any = None, exception: Any = None
        ) -> None:
            tally.done()

    return Tallying()


async def tallied() -> tuple[int, float]:
    """The bare workers' messages processed so far, and when the last one finished."""
    import redis.asyncio as aioredis

    client = aioredis.from_url(REDIS_URL)
    try:
        fields = await client.hvals(TALLY_KEY)
    finally:
        await client.aclose()
    pairs = [value.decode().split() for value in fields]
    return sum(int(count) for count, _ in pairs), max((float(last) for _, last in pairs), default=0.0)


def bare_broker(tally: Tally | None = None) -> dramatiq.Broker:
    """The job broker with two no-op consumers on a queue of their own (a worker's counting them)."""
    import dramatiq

    broker = job_broker()
    if tally is not None:
        broker.add_middleware(tally_middleware(tally))
    broker.declare_queue(BARE_QUEUE)
    for fn in (noop, async_noop):
        dramatiq.Actor(
            fn, broker=broker, actor_name=fn.__name__, queue_name=BARE_QUEUE, priority=0, options={}
        )
    return broker


def serve_until_stopped(broker: dramatiq.Broker, threads: int) -> int:
    """A worker process of (b) or (e): takes messages until SIGTERM."""
    import dramatiq

    from jobs.broker import WORKER_TIMEOUT_MS

    worker = dramatiq.Worker(broker, worker_threads=threads, worker_timeout=WORKER_TIMEOUT_MS)
    worker.start()
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    stopping.wait()
    worker.stop()
    broker.close()
    return 0


def send_in_parallel(actor: dramatiq.Actor, count: int) -> None:
    """`count` messages from `SENDERS` threads: a confirmed send to RabbitMQ waits for its confirm,
    so one sending thread would time this process, not the workers."""
    from concurrent.futures import ThreadPoolExecutor

    def send(share: int) -> None:
        for _ in range(share):
            actor.send()

    shares = [count // SENDERS + (index < count % SENDERS) for index in range(SENDERS)]
    with ThreadPoolExecutor(SENDERS) as pool:
        list(pool.map(send, shares))


async def run_bare(broker: dramatiq.Broker, actor_name: str, count: int, workers: Children) -> Throughput:
    """Timed from the first send until the workers' tallies count every message as processed."""
    actor = broker.get_actor(actor_name)
    before, _ = await tallied()
    clock = CpuClock(workers)
    await clock.start()
    started = time.time()
    await asyncio.to_thread(send_in_parallel, actor, count)

    async def all_processed() -> bool:
        await asyncio.sleep(0.01)
        return (await tallied())[0] >= before + count

    await until(all_processed, f"{count} bare messages processed", 30 + count * 0.05, workers)
    cpu = await clock.read()
    _, last = await tallied()
    workers.check()
    return Throughput(count, last - started, cpu)


# ---------------------------------------------------------------- (e) the durable step in bare asyncpg

DURABLE_SCHEMA = """
CREATE TABLE e_run (id uuid PRIMARY KEY, name text NOT NULL, status text NOT NULL,
    tasks_started int NOT NULL, updated_at timestamptz NOT NULL);
CREATE TABLE e_task (id uuid PRIMARY KEY, run_id uuid NOT NULL REFERENCES e_run (id), ordinal int NOT NULL,
    state text NOT NULL, attempts int NOT NULL DEFAULT 0, lease_until timestamptz, claimed_at timestamptz,
    dispatched_at timestamptz, created_at timestamptz NOT NULL, ended_at timestamptz,
    UNIQUE (run_id, ordinal));
CREATE TABLE e_event (id uuid PRIMARY KEY, run_id uuid NOT NULL, kind text NOT NULL, data jsonb NOT NULL,
    created_at timestamptz NOT NULL);
CREATE INDEX ON e_event (run_id, created_at);
"""
E_START = """
WITH r AS (INSERT INTO e_run VALUES ($1, $2, 'RUNNING', 1, $4)),
t AS (INSERT INTO e_task (id, run_id, ordinal, state, dispatched_at, created_at)
    VALUES ($3, $1, 0, 'READY', $4, $4))
INSERT INTO e_event VALUES ($5, $1, 'flow.started', '{}', $4)
"""
E_CLAIM = """
WITH c AS (
    UPDATE e_task SET state = 'RUNNING', attempts = attempts + 1, lease_until = $2, claimed_at = $3
    WHERE id = $1 AND state = 'READY' RETURNING id, run_id, ordinal, attempts
), s AS (
    INSERT INTO e_event SELECT $4, c.run_id, 'task.started',
        jsonb_build_object('taskRunId', c.id::text, 'attempt', c.attempts), $3 FROM c
)
SELECT c.run_id, c.ordinal FROM c
"""
E_LOCK = """
WITH r AS MATERIALIZED (SELECT id, name, status, tasks_started FROM e_run WHERE id = $1 FOR UPDATE)
SELECT r.name, r.tasks_started, t.id, t.ordinal, t.state
FROM r JOIN (SELECT * FROM e_task WHERE run_id = (SELECT id FROM r) ORDER BY ordinal FOR UPDATE) t ON TRUE
"""
E_WRITE = """
WITH d AS (UPDATE e_task SET state = 'SUCCEEDED', ended_at = $2, lease_until = NULL WHERE id = $1),
n AS (INSERT INTO e_task (id, run_id, ordinal, state, dispatched_at, created_at)
    SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::timestamptz[],
        $7::timestamptz[])),
r AS (UPDATE e_run SET status = $8, tasks_started = $9, updated_at = $2 WHERE id = $10)
INSERT INTO e_event
    SELECT * FROM unnest($11::uuid[], $12::uuid[], $13::text[], $14::jsonb[], $15::timestamptz[])
"""
_DURABLE: dict[str, Any] = {}


async def durable_open(database_url: str) -> None:
    import asyncpg
    import redis.asyncio as aioredis

    from jobs.dispatcher import BrokerDispatcher

    _DURABLE["pool"] = await asyncpg.create_pool(_dsn(database_url), min_size=1, max_size=5)
    _DURABLE["redis"] = aioredis.from_url(REDIS_URL)
    broker = _DURABLE["broker"]
    _DURABLE["sends"] = BrokerDispatcher({"run_task": broker.get_actor("durable_step")}, background=True)


async def durable_step(task_id: str) -> None:
    """Claim, (no-op handler), lock, write, commit, send the next message, publish: one task."""
    pool = _DURABLE["pool"]
    moment = datetime.now(UTC)
    claimed = await pool.fetchrow(E_CLAIM, UUID(task_id), moment + LEASE_E, moment, uuid.uuid4())
    if claimed is None:
        return  # a duplicate
    run_id, ordinal = claimed["run_id"], claimed["ordinal"]
    moment = datetime.now(UTC)
    last = ordinal + 1 >= TASKS_PER_ORDER
    next_ids = [] if last else [uuid.uuid5(uuid.NAMESPACE_URL, f"{run_id}/{ordinal + 1}")]
    async with pool.acquire() as connection, connection.transaction():
        rows = await connection.fetch(E_LOCK, run_id)
        events = [("task.succeeded", {"taskRunId": task_id})]
        events += [("task.ready", {"taskRunId": str(next_id)}) for next_id in next_ids]
        if last:
            events.append(("flow.succeeded", {}))
        await connection.execute(
            E_WRITE,
            UUID(task_id),
            moment,
            next_ids,
            [run_id] * len(next_ids),
            [ordinal + 1] * len(next_ids),
            ["READY"] * len(next_ids),
            [moment] * len(next_ids),
            "SUCCESS" if last else "RUNNING",
            rows[0]["tasks_started"] + len(next_ids),
            run_id,
            [uuid.uuid4() for _ in events],
            [run_id] * len(events),
            [kind for kind, _ in events],
            [json.dumps(data) for _, data in events],
            [moment + timedelta(microseconds=offset) for offset in range(len(events))],
        )
    for next_id in next_ids:
        _DURABLE["sends"].run_tasks([next_id])
    message = {"run": str(run_id), "name": rows[0]["name"], "done": last, "at": moment.isoformat()}
    await _DURABLE["redis"].publish(DURABLE_CHANNEL, json.dumps(message))


LEASE_E = timedelta(seconds=30)


def durable_broker(database_url: str | None = None) -> dramatiq.Broker:
    import dramatiq
    from dramatiq.asyncio import get_event_loop_thread
    from dramatiq.middleware import Middleware

    broker = job_broker()
    broker.declare_queue(DURABLE_QUEUE)
    dramatiq.Actor(
        durable_step,
        broker=broker,
        actor_name="durable_step",
        queue_name=DURABLE_QUEUE,
        priority=0,
        options={},
    )
    _DURABLE["broker"] = broker

    class OpenPool(Middleware):
        def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
            thread = get_event_loop_thread()
            assert thread is not None and database_url is not None
            thread.run_coroutine(durable_open(database_url))

    if database_url is not None:
        broker.add_middleware(OpenPool())
    return broker


async def run_durable(database_url: str, prefix: str, orders: int, workers: Children) -> Throughput:
    """Like (a): the runs are started first; timed from the first send to the last end in the database."""
    import asyncpg

    from jobs.dispatcher import BrokerDispatcher

    broker = durable_broker()
    sends = BrokerDispatcher({"run_task": broker.get_actor("durable_step")}, background=True)
    pool = await asyncpg.create_pool(_dsn(database_url), min_size=1, max_size=START_CONCURRENCY)
    gate = asyncio.Semaphore(START_CONCURRENCY)
    first_tasks: list[UUID] = []
    pattern = f"{prefix}-%"

    async def start(name: str) -> None:
        async with gate:
            run_id, moment = uuid.uuid4(), datetime.now(UTC)
            task_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{run_id}/0")
            await pool.execute(E_START, run_id, name, task_id, moment, uuid.uuid4())
            first_tasks.append(task_id)

    async def all_done() -> bool:
        await asyncio.sleep(0.2)
        done = await pool.fetchval(
            "SELECT count(*) FROM e_run WHERE name LIKE $1 AND status = 'SUCCESS'", pattern
        )
        return int(done) == orders

    clock = CpuClock(workers)
    try:
        starting = time.perf_counter()
        await asyncio.gather(*(start(f"{prefix}-{index}") for index in range(orders)))
        started_in = time.perf_counter() - starting
        await clock.start()
        started = time.time()
        sends.run_tasks(first_tasks)
        await until(all_done, f"(e) {orders} runs done", 60 + orders * 0.5, workers)
        cpu = await clock.read()
        last = await pool.fetchval("SELECT max(updated_at) FROM e_run WHERE name LIKE $1", pattern)
        done = await pool.fetchval(
            "SELECT count(*) FROM e_task t JOIN e_run r ON r.id = t.run_id "
            "WHERE r.name LIKE $1 AND t.state = 'SUCCEEDED'",
            pattern,
        )
    finally:
        sends.close()
        broker.close()
        await pool.close()
    if done != orders * TASKS_PER_ORDER:
        raise RuntimeError(f"(e): {done} of {orders * TASKS_PER_ORDER} steps done in the database")
    return Throughput(orders * TASKS_PER_ORDER, last.timestamp() - started, cpu, started_in)


# ---------------------------------------------------------------- (c) live status over a websocket

STATUS_CHANGES = """
subscription($space: String) {
  orderStatusChanged(spaceKey: $space) { order { id name } status at }
}"""


class StatusSocket:
    """A graphql-transport-ws client with one `orderStatusChanged` subscription; stamps each arrival."""

    def __init__(self, ws_url: str, secret: str) -> None:
        self.ws_url = ws_url
        self.secret = secret
        self.arrivals: list[tuple[float, Json]] = []  # (time.time() at receipt, the change)
        self.arrived = asyncio.Event()
        self._socket: Any = None
        self._reader: asyncio.Task[None] | None = None

    @asynccontextmanager
    async def open(self) -> AsyncIterator[StatusSocket]:
        from websockets.asyncio.client import connect
        from websockets.typing import Subprotocol

        async with connect(self.ws_url, subprotocols=[Subprotocol("graphql-transport-ws")]) as socket_:
            self._socket = socket_
            auth = {"Authorization": f"Bearer {self.secret}"}
            await socket_.send(json.dumps({"type": "connection_init", "payload": auth}))
            ack = json.loads(await asyncio.wait_for(socket_.recv(), timeout=10))
            if ack.get("type") != "connection_ack":
                raise RuntimeError(f"the server refused the connection: {ack}")
            payload = {"query": STATUS_CHANGES, "variables": {"space": SPACE_KEY}}
            await socket_.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
            self._reader = asyncio.create_task(self._read())
            try:
                yield self
            finally:
                self._reader.cancel()

    async def _read(self) -> None:
        async for frame in self._socket:
            received = time.time()
            message = json.loads(frame)
            if message["type"] == "ping":
                await self._socket.send(json.dumps({"type": "pong"}))
            elif message["type"] != "next" or "errors" in message["payload"]:
                raise RuntimeError(f"unexpected message: {message}")
            else:
                self.arrivals.append((received, message["payload"]["data"]["orderStatusChanged"]))
                self.arrived.set()

    def latencies_ms(self, prefix: str, status: str, before: float = math.inf) -> list[float]:
        """Receipt − `at` of the changes of orders named `prefix…` to `status` (received before `before`)."""
        return [
            (received - datetime.fromisoformat(change["at"]).timestamp()) * 1e3
            for received, change in self.arrivals
            if change["order"]["name"].startswith(prefix) and change["status"] == status and received < before
        ]

    async def until_count(self, prefix: str, status: str, count: int, timeout: float) -> list[float]:
        deadline = time.monotonic() + timeout
        while len(found := self.latencies_ms(prefix, status)) < count:
            if self._reader is not None and self._reader.done():
                self._reader.result()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{len(found)} of {count} {prefix}… {status} changes after {timeout} s")
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), timeout=min(left, 1.0))
            except TimeoutError:
                continue
        return found


def probe_message(space: Space, name: str) -> str:
    """A status message like a worker's (run_store.status_message), stamped now, in its wire form."""
    from server.live_messages import OrderStatusChanged, encode

    order_id = str(uuid.uuid4())
    order = {"id": order_id, "name": name, "status": "SUCCESS", "value": "0.00", "deadline": None}
    return encode(
        OrderStatusChanged(
            organization_id=str(space.organization_id),  # type: ignore[attr-defined]
            space_id=str(space.id),
            space_key=SPACE_KEY,
            order_id=order_id,
            order_name=name,
            previous_status="IN_PROGRESS",
            status="SUCCESS",
            at=datetime.now(UTC),
            order={**order, "url": f"/orders/{order_id}", "tags": []},
        )
    )


async def paced(count: int, interval_s: float, send: Callable[[int], Awaitable[object]]) -> None:
    """`send(i)` for each i, the i-th not before start + i × interval."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    for index in range(count):
        await asyncio.sleep(max(0.0, start + index * interval_s - loop.time()))
        await send(index)


async def publish_probes(setup: Setup, prefix: str, count: int, interval_s: float) -> None:
    import redis.asyncio as aioredis

    from server.events import channel_for

    client = aioredis.from_url(REDIS_URL)

    async def send(index: int) -> None:
        await client.publish(channel_for(REDIS_URL), probe_message(setup.space, f"{prefix}-{index}"))

    try:
        await paced(count, interval_s, send)
    finally:
        await client.aclose()


async def until_subscribed(setup: Setup, socket_: StatusSocket) -> None:
    """Probe until the server delivers: its subscription is registered on the bus."""
    for attempt in range(100):
        await publish_probes(setup, f"HELLO{attempt}", 1, 0)
        try:
            await socket_.until_count(f"HELLO{attempt}-", "SUCCESS", 1, timeout=0.2)
            return
        except TimeoutError:
            continue
    raise TimeoutError("the subscription never delivered a probe")


@dataclass(frozen=True)
class Latencies:
    worker: list[float]  # (c)
    server: list[float]  # (c')
    during_starts: int  # (c) changes received before every flow was started


async def live_latencies(setup: Setup, url: str, args: argparse.Namespace) -> Latencies:
    from server.services.flow_runs import start_for_new_order

    interval = args.interval_ms / 1000
    socket_ = StatusSocket(url.replace("http://", "ws://") + "/graphql", setup.secret)
    async with socket_.open():
        await until_subscribed(setup, socket_)
        await publish_probes(setup, "WARM", 20, interval)
        await socket_.until_count("WARM-", "SUCCESS", 20, timeout=30)

        order_ids = await insert_orders(setup.space, "LIVE", args.samples, setup.single)
        await paced(args.samples, interval, lambda index: start_for_new_order(order_ids[index]))
        starts_done = time.time()
        worker = await socket_.until_count(
            "LIVE-", "SUCCESS", args.samples, timeout=60 + latency_wait_s(args)
        )
        during = len(socket_.latencies_ms("LIVE-", "SUCCESS", before=starts_done))

        await publish_probes(setup, "PROBE", args.samples, interval)
        server = await socket_.until_count("PROBE-", "SUCCESS", args.samples, timeout=30)
    return Latencies(worker, server, during)


def latency_wait_s(args: argparse.Namespace) -> float:
    """The single task's wait: its SUCCESS comes after this process has started every flow."""
    return args.samples * args.interval_ms / 1000 + 2.0


# ---------------------------------------------------------------- (d) bare Redis


async def redis_round_trips(setup: Setup, count: int, interval_s: float) -> list[float]:
    import redis.asyncio as aioredis

    listener, publisher = aioredis.from_url(REDIS_URL), aioredis.from_url(REDIS_URL)
    pubsub = listener.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(PROBE_CHANNEL)
    await pubsub.get_message(timeout=1.0)
    latencies: list[float] = []

    async def listen() -> None:
        async for raw in pubsub.listen():
            received = time.time()
            message = json.loads(raw["data"])
            latencies.append((received - datetime.fromisoformat(message["at"]).timestamp()) * 1e3)

    async def send(index: int) -> None:
        await publisher.publish(PROBE_CHANNEL, probe_message(setup.space, f"BARE-{index}"))

    reader = asyncio.create_task(listen())
    try:
        await paced(20, interval_s, send)  # warm-up
        await asyncio.sleep(0.2)
        latencies.clear()
        await paced(count, interval_s, send)
        await asyncio.sleep(0.5)
    finally:
        reader.cancel()
        await pubsub.aclose()
        await listener.aclose()
        await publisher.aclose()
    return latencies


# ---------------------------------------------------------------- running


@dataclass
class Results:
    args: argparse.Namespace
    load_before: tuple[float, float, float] = field(default_factory=os.getloadavg)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    flows_one: Throughput | None = None  # (a) on 1 worker process
    flows: Throughput | None = None  # (a) on 2
    costs: TaskCosts | None = None
    bare: Throughput | None = None
    bare_async: Throughput | None = None
    durable: Throughput | None = None
    live: Latencies | None = None
    floor: list[float] = field(default_factory=list)
    updates: dict[str, tuple[int, int]] = field(default_factory=dict)  # table: (updates, HOT ones)
    health: dict[str, dict[str, Any]] = field(default_factory=dict)  # table: dead tuples, sizes, statistics


async def table_updates() -> dict[str, tuple[int, int]]:
    """Row updates of the engine's tables so far and how many were HOT (no index entry written)."""
    from tortoise import connections

    await asyncio.sleep(0.6)  # the statistics collector reports every 500 ms
    rows = await connections.get("default").execute_query_dict(
        "SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables "
        "WHERE relname IN ('task_run', 'flow_run', 'fab_order') ORDER BY relname"
    )
    return {row["relname"]: (int(row["n_tup_upd"]), int(row["n_tup_hot_upd"])) for row in rows}


HEALTH_SQL = """
SELECT relname, n_live_tup, n_dead_tup, pg_relation_size(relid) AS heap_bytes,
    pg_indexes_size(relid) AS index_bytes,
    (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analyzed,
    (last_vacuum IS NOT NULL OR last_autovacuum IS NOT NULL) AS vacuumed
FROM pg_stat_user_tables WHERE relname IN ('task_run', 'flow_run', 'fab_order', 'event') ORDER BY relname
"""


async def table_health() -> dict[str, dict[str, Any]]:
    """What the engine's tables hold after (a): live and dead rows, heap and index sizes, statistics.

    This server may run without autovacuum: dead rows and index entries that only a vacuum removes
    show here, and so do tables the planner has no statistics of.
    """
    from tortoise import connections

    rows = await connections.get("default").execute_query_dict(HEALTH_SQL)
    return {
        row["relname"]: {
            "live": int(row["n_live_tup"]),
            "dead": int(row["n_dead_tup"]),
            "heap_kb": int(row["heap_bytes"]) // 1024,
            "index_kb": int(row["index_bytes"]) // 1024,
            "analyzed": bool(row["analyzed"]),
            "vacuumed": bool(row["vacuumed"]),
        }
        for row in rows
    }


@asynccontextmanager
async def production_mode() -> AsyncIterator[None]:
    """This process as a production web process: sends to Redis and publishes on Redis."""
    from jobs.runtime import start_dispatcher
    from server.events import EventBus, RedisEventBus, set_bus

    bus = RedisEventBus(REDIS_URL)
    set_bus(bus)
    stop_dispatching = start_dispatcher(broker_url())
    try:
        yield
    finally:
        await stop_dispatching()
        await bus.close()
        set_bus(EventBus())


def progress(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def joined(*groups: Children) -> Children:
    together = Children(groups[0].log_dir)
    for group in groups:
        together.running.update(group.running)
    return together


async def fabflow_side(results: Results, setup: Setup, env: dict[str, str], logs: Path) -> None:
    """(a) on 1 then 2 worker processes, the costs of one task, then (c) and (c') with the workers running."""
    args = results.args
    threads = ["--threads", str(args.threads)]
    worker = [FABFLOW, "worker", *threads]
    async with production_mode():
        with ExitStack() as stack:
            forget_workers()
            first = stack.enter_context(children({"worker-0": worker}, env, logs))
            await until_polling("fabflow", first)
            progress(f"(a) warm-up: {args.warmup} orders")
            await run_flows(setup, "WARM", args.warmup, first)
            progress(f"(a) {args.orders} orders × {TASKS_PER_ORDER} tasks, 1 worker process")
            results.flows_one = await run_flows(setup, "ONE", args.orders, first)
            second = stack.enter_context(children({"worker-1": worker}, env, logs))
            workers = joined(first, second)
            await until_polling("fabflow", workers)
            await run_flows(setup, "WARM2", args.warmup, workers)
            progress(f"(a) {args.orders} orders × {TASKS_PER_ORDER} tasks, {WORKERS} worker processes")
            with profiled(args.profile, workers):
                results.flows = await run_flows(setup, "FLOW", args.orders, workers)
            results.updates = await table_updates()
            results.health = await table_health()
            progress("(a) statements and CPU of one task, in this process")
            results.costs = await task_costs(setup)
            if args.no_live:
                return
            port = free_port()
            serve = [FABFLOW, "serve", "--host", "127.0.0.1", "--port", str(port)]
            server = stack.enter_context(children({"server": serve}, env, logs))
            await until_serving(f"http://127.0.0.1:{port}", server)
            progress(f"(c) {args.samples} status changes over a websocket")
            results.live = await live_latencies(setup, f"http://127.0.0.1:{port}", args)


@contextmanager
def profiled(into: str, workers: Children) -> Iterator[None]:
    """With `--profile DIR`: py-spy samples each worker process (GIL holders, raw folded stacks)."""
    if not into:
        yield
        return
    Path(into).mkdir(parents=True, exist_ok=True)
    spy = str(Path(sys.executable).parent / "py-spy")
    options = ["--gil", "--nonblocking", "--rate", "250", "--format", "raw"]
    recorders = [
        subprocess.Popen(
            [spy, "record", "--pid", str(pid), *options, "--output", str(Path(into) / f"{name}.txt")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, pid in zip(workers.running, workers.pids, strict=True)
    ]
    try:
        yield
    finally:
        for recorder in recorders:
            recorder.send_signal(signal.SIGINT)
        for recorder in recorders:
            recorder.wait(timeout=30)
        progress(f"profiles of the workers in {into} (py-spy, raw folded stacks)")


def bench_worker(kind: str, threads: int) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), kind, "--threads", str(threads)]


async def bare_side(results: Results, env: dict[str, str], logs: Path) -> None:
    args = results.args
    broker = bare_broker()
    commands = {f"bare-{index}": bench_worker("--bare-worker", args.threads) for index in range(WORKERS)}
    forget_workers()
    try:
        with children(commands, env, logs) as workers:
            await until_polling(BARE_QUEUE, workers)
            count = args.orders * TASKS_PER_ORDER
            progress(f"(b) warm-up, then {count} bare messages, then {count} async ones")
            await run_bare(broker, "noop", 300, workers)
            results.bare = await run_bare(broker, "noop", count, workers)
            results.bare_async = await run_bare(broker, "async_noop", count, workers)
    finally:
        broker.close()


async def durable_side(results: Results, database_url: str, env: dict[str, str], logs: Path) -> None:
    import asyncpg

    args = results.args
    connection = await asyncpg.connect(_dsn(database_url))
    try:
        await connection.execute(DURABLE_SCHEMA)
    finally:
        await connection.close()
    commands = {
        f"durable-{index}": bench_worker("--durable-worker", args.threads) for index in range(WORKERS)
    }
    forget_workers()
    with children(commands, env, logs) as workers:
        await until_polling(DURABLE_QUEUE, workers)
        progress(f"(e) warm-up, then {args.orders} × {TASKS_PER_ORDER} durable steps in bare asyncpg")
        await run_durable(database_url, "WARM", args.warmup, workers)
        results.durable = await run_durable(database_url, "E", args.orders, workers)


async def run(results: Results, database_url: str, scratch: Path) -> None:
    from server import db

    args = results.args
    env = child_env(database_url, scratch)
    await db.migrate(database_url)
    await db.close()
    await db.init(database_url)  # as the workers open it (`PooledConnection`)
    try:
        setup = await prepare(int(latency_wait_s(args) * 1000))
        await fabflow_side(results, setup, env, scratch)
        await bare_side(results, env, scratch)
        await durable_side(results, database_url, env, scratch)
        if not args.no_live:
            progress(f"(d) {args.samples} bare Redis round trips")
            results.floor = await redis_round_trips(setup, args.samples, args.interval_ms / 1000)
    finally:
        await db.close()


def flush_redis() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()
    finally:
        client.close()


@contextmanager
def scratch_vhost(url: str) -> Iterator[str]:
    """`url` itself when it names a virtual host; else the URL of a fresh one, deleted afterwards."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if not url.startswith("amqp") or parts.path.strip("/"):
        yield url
        return
    name = f"fabflow-bench-{uuid.uuid4().hex[:10]}"
    subprocess.run(["rabbitmqctl", "add_vhost", name], check=True, capture_output=True, timeout=60)
    try:
        user = parts.username or "guest"
        subprocess.run(
            ["rabbitmqctl", "set_permissions", "-p", name, user, ".*", ".*", ".*"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield f"{url.rstrip('/')}/{name}"
    finally:
        subprocess.run(["rabbitmqctl", "delete_vhost", name], capture_output=True, timeout=60)


async def main(args: argparse.Namespace) -> None:
    import asyncpg

    name = f"fabflow_bench_{uuid.uuid4().hex[:10]}"
    server = POSTGRES_URL.rpartition("/")[0]
    admin = await asyncpg.connect(_dsn(POSTGRES_URL), timeout=5)
    results = Results(args)
    flush_redis()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            with (
                scratch_vhost(args.broker_url or REDIS_URL) as url,
                tempfile.TemporaryDirectory(prefix="fabflow-bench-") as scratch,
            ):
                os.environ[BROKER_ENV] = url
                await run(results, f"{server}/{name}", Path(scratch))
        finally:
            if args.keep_database:
                print(f"kept the scratch database {name}", file=sys.stderr)
            else:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
        flush_redis()
    results.load_after = os.getloadavg()
    report(results)
    append_result(results)


def _dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


# ---------------------------------------------------------------- report


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def cpu_line(label: str, run: Throughput) -> str:
    parts = ", ".join(
        f"{name} {seconds:.2f} s ({seconds / run.units * 1e3:.2f})" for name, seconds in run.cpu.items()
    )
    available = run.seconds * (os.cpu_count() or 1)
    return f"{label} CPU s (ms per unit): {parts}; {available:.2f} s available"


def cpu_per_unit(run: Throughput) -> dict[str, float]:
    return {name: round(seconds / run.units * 1e3, 3) for name, seconds in run.cpu.items()}


def latency_line(label: str, values: list[float]) -> str:
    p50, p99 = percentile(values, 50), percentile(values, 99)
    return f"{label} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   (n={len(values)})"


def loads(values: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.2f}" for value in values)


def orders_of(run: Throughput) -> int:
    return run.units // TASKS_PER_ORDER


def report(results: Results) -> None:
    args, flows, one, costs = results.args, results.flows, results.flows_one, results.costs
    bare, bare_async, durable = results.bare, results.bare_async, results.durable
    assert flows and one and costs and bare and bare_async and durable, "incomplete results"
    print(
        f"\nFlow engine: {args.orders} orders × {TASKS_PER_ORDER} no-op tasks (wait {NO_OP_MS} ms: "
        f"1 message per task), worker processes × {args.threads} threads, {os.cpu_count()} CPUs, "
        f"broker {'RabbitMQ' if is_rabbitmq() else 'Redis'}"
    )
    print(
        f"load average (1, 5, 15 min) before: {loads(results.load_before)}; "
        f"after: {loads(results.load_after)}"
    )
    for label, run in (("(a)  Fabflow, 1 worker: ", one), (f"(a)  Fabflow, {WORKERS} workers:", flows)):
        print(
            f"{label} {run.units} tasks    in {run.seconds:6.2f} s = {run.rate:7.1f} tasks/s"
            f"     {run.ms_per_unit:6.3f} ms/task  ({orders_of(run)} flows started in {run.started_in:.2f} s"
            " before, their first messages held back)"
        )
    print(
        f"(b)  bare Dramatiq:      {bare.units} messages in {bare.seconds:6.2f} s = "
        f"{bare.rate:7.1f} messages/s"
        f"  {bare.ms_per_unit:6.3f} ms/message"
    )
    print(
        f"(b') bare async def:     {bare_async.units} messages in {bare_async.seconds:6.2f} s = "
        f"{bare_async.rate:7.1f} messages/s  {bare_async.ms_per_unit:6.3f} ms/message"
    )
    print(
        f"(e)  durable step, bare asyncpg: {durable.units} steps in {durable.seconds:6.2f} s = "
        f"{durable.rate:7.1f} steps/s  {durable.ms_per_unit:6.3f} ms/step"
    )
    print(
        f"ratio (a)/(b), time per task over time per bare message: {flows.ms_per_unit / bare.ms_per_unit:.2f}"
        f"   (over (b'): {flows.ms_per_unit / bare_async.ms_per_unit:.2f})"
    )
    print(
        "ratio (a)/(e), time per task over time per durable step: "
        f"{flows.ms_per_unit / durable.ms_per_unit:.2f}"
    )
    print(cpu_line("(a)", flows))
    print(cpu_line("(b)", bare))
    print(cpu_line("(e)", durable))
    messages = ", ".join(f"{name} {count}" for name, count in costs.messages)
    print(
        f"(a)  SQL statements at PostgreSQL: {costs.statements_per_task:.1f} data statements per task "
        f"({messages}), plus {costs.transactions_per_task:.1f} BEGIN/COMMIT and "
        f"{costs.resets_per_task:.1f} connection resets of the pool; starting a flow {costs.start_statements}"
    )
    print(f"(a)  Python CPU per task driven in this process without a broker: {costs.cpu_ms_per_task:.2f} ms")
    hot = ", ".join(
        f"{table} {updated} ({hot_ones} HOT)" for table, (updated, hot_ones) in results.updates.items()
    )
    print(f"(a)  row updates at PostgreSQL until then: {hot}")
    health = "; ".join(
        f"{table} {row['live']} live, {row['dead']} dead, "
        f"heap {row['heap_kb']} kB, indexes {row['index_kb']} kB"
        f"{'' if row['analyzed'] else ', never analyzed'}{'' if row['vacuumed'] else ', never vacuumed'}"
        for table, row in results.health.items()
    )
    print(f"(a)  tables after (a): {health}")
    if results.live is None:
        return
    live = results.live
    print()
    print(latency_line("(c)  worker commit → websocket:    ", live.worker))
    print(latency_line("     of which `at` → publish,      ", costs.decision_to_publish_ms))
    print("     (measured on orders driven in this process)")
    print(latency_line("(c') Redis publish → websocket:    ", live.server))
    print(latency_line("(d)  bare Redis publish → receive: ", results.floor))
    print(
        f"(c) − (d): p50 {percentile(live.worker, 50) - percentile(results.floor, 50):+.2f} ms, "
        f"p99 {percentile(live.worker, 99) - percentile(results.floor, 99):+.2f} ms; "
        f"(c') − (d): p50 {percentile(live.server, 50) - percentile(results.floor, 50):+.2f} ms"
    )
    if live.during_starts:
        print(f"note: {live.during_starts} (c) changes arrived while this process was still starting flows")


def append_result(results: Results) -> None:
    flows, one, costs = results.flows, results.flows_one, results.costs
    bare, durable = results.bare, results.durable
    assert flows and one and costs and bare and durable
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    line = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "broker": "rabbitmq" if is_rabbitmq() else "redis",
        "orders": results.args.orders,
        "threads": results.args.threads,
        "load_before": list(results.load_before),
        "load_after": list(results.load_after),
        "tasks_per_s_1_worker": round(one.rate, 1),
        "tasks_per_s_2_workers": round(flows.rate, 1),
        "ms_per_task": round(flows.ms_per_unit, 3),
        "bare_ms_per_message": round(bare.ms_per_unit, 3),
        "durable_ms_per_step": round(durable.ms_per_unit, 3),
        "ratio_vs_bare": round(flows.ms_per_unit / bare.ms_per_unit, 2),
        "ratio_vs_durable": round(flows.ms_per_unit / durable.ms_per_unit, 2),
        "statements_per_task": round(costs.statements_per_task, 2),
        "transaction_statements_per_task": round(costs.transactions_per_task, 2),
        "resets_per_task": round(costs.resets_per_task, 2),
        "python_cpu_ms_per_task": round(costs.cpu_ms_per_task, 3),
        "cpu_ms_per_task": cpu_per_unit(flows),
        "cpu_ms_per_durable_step": cpu_per_unit(durable),
        "cpu_ms_per_bare_message": cpu_per_unit(bare),
        "row_updates_and_hot": results.updates,
        "tables_after": results.health,
    }
    if results.live is not None:
        line["commit_to_websocket_p50_ms"] = round(percentile(results.live.worker, 50), 2)
        line["commit_to_websocket_p99_ms"] = round(percentile(results.live.worker, 99), 2)
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--orders", type=int, default=1000, help="orders of (a) and (e); (b) sends 3 × as many"
    )
    parser.add_argument("--threads", type=int, default=8, help="threads per worker process")
    parser.add_argument("--warmup", type=int, default=20, help="orders through (a) and (e) before timing")
    parser.add_argument("--samples", type=int, default=200, help="status changes measured in (c), (c'), (d)")
    parser.add_argument("--interval-ms", type=float, default=50.0, help="pace of those status changes")
    parser.add_argument("--no-live", action="store_true", help="skip (c), (c') and (d)")
    parser.add_argument(
        "--broker-url",
        default="",
        help="the task broker, redis://… or amqp://… (default: the bench's Redis); an amqp URL without "
        "a virtual host gets a scratch one, deleted afterwards",
    )
    parser.add_argument(
        "--profile", default="", metavar="DIR", help="py-spy profiles of the (a) workers into DIR (py-spy)"
    )
    parser.add_argument(
        "--keep-database", action="store_true", help="keep the scratch database to inspect it"
    )
    parser.add_argument("--bare-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--durable-worker", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.bare_worker:
        sys.exit(serve_until_stopped(bare_broker(Tally()), arguments.threads))
    if arguments.durable_worker:
        sys.exit(serve_until_stopped(durable_broker(os.environ["DATABASE_URL"]), arguments.threads))
    asyncio.run(main(arguments))
