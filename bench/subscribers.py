"""Live fan-out: commit → frame of `orderStatusChanged` at 1, 100 and 1,000 subscribers, against bare Redis.

For each subscriber count, in one run:
  (r) bare Redis: that many redis-py pub/sub connections on one channel; the bench publishes a
      timestamp 200 times, 50 ms apart; latency = publish → receive.
  (f) Fabflow: `fabflow serve` in production mode (PostgreSQL scratch database, Redis bus), that
      many websocket connections each subscribed to `orderStatusChanged` with the same secret key;
      the bench makes 200 status changes, 50 ms apart, through the services (start, then cancel,
      100 orders); latency = the change's commit (the frame's `at`) → the frame's arrival.
Subscribers run in `--client-processes` processes, the same for both sides, and read with the same
lean client (a bare asyncio protocol: the time of receipt first, payloads parsed after the run), so
neither side's figures are mostly the cost of reading them. Prints p50/p99, the differences, the
server's CPU per frame and where the CPU went (server, Redis, the publishing bench, the
subscribers: they share the machine's cores), and appends one JSON line to
`bench/results/subscribers.jsonl`.

    python bench/subscribers.py [--subscribers 1 100 1000] [--changes 200] [--client-processes 2]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
#
# Both sides read with the same lean client: a bare asyncio protocol that notes the time a chunk
# arrived before anything else, cuts it into messages (websocket frames, or Redis pub/sub replies)
# and keeps each with its arrival; the payloads are parsed only after the run. The figures are
# then the server's (or Redis's), not the cost of reading them.

Arrival = tuple[float, bytes]  # (time.time() at receipt, the message's payload)


class _Lean(asyncio.Protocol):
    """Reads a stream of messages; `take` cuts the next complete one off the buffer."""

    def __init__(self, heard: Callable[[Arrival], None]) -> None:
        self.heard = heard
        self.buffer = b""
        self.first = asyncio.get_running_loop().create_future()  # the first message
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        now = time.time()
        self.buffer = self.buffer + data if self.buffer else data
        while (message := self.take()) is not None:
            if not self.first.done():
                self.first.set_result(message)
            else:
                self.heard((now, message))

    def take(self) -> bytes | None:
        raise NotImplementedError

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.first.done():
            self.first.set_exception(ConnectionError("closed before its first message"))


class _RedisReplies(_Lean):
    """RESP arrays of bulk strings (`subscribe` and `message` replies); a message's payload is its last."""

    def take(self) -> bytes | None:
        buffer, position = self.buffer, 0
        if not buffer.startswith(b"*"):
            return None
        end = buffer.find(b"\r\n")
        if end < 0:
            return None
        items, position = int(buffer[1:end]), end + 2
        last = b""
        for _ in range(items):
            end = buffer.find(b"\r\n", position)
            if end < 0:
                return None
            if buffer[position : position + 1] == b":":  # an integer (the subscription count)
                last, position = buffer[position + 1 : end], end + 2
                continue
            size = int(buffer[position + 1 : end])
            if len(buffer) < end + 2 + size + 2:
                return None
            last, position = buffer[end + 2 : end + 2 + size], end + 2 + size + 2
        self.buffer = buffer[position:]
        return last


class _WebSocketFrames(_Lean):
    """A server's websocket frames (unmasked, unfragmented); the HTTP upgrade answer comes first."""

    upgraded = False

    def take(self) -> bytes | None:
        buffer = self.buffer
        if not self.upgraded:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return None
            self.upgraded, self.buffer = True, buffer[end + 4 :]
            return buffer[:end]
        if len(buffer) < 2:
            return None
        size, start = buffer[1] & 0x7F, 2
        if size == 126:
            size, start = int.from_bytes(buffer[2:4]), 4
        elif size == 127:
            size, start = int.from_bytes(buffer[2:10]), 10
        if len(buffer) < start + size:
            return None
        self.buffer = buffer[start + size :]
        if buffer[0] & 0x0F == 0x9 and self.transport is not None:  # a ping: answer it, read on
            self.transport.write(_client_frame(buffer[start : start + size], opcode=0xA))
            return self.take()
        return buffer[start : start + size]


def _client_frame(data: bytes, opcode: int = 0x1) -> bytes:
    """A masked frame (text unless told), as a client must send it."""
    mask, size, first = os.urandom(4), len(data), 0x80 | opcode
    header = bytes([first, 0x80 | size]) if size < 126 else bytes([first, 0xFE]) + size.to_bytes(2)
    masked = (int.from_bytes(data) ^ int.from_bytes((mask * (size // 4 + 1))[:size])).to_bytes(size)
    return header + mask + masked


def _clients(kind: str, target: str, token: str, count: int, expected: int, ready: Any, out: Any) -> None:
    """One subscriber process: `count` connections; sends back every latency it measured (ms) and
    the CPU seconds it spent reading them."""
    out.send(asyncio.run(_listen(kind, target, token, count, expected, ready)))


async def _listen(
    kind: str, target: str, token: str, count: int, expected: int, ready: Any
) -> tuple[list[float], float]:
    arrivals: list[Arrival] = []
    done = asyncio.Event()
    wanted = expected * count

    def heard(arrival: Arrival) -> None:
        arrivals.append(arrival)
        if len(arrivals) >= wanted:
            done.set()

    opened = [await (_redis_listener if kind == "redis" else _ws_listener)(target, token, heard)
              for _ in range(count)]  # fmt: skip
    await asyncio.sleep(1.0)  # every subscription registered at the far end
    ready.set()
    cpu = time.process_time()
    try:
        await asyncio.wait_for(done.wait(), timeout=expected * GAP + 60)
    except TimeoutError:
        print(f"{kind}: {len(arrivals)} of {wanted} frames arrived", file=sys.stderr)
    cpu = time.process_time() - cpu
    for transport in opened:
        transport.close()
    return [latency for arrival in arrivals if (latency := _latency(kind, arrival)) is not None], cpu


def _latency(kind: str, arrival: Arrival) -> float | None:
    """Receipt minus the moment the message carries (the publish, or the change's commit), in ms."""
    at, payload = arrival
    if kind == "redis":
        return (at - float(payload)) * 1000
    frame = json.loads(payload)
    if frame.get("type") != "next":
        return None
    moment = datetime.fromisoformat(frame["payload"]["data"]["orderStatusChanged"]["at"])
    return (at - moment.timestamp()) * 1000


async def _redis_listener(url: str, _token: str, heard: Any) -> asyncio.Transport:
    address = urlsplit(url)
    loop = asyncio.get_running_loop()
    transport, reader = await loop.create_connection(
        lambda: _RedisReplies(heard), address.hostname, address.port or 6379
    )
    channel = CHANNEL.encode()
    transport.write(b"*2\r\n$9\r\nSUBSCRIBE\r\n$%d\r\n%s\r\n" % (len(channel), channel))
    await reader.first  # the subscription's confirmation
    return transport


async def _ws_listener(url: str, token: str, heard: Any) -> asyncio.Transport:
    address = urlsplit(url)
    loop = asyncio.get_running_loop()
    transport, reader = await loop.create_connection(
        lambda: _WebSocketFrames(heard), address.hostname, address.port
    )
    key = base64.b64encode(os.urandom(16)).decode()
    transport.write(
        f"GET {address.path} HTTP/1.1\r\nHost: {address.netloc}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n".encode()
    )
    answer = await reader.first
    assert answer.startswith(b"HTTP/1.1 101"), answer
    reader.first = loop.create_future()
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
    transport.write(_client_frame(json.dumps(init).encode()))
    assert json.loads(await reader.first)["type"] == "connection_ack"
    subscribe = {"id": "1", "type": "subscribe", "payload": {"query": STATUS}}
    transport.write(_client_frame(json.dumps(subscribe).encode()))
    return transport


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


def _collect(processes: list[Any], pipes: list[Any]) -> tuple[list[float], float]:
    latencies: list[float] = []
    cpu = 0.0
    for process, pipe in zip(processes, pipes, strict=True):
        heard, spent = pipe.recv()
        latencies += heard
        cpu += spent
        process.join()
    return latencies, cpu


class CpuSplit:
    """CPU seconds spent from `start` to `stop` by the server, Redis and this process (the publisher);
    the subscriber processes report their own. Redis is shared with whatever else uses it."""

    def __init__(self, server_pid: int, redis_pid: int | None) -> None:
        self.pids = {"server": server_pid, "redis": redis_pid}
        self.spent: dict[str, float] = {}

    def start(self) -> None:
        self.spent = {name: -_cpu_seconds(pid) for name, pid in self.pids.items() if pid}
        self.spent["publisher"] = -time.process_time()

    def stop(self, clients: float) -> dict[str, float]:
        for name, pid in self.pids.items():
            if pid:
                self.spent[name] += _cpu_seconds(pid)
        self.spent["publisher"] += time.process_time()
        self.spent["clients"] = clients
        return {name: round(seconds, 2) for name, seconds in self.spent.items()}


async def _all_ready(readies: list[Any]) -> None:
    while not all(ready.is_set() for ready in readies):
        await asyncio.sleep(0.05)


# ---------------------------------------------------------------- the two sides


async def bare_redis(
    subscribers: int, changes: int, processes: int, cpu: CpuSplit
) -> tuple[list[float], dict[str, float]]:
    import redis.asyncio as redis

    started, pipes, readies = _start_clients("redis", REDIS_URL, "", subscribers, changes, processes)
    await _all_ready(readies)
    cpu.start()
    client = redis.Redis.from_url(REDIS_URL)
    for _ in range(changes):
        await client.publish(CHANNEL, repr(time.time()))
        await asyncio.sleep(GAP)
    await client.aclose()
    latencies, clients = await asyncio.to_thread(_collect, started, pipes)
    return latencies, cpu.stop(clients)


async def fabflow(
    ws_url: str, secret: str, subscribers: int, changes: int, processes: int, cpu: CpuSplit
) -> tuple[list[float], dict[str, float]]:
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
    cpu.start()
    made = 0
    for order in orders:
        run = await flow_runs.start_order_flow(admin, order.id)
        made += 1
        await asyncio.sleep(GAP)
        if made < changes:
            await flow_runs.cancel_run(admin, run.id, "bench")
            made += 1
            await asyncio.sleep(GAP)
    latencies, clients = await asyncio.to_thread(_collect, started, pipes)
    return latencies, cpu.stop(clients)


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


async def _redis_pid() -> int | None:
    """Redis's process, when it runs on this machine (its CPU is then part of the split)."""
    import redis.asyncio as redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        pid = int((await client.info("server"))["process_id"])
    finally:
        await client.aclose()
    return pid if Path(f"/proc/{pid}/stat").exists() else None


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _compare(
    port: int, secret: str, pid: int, count: int, changes: int, processes: int
) -> dict[str, Any]:
    """Both sides at `count` subscribers; prints them and returns their figures."""
    cpu = CpuSplit(pid, await _redis_pid())
    latencies, redis_cpu = await bare_redis(count, changes, processes, cpu)
    redis_side = {**summary(latencies), "cpu_seconds": redis_cpu}
    ws_url = f"ws://127.0.0.1:{port}/graphql"
    latencies, fabflow_cpu = await fabflow(ws_url, secret, count, changes, processes, cpu)
    fabflow_side = {**summary(latencies), "cpu_seconds": fabflow_cpu}
    cpu_per_frame = fabflow_cpu["server"] * 1e6 / max(1, fabflow_side["frames"])
    fabflow_side["server_cpu_us_per_frame"] = round(cpu_per_frame, 1)
    over = {p: round(fabflow_side[p] - redis_side[p], 2) for p in ("p50", "p99")}
    print(
        f"{count:>5} subscribers  bare Redis p50 {redis_side['p50']:7.2f} p99 {redis_side['p99']:7.2f} ms"
        f"  |  commit → frame p50 {fabflow_side['p50']:7.2f} p99 {fabflow_side['p99']:7.2f} ms"
        f"  (+{over['p50']:.2f} / +{over['p99']:.2f} ms; {fabflow_side['frames']} frames;"
        f" server CPU {cpu_per_frame:.0f} µs per frame)",
        flush=True,
    )
    for side, spent in (("bare Redis", redis_cpu), ("commit → frame", fabflow_cpu)):
        print(f"        CPU seconds, {side}: " + ", ".join(f"{k} {v:.2f}" for k, v in spent.items()))
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
