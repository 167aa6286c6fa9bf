"""Live fan-out: commit → frame of `orderStatusChanged` at 1, 100 and 1,000 subscribers, against bare Redis.

For each subscriber count, in one run:
  (r) bare Redis: that many redis-py pub/sub connections on one channel; the bench publishes a
      timestamp 200 times, 50 ms apart; latency = publish → receive.
  (f) Fabflow: `fabflow serve` in production mode (PostgreSQL scratch database, Redis bus), that
      many websocket connections each subscribed to `orderStatusChanged` with the same secret key;
      the bench makes 200 status changes, 50 ms apart, through the services (start, then cancel,
      100 orders); latency = the change's commit (the frame's `at`) → the frame's arrival.
Subscribers run in `--client-processes` processes, the same for both sides, so neither side's
figures are mostly the cost of reading them. Prints p50/p99 and the differences, and appends one
JSON line to `bench/results/subscribers.jsonl`.

    python bench/subscribers.py [--subscribers 1 100 1000] [--changes 200] [--client-processes 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tree_query import POSTGRES_URL, _admin_execute, _with_database, free_port, percentile, server

RESULTS = Path(__file__).resolve().parent / "results" / "subscribers.jsonl"
REDIS_URL = os.environ.get("FABFLOW_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
SECRET_KEY = "bench-secret-key-of-at-least-thirty-two-bytes"
SPACE_KEY = "bench-live"
CHANNEL = "bench:fanout"
GAP = 0.05  # seconds between changes
STATUS = "subscription { orderStatusChanged { order { id name } previousStatus status at } }"
FLOW = {
    "stages": [
        {
            "key": "s",
            "taskDefinitions": [{"key": "check", "handlerKey": "manual-task", "payload": {"title": "Check"}}],
            "initialTaskDefinitionKeys": ["check"],
        }
    ]
}


# ---------------------------------------------------------------- subscriber processes


def _clients(kind: str, target: str, token: str, count: int, expected: int, ready: Any, out: Any) -> None:
    """One subscriber process: `count` connections; sends back every latency it measured (ms)."""
    out.send(asyncio.run(_listen(kind, target, token, count, expected, ready)))


async def _listen(kind: str, target: str, token: str, count: int, expected: int, ready: Any) -> list[float]:
    latencies: list[float] = []
    done = asyncio.Event()
    wanted = expected * count

    def heard(latency: float) -> None:
        latencies.append(latency)
        if len(latencies) >= wanted:
            done.set()

    opened = [
        await (_redis_listener if kind == "redis" else _ws_listener)(target, token, heard)
        for _ in range(count)
    ]
    await asyncio.sleep(1.0)  # every subscription registered at the far end
    ready.set()
    try:
        await asyncio.wait_for(done.wait(), timeout=expected * GAP + 60)
    except TimeoutError:
        print(f"{kind}: {len(latencies)} of {wanted} frames arrived", file=sys.stderr)
    for task, close in opened:
        task.cancel()
        await close()
    return latencies


async def _redis_listener(url: str, _token: str, heard: Any) -> tuple[asyncio.Task[None], Any]:
    import redis.asyncio as redis

    client = redis.Redis.from_url(url)
    pubsub = client.pubsub()
    await pubsub.subscribe(CHANNEL)

    async def read() -> None:
        async for message in pubsub.listen():
            if message["type"] == "message":
                heard((time.time() - float(message["data"])) * 1000)

    async def close() -> None:
        await pubsub.aclose()
        await client.aclose()

    return asyncio.create_task(read()), close


async def _ws_listener(url: str, token: str, heard: Any) -> tuple[asyncio.Task[None], Any]:
    import websockets

    socket = await websockets.connect(url, subprotocols=["graphql-transport-ws"], max_queue=None)  # type: ignore[list-item]
    await socket.send(
        json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
    )
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": STATUS}}))

    async def read() -> None:
        async for text in socket:
            frame = json.loads(text)
            if frame.get("type") == "next":
                at = datetime.fromisoformat(frame["payload"]["data"]["orderStatusChanged"]["at"])
                heard((time.time() - at.timestamp()) * 1000)

    return asyncio.create_task(read()), socket.close


def _start_clients(
    kind: str, target: str, token: str, subscribers: int, expected: int, processes: int
) -> tuple[list[Any], list[Any], list[Any]]:
    context = multiprocessing.get_context("spawn")
    shares = [subscribers // processes + (1 if i < subscribers % processes else 0) for i in range(processes)]
    started, pipes, readies = [], [], []
    for share in (s for s in shares if s):
        ready = context.Event()
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_clients, args=(kind, target, token, share, expected, ready, send))
        process.start()
        started.append(process)
        pipes.append(receive)
        readies.append(ready)
    return started, pipes, readies


def _collect(processes: list[Any], pipes: list[Any]) -> list[float]:
    latencies: list[float] = []
    for process, pipe in zip(processes, pipes, strict=True):
        latencies += pipe.recv()
        process.join()
    return latencies


async def _all_ready(readies: list[Any]) -> None:
    while not all(ready.is_set() for ready in readies):
        await asyncio.sleep(0.05)


# ---------------------------------------------------------------- the two sides


async def bare_redis(subscribers: int, changes: int, processes: int) -> list[float]:
    import redis.asyncio as redis

    started, pipes, readies = _start_clients("redis", REDIS_URL, "", subscribers, changes, processes)
    await _all_ready(readies)
    client = redis.Redis.from_url(REDIS_URL)
    for _ in range(changes):
        await client.publish(CHANNEL, repr(time.time()))
        await asyncio.sleep(GAP)
    await client.aclose()
    return await asyncio.to_thread(_collect, started, pipes)


async def fabflow(ws_url: str, secret: str, subscribers: int, changes: int, processes: int) -> list[float]:
    from server.models import Order, Space
    from server.services import flow_runs

    admin = await _admin()
    space = await Space.get(key=SPACE_KEY)
    orders = [
        await Order.create(space_id=space.id, name=f"LIVE-{uuid.uuid4().hex[:8]}", flow_key="live",
                           intake_hash="-", search_text="live")
        for _ in range((changes + 1) // 2)
    ]  # fmt: skip
    started, pipes, readies = _start_clients("ws", ws_url, secret, subscribers, changes, processes)
    await _all_ready(readies)
    made = 0
    for order in orders:
        run = await flow_runs.start_order_flow(admin, order.id)
        made += 1
        await asyncio.sleep(GAP)
        if made < changes:
            await flow_runs.cancel_run(admin, run.id, "bench")
            made += 1
            await asyncio.sleep(GAP)
    return await asyncio.to_thread(_collect, started, pipes)


async def _admin() -> Any:
    from server.models import User
    from server.services import auth

    return auth.actor_for_user(await User.get(email="bench@example.com"))


async def _prepare(url: str) -> str:
    """Migrates the scratch database; an admin, the space, its key and the flow; returns the key."""
    from jobs.handlers.registry import install_handlers
    from server import db
    from server.services import auth, flows

    install_handlers()  # the flow's handlers must be known to validate it
    await db.migrate(url)
    admin = auth.actor_for_user(await auth.create_admin("bench@example.com", "bench password 1"))
    await auth.create_space(admin, SPACE_KEY, "Live bench")
    secret = (await auth.create_api_key(admin, SPACE_KEY, "bench")).secret
    created = await flows.create_flow(admin, SPACE_KEY, "Live bench", json.dumps(FLOW), key="live")
    assert created is not None
    return secret


# ---------------------------------------------------------------- running


def summary(latencies: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(latencies, 50), 2), "p99": round(percentile(latencies, 99), 2),
            "frames": len(latencies)}  # fmt: skip


async def run(counts: list[int], changes: int, processes: int) -> dict[str, Any]:
    os.environ["REDIS_URL"] = REDIS_URL  # the bench's own bus publishes to the server's Redis
    from server import db
    from server.events import get_bus

    name = f"fabflow_bench_{uuid.uuid4().hex[:10]}"
    url = _with_database(POSTGRES_URL, name)
    await _admin_execute(f'CREATE DATABASE "{name}"')
    figures: dict[str, Any] = {}
    try:
        secret = await _prepare(url)
        port = free_port()
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": REDIS_URL, "FABFLOW_ENV": "production",
                   "FABFLOW_SECRET_KEY": SECRET_KEY, "FABFLOW_VAR_DIR": tmp}  # fmt: skip
            command = [str(Path(sys.executable).parent / "fabflow"), "serve", "--port", str(port)]
            log = Path(tmp) / "serve.log"
            with server(command, env, log) as process:
                await _wait_for(port, process, log)
                for count in counts:
                    figures[str(count)] = await _compare(port, secret, process.pid, count, changes, processes)
        await get_bus().close()
        await db.close()
    finally:
        await _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return figures


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _compare(
    port: int, secret: str, pid: int, count: int, changes: int, processes: int
) -> dict[str, Any]:
    """Both sides at `count` subscribers; prints them and returns their figures."""
    redis_side = summary(await bare_redis(count, changes, processes))
    cpu_before = _cpu_seconds(pid)
    ws_url = f"ws://127.0.0.1:{port}/graphql"
    fabflow_side = summary(await fabflow(ws_url, secret, count, changes, processes))
    cpu_per_frame = (_cpu_seconds(pid) - cpu_before) * 1e6 / max(1, fabflow_side["frames"])
    fabflow_side["server_cpu_us_per_frame"] = round(cpu_per_frame, 1)
    over = {p: round(fabflow_side[p] - redis_side[p], 2) for p in ("p50", "p99")}
    print(
        f"{count:>5} subscribers  bare Redis p50 {redis_side['p50']:7.2f} p99 {redis_side['p99']:7.2f} ms"
        f"  |  commit → frame p50 {fabflow_side['p50']:7.2f} p99 {fabflow_side['p99']:7.2f} ms"
        f"  (+{over['p50']:.2f} / +{over['p99']:.2f} ms; {fabflow_side['frames']} frames;"
        f" server CPU {cpu_per_frame:.0f} µs per frame)",
        flush=True,
    )
    return {"redis": redis_side, "fabflow": fabflow_side,
            "p50_over_redis_ms": over["p50"], "p99_over_redis_ms": over["p99"]}  # fmt: skip


async def _wait_for(port: int, process: Any, log: Path) -> None:
    import httpx
    from tree_query import wait_until_up

    async with httpx.AsyncClient() as client:
        await wait_until_up(client, f"http://127.0.0.1:{port}/healthz", process, log)


def append(figures: dict[str, Any], options: argparse.Namespace) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    line = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "commit": commit,
            "load": os.getloadavg()[0], "changes": options.changes,
            "client_processes": options.client_processes, "subscribers": figures}  # fmt: skip
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--client-processes", type=int, default=2)
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    figures = asyncio.run(run(options.subscribers, options.changes, options.client_processes))
    append(figures, options)


if __name__ == "__main__":
    main()
