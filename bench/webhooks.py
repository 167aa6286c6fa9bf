"""Webhook delivery: lag from commit to receiver at a fixed rate, and one worker's rate against bare httpx.

    .venv/bin/python bench/webhooks.py [--orders 200] [--rate 50] [--threads 8]

Makes a scratch database on the PostgreSQL server at `FABFLOW_BENCH_DATABASE_URL` (default
postgres://postgres@127.0.0.1:5432/postgres) and uses the Redis database `FABFLOW_BENCH_REDIS_URL`
(default redis://127.0.0.1:6379/14), flushed before and after. The receiver is a uvicorn process on
127.0.0.1 that answers 204 to every POST and keeps, per call, its path, `webhook-id`, event, order,
sequence and lag (arrival − the body's `timestamp`, which is stamped in the transaction that commits
the change: so commit → receiver, give or take the commit itself; same clock).

  (a) Lag: three endpoints subscribed to `*` (the third `ordered: true`); `--orders` orders of a
      one-task flow (`wait`, 1 ms) start at a fixed pace of `--rate` status changes per second
      (each order changes status twice: IN_PROGRESS when it starts, SUCCESS when its task ends),
      worked by 2 `fabflow worker` processes. Printed: p50/p99 of the lag of every delivery and of
      the status changes, the rate reached, and the integrator's check: every call verified with
      the `standardwebhooks` package, and after dedup on `webhook-id` every endpoint saw every
      status change of every order exactly once, in order of `sequence` (the ordered endpoint also
      in order of arrival).
  (b) Rate: the deliveries of (a) to the two unordered endpoints, made pending again and queued
      while no worker runs, then sent by ONE `fabflow worker` process of `--threads` threads (the
      receiver does not verify here), against (b') a bare process POSTing the same bodies to the
      same receiver with one shared `httpx.AsyncClient`, `--threads` at a time. Both timed at the
      receiver, first to last arrival. Printed: deliveries/s of each and the time per delivery of
      (b) over (b') (aim ≤ 1.5).

One JSON line (commit, load average, figures) is appended to bench/results/webhooks.jsonl. Figures
taken while other work shares the CPUs are not comparable with those of an idle machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FABFLOW_ALLOWED_HOSTS", "127.0.0.1")  # before the settings are read

from bench import flow_engine as fe  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "webhooks.jsonl"
PATHS = ("/e1", "/e2", "/e3")  # /e3 is ordered
EVENTS_PER_ORDER = 5  # 2 status changes, flow_run.started, task.succeeded, flow_run.finished
Json = dict[str, Any]


# ---------------------------------------------------------------- the receiver (its own process)


def receiver_app() -> Any:
    """A bare ASGI app: POST → 204 and a record; GET /_stats → the records; POST /_config, /_reset."""
    from standardwebhooks.webhooks import Webhook

    state: Json = {"records": [], "secrets": {}, "verify": True, "failed": 0}

    async def read_body(receive: Any) -> bytes:
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        return body

    async def answer(send: Any, status: int, body: bytes = b"") -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def record(path: str, headers: dict[str, str], body: bytes, arrived: float) -> None:
        secret = state["secrets"].get(path)
        if state["verify"] and secret:
            try:
                Webhook(secret).verify(body, headers)
            except Exception:
                state["failed"] += 1
        payload = json.loads(body)
        data = payload.get("data") or {}
        sent = datetime.fromisoformat(payload["timestamp"]).timestamp() if "timestamp" in payload else arrived
        order = (data.get("order") or {}).get("id")
        state["records"].append(
            [path, headers.get("webhook-id", ""), payload.get("type", ""), order,
             payload.get("sequence"), data.get("status"), arrived - sent, arrived]
        )  # fmt: skip

    async def app(scope: Json, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        path, body = scope["path"], await read_body(receive)
        arrived = time.time()
        if path == "/_stats":
            await answer(
                send, 200, json.dumps({"records": state["records"], "failed": state["failed"]}).encode()
            )
        elif path == "/_config":
            config = json.loads(body)
            state.update(secrets=config["secrets"], verify=config["verify"])
            await answer(send, 204)
        elif path == "/_reset":
            state.update(records=[], failed=0)
            await answer(send, 204)
        else:
            headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
            record(path, headers, body, arrived)
            await answer(send, 204)

    return app


def serve_receiver(port: int) -> None:
    import uvicorn

    uvicorn.run(receiver_app(), host="127.0.0.1", port=port, log_level="warning", access_log=False)


# ---------------------------------------------------------------- the bare poster (its own process)


async def bare_posts(url: str, bodies_file: str, concurrency: int) -> None:
    import httpx

    bodies = json.loads(Path(bodies_file).read_text())
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=15) as client:

        async def post(item: Json) -> None:
            async with gate:
                headers = {"content-type": "application/json", "webhook-id": item["id"]}
                response = await client.post(url, content=item["body"].encode(), headers=headers)
                response.raise_for_status()

        await asyncio.gather(*(post(item) for item in bodies))


# ---------------------------------------------------------------- set-up


@dataclass
class Setup:
    space: Any
    flow_key: str
    secrets: dict[str, str]  # path → the endpoint's secret


async def prepare(receiver: str) -> Setup:
    from jobs.handlers.registry import install_handlers
    from server.domain.actors import SYSTEM
    from server.services import webhook_endpoints
    from server.services.auth import create_space
    from server.services.flows import create_flow

    install_handlers()
    space = await create_space(SYSTEM, fe.SPACE_KEY, "Bench")
    flow = await create_flow(
        SYSTEM, fe.SPACE_KEY, "One pause", json.dumps(fe.one_stage([fe.wait_task("pause", 1)]))
    )
    secrets = {}
    for path in PATHS:
        endpoint = await webhook_endpoints.create_endpoint(
            SYSTEM, fe.SPACE_KEY, receiver + path, ["*"], ordered=path == "/e3"
        )
        secrets[path] = endpoint.secret
    return Setup(space, flow.flow.key, secrets)


async def receiver_call(url: str, path: str, body: Json | None = None) -> Json:
    import httpx

    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        if body is None:
            response = await client.get(path)
        else:
            response = await client.post(path, json=body)
    response.raise_for_status()
    return response.json() if response.content else {}  # type: ignore[no-any-return]


# ---------------------------------------------------------------- (a) lag at a fixed rate


@dataclass
class Lag:
    orders: int
    deliveries: int
    calls: int
    all_ms: list[float]
    status_ms: list[float]
    rate: float  # status changes per second reached
    verify_failures: int
    problems: list[str] = field(default_factory=list)


async def lag_phase(setup: Setup, args: argparse.Namespace, receiver: str, workers: fe.Children) -> Lag:
    from server.services.flow_runs import start_for_new_order

    order_ids = await fe.insert_orders(setup.space, "HOOK", args.orders, setup.flow_key)
    interval = 2 / args.rate  # each order makes two status changes
    started = time.perf_counter()

    async def start(index: int, order_id: Any) -> None:
        await asyncio.sleep(max(0.0, started + index * interval - time.perf_counter()))
        await start_for_new_order(order_id)

    await asyncio.gather(*(start(index, order_id) for index, order_id in enumerate(order_ids)))
    expected = args.orders * EVENTS_PER_ORDER * len(PATHS)

    async def all_arrived() -> bool:
        stats = await receiver_call(receiver, "/_stats")
        return len({(r[0], r[1]) for r in stats["records"]}) >= expected

    await fe.until(all_arrived, f"{expected} deliveries at the receiver", 300 + 3 * args.orders, workers)
    stats = await receiver_call(receiver, "/_stats")
    return summarize_lag(stats, args.orders, {str(o) for o in order_ids})


def summarize_lag(stats: Json, orders: int, order_ids: set[str]) -> Lag:
    records = stats["records"]
    first: dict[tuple[str, str], list[Any]] = {}
    for record in records:
        first.setdefault((record[0], record[1]), record)
    unique = list(first.values())
    status = [r for r in unique if r[2] == "order.status_changed"]
    moments = sorted(r[7] - r[6] for r in status)
    span = (moments[-1] - moments[0]) if len(moments) > 1 else 0.0
    lag = Lag(
        orders,
        len(unique),
        len(records),
        [r[6] * 1000 for r in unique],
        [r[6] * 1000 for r in status],
        (len(moments) - 1) / span if span else 0.0,
        int(stats["failed"]),
    )
    for path in PATHS:
        seen: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for record in status:
            if record[0] == path:
                seen[record[3]].append((record[4], record[5]))
        if set(seen) != order_ids:
            lag.problems.append(f"{path}: status changes of {len(set(seen) & order_ids)} of {orders} orders")
        wrong = [o for o, got in seen.items() if [s for _, s in sorted(got)] != ["IN_PROGRESS", "SUCCESS"]]
        if wrong:
            lag.problems.append(f"{path}: {len(wrong)} orders without exactly IN_PROGRESS, SUCCESS")
        out_of_order = [o for o, got in seen.items() if got != sorted(got)]
        if path == "/e3" and out_of_order:
            lag.problems.append(f"{path} (ordered): {len(out_of_order)} orders arrived out of sequence")
    return lag


# ---------------------------------------------------------------- (b) one worker against bare httpx


@dataclass
class Rate:
    count: int
    seconds: float  # first to last arrival

    @property
    def per_second(self) -> float:
        return (self.count - 1) / self.seconds if self.seconds else 0.0


def arrival_span(stats: Json) -> Rate:
    moments = sorted(r[7] for r in stats["records"])
    return Rate(len(moments), moments[-1] - moments[0] if len(moments) > 1 else 0.0)


def unordered() -> Any:
    """The deliveries of (a) to the endpoints without strict order (an ordered one sends one at a time)."""
    from server.models import WebhookDelivery

    return WebhookDelivery.filter(endpoint__ordered=False)


async def requeue_all() -> list[Any]:
    """Those deliveries pending again, due now, with their schedule from the start; their ids."""
    from server.models import WebhookDelivery
    from server.services.effects import now

    ids = list(await unordered().order_by("created_at").values_list("id", flat=True))
    changed = await WebhookDelivery.filter(id__in=ids).update(
        state="pending", tries=0, next_attempt_at=now(), ended_at=None, lease_until=None
    )
    if changed != len(ids):
        raise RuntimeError(f"{changed} of {len(ids)} deliveries made pending again")
    return ids


async def fabflow_rate(args: argparse.Namespace, env: dict[str, str], logs: Path, receiver: str) -> Rate:
    from server.dispatch import dispatcher

    await receiver_call(receiver, "/_config", {"secrets": {}, "verify": False})
    await receiver_call(receiver, "/_reset", {})
    ids = await requeue_all()
    for delivery_id in ids:  # queued while no worker runs
        dispatcher().deliver_webhook(delivery_id, 0)
    await asyncio.sleep(1.0)  # the dispatcher sends from its own thread
    one = {"rate-worker": [fe.FABFLOW, "worker", "--threads", str(args.threads)]}
    with fe.children(one, {**env, "FABFLOW_WEBHOOK_REDISPATCH_AFTER": "3600"}, logs) as worker:

        async def all_arrived() -> bool:
            return len((await receiver_call(receiver, "/_stats"))["records"]) >= len(ids)

        await fe.until(all_arrived, f"{len(ids)} deliveries by one worker", 300, worker)
    return arrival_span(await receiver_call(receiver, "/_stats"))


async def bare_rate(args: argparse.Namespace, receiver: str, scratch: Path) -> Rate:
    rows = await unordered().order_by("created_at").values("id", "body")
    bodies = scratch / "bodies.json"
    bodies.write_text(json.dumps([{"id": str(r["id"]), "body": r["body"]} for r in rows]))
    await receiver_call(receiver, "/_reset", {})
    me = [sys.executable, str(Path(__file__).resolve()), "--bare", receiver + "/bare", str(bodies)]
    done = await asyncio.to_thread(
        subprocess.run, [*me, "--threads", str(args.threads)], cwd=ROOT, timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(f"the bare poster exited with {done.returncode}")
    return arrival_span(await receiver_call(receiver, "/_stats"))


# ---------------------------------------------------------------- the run


@dataclass
class Results:
    args: argparse.Namespace
    load_before: tuple[float, float, float] = field(default_factory=os.getloadavg)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    lag: Lag | None = None
    fabflow: Rate | None = None
    bare: Rate | None = None


async def run(results: Results, database_url: str, scratch: Path) -> None:
    from server import db

    args = results.args
    env = {**fe.child_env(database_url, scratch), "FABFLOW_ALLOWED_HOSTS": "127.0.0.1"}
    port = fe.free_port()
    receiver = f"http://127.0.0.1:{port}"
    await db.migrate(database_url)
    try:
        me = [sys.executable, str(Path(__file__).resolve()), "--receiver", str(port)]
        with fe.children({"receiver": me}, env, scratch) as receiving:
            await until_receiving(receiver, receiving)
            setup = await prepare(receiver)
            await receiver_call(receiver, "/_config", {"secrets": setup.secrets, "verify": True})
            async with fe.production_mode():
                commands = {
                    f"worker-{i}": [fe.FABFLOW, "worker", "--threads", str(args.threads)] for i in range(2)
                }
                with fe.children(commands, env, scratch) as workers:
                    await fe.until_polling("fabflow", workers)
                    fe.progress(f"(a) {args.orders} orders at {args.rate} status changes/s, 3 endpoints on *")
                    results.lag = await lag_phase(setup, args, receiver, workers)
                    print_lag(results.lag)
                fe.progress("(b) the same deliveries again, by one worker process")
                results.fabflow = await fabflow_rate(args, env, scratch, receiver)
            fe.progress("(b') the same bodies by bare httpx")
            results.bare = await bare_rate(args, receiver, scratch)
    finally:
        await db.close()


async def until_receiving(url: str, watch: fe.Children) -> None:
    import httpx

    async def up() -> bool:
        try:
            await receiver_call(url, "/_stats")
            return True
        except httpx.HTTPError:
            return False

    await fe.until(up, "the receiver", 30, watch)


async def main(args: argparse.Namespace) -> None:
    import asyncpg

    name = f"fabflow_bench_{uuid.uuid4().hex[:10]}"
    server = fe.POSTGRES_URL.rpartition("/")[0]
    admin = await asyncpg.connect(fe._dsn(fe.POSTGRES_URL), timeout=5)
    results = Results(args)
    fe.flush_redis()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            with tempfile.TemporaryDirectory(prefix="fabflow-bench-") as scratch:
                await run(results, f"{server}/{name}", Path(scratch))
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
        fe.flush_redis()
    results.load_after = os.getloadavg()
    report(results)


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def print_lag(lag: Lag) -> str:
    """The figures of (a), printed as soon as they are known; the integrator's check in one word or more."""
    print(fe.latency_line("(a) lag, every delivery   ", lag.all_ms), flush=True)
    print(fe.latency_line("(a) lag, status changes   ", lag.status_ms), flush=True)
    check = "ok" if not lag.problems and lag.verify_failures == 0 else "; ".join(lag.problems)
    print(f"(a) integrator's check: {check} (signatures refused: {lag.verify_failures})", flush=True)
    return check


def report(results: Results) -> None:
    lag, fabflow, bare = results.lag, results.fabflow, results.bare
    assert lag is not None and fabflow is not None and bare is not None
    p = fe.percentile
    ratio = bare.per_second / fabflow.per_second if fabflow.per_second else float("inf")
    before, after = results.load_before[0], results.load_after[0]
    print(f"load average before {before:.2f}, after {after:.2f} ({os.cpu_count()} CPUs)")
    print(f"(a) {lag.orders} orders, {lag.deliveries} deliveries ({lag.calls} calls)", end="")
    print(f", status changes committed at {lag.rate:.1f}/s")
    check = print_lag(lag)
    print(f"(b)  one worker:  {fabflow.count} deliveries in {fabflow.seconds:.2f} s", end="")
    print(f" = {fabflow.per_second:.0f}/s")
    print(f"(b') bare httpx:  {bare.count} POSTs in {bare.seconds:.2f} s = {bare.per_second:.0f}/s")
    print(f"(b) / (b') time per delivery: {ratio:.2f} (aim ≤ 1.5)")
    line = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "loadAverage": [round(results.load_before[0], 2), round(results.load_after[0], 2)],
        "orders": lag.orders,
        "statusChangesPerSecond": round(lag.rate, 1),
        "endpoints": len(PATHS),
        "lagMsP50": round(p(lag.all_ms, 50), 1),
        "lagMsP99": round(p(lag.all_ms, 99), 1),
        "statusLagMsP50": round(p(lag.status_ms, 50), 1),
        "statusLagMsP99": round(p(lag.status_ms, 99), 1),
        "integratorCheck": check,
        "workerDeliveriesPerSecond": round(fabflow.per_second, 1),
        "bareDeliveriesPerSecond": round(bare.per_second, 1),
        "ratio": round(ratio, 2),
        "threads": results.args.threads,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0, help="status changes per second")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--receiver", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare", nargs=2, metavar=("URL", "BODIES"), help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.receiver:
        serve_receiver(arguments.receiver)
    elif arguments.bare:
        asyncio.run(bare_posts(arguments.bare[0], arguments.bare[1], arguments.threads))
    else:
        asyncio.run(main(arguments))
