"""Live fan-out: commit → frame of `orderStatusChanged` at 1, 100 and 1,000 subscribers, against bare Redis.

For each subscriber count, in one run:
  (r) bare Redis: that many redis-py pub/sub connections on one channel; the bench publishes a
      timestamp 200 times, 50 ms apart; latency = publish → receive.
  (f) Fabflow: `fabflow serve` in production mode (PostgreSQL scratch database, Redis bus), that
      many websocket connections each subscribed to `orderStatusChanged` with the same secret key;
      the bench makes 200 status changes, 50 ms apart, through the services (start, then cancel,
      100 orders); latency = the change's commit (the frame's `at`) → the frame's arrival.
Subscribers run in `--client-processes` processes, the same for both sides, and read with the same
lean client (plain sockets on one epoll noting each chunk's arrival; messages cut after the run), so
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
import bisect
import json
import multiprocessing
import os
import select
import socket
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
# Both sides read with the same lean client: plain sockets (connected and subscribed before the
# run) on one epoll; while the changes come, a subscriber process only notes each chunk it receives
# with the time it arrived. After the run, each connection's bytes are cut into messages (websocket
# frames, or Redis pub/sub replies), each arriving with the chunk that completed it. The figures
# are then the server's (or Redis's), not the cost of reading them.

Chunk = tuple[float, bytes]  # (time.time() at receipt, the bytes received)
HANDSHAKE_TIMEOUT = 30.0  # seconds a subscriber waits for its connection and subscription
QUIET = 0.5  # seconds without a byte, after the changes, that end a subscriber's run


def _clients(kind: str, target: str, token: str, count: int, marks: Any, out: Any) -> None:
    """One subscriber process: `count` connections; sends back every latency it measured (ms) and
    the CPU seconds it spent receiving them. `marks`: (ready, changes made) events."""
    ready, made = marks
    sockets = [(_redis_socket if kind == "redis" else _ws_socket)(target, token) for _ in range(count)]
    time.sleep(1.0)  # every subscription registered at the far end
    ready.set()
    cpu = time.process_time()
    received = _receive(sockets, made)
    cpu = time.process_time() - cpu
    latencies = [_latency(kind, arrival, payload)
                 for chunks in received.values() for arrival, payload in _messages(kind, chunks)]  # fmt: skip
    for sock in sockets:
        sock.close()
    out.send(([latency for latency in latencies if latency is not None], cpu))


def _receive(sockets: list[socket.socket], made: Any) -> dict[int, list[Chunk]]:
    """Every chunk each socket receives until the changes are made and the sockets fall quiet."""
    poller = select.epoll()
    by_fd = {sock.fileno(): sock for sock in sockets}
    received: dict[int, list[Chunk]] = {fd: [] for fd in by_fd}
    for fd, sock in by_fd.items():
        sock.setblocking(False)
        poller.register(fd, select.EPOLLIN)
    last = time.time()
    while True:
        events = poller.poll(0.1)
        now = time.time()
        for fd, _ in events:
            data = by_fd[fd].recv(1 << 16)
            if not data:
                poller.unregister(fd)
                continue
            if data[0] == 0x89:  # a websocket ping (alone in its chunk): answer it
                by_fd[fd].send(_client_frame(data[2 : 2 + (data[1] & 0x7F)], opcode=0xA))
                continue
            received[fd].append((now, data))
            last = now
        if not events and made.is_set() and now - last > QUIET:
            poller.close()
            return received


def _messages(kind: str, chunks: list[Chunk]) -> list[tuple[float, bytes]]:
    """One connection's messages, each with the arrival of the chunk that completed it."""
    buffer = b"".join(data for _, data in chunks)
    ends, total = [], 0
    for _, data in chunks:
        total += len(data)
        ends.append(total)
    cut = _redis_messages if kind == "redis" else _ws_frames
    return [(chunks[bisect.bisect_left(ends, end)][0], payload) for end, payload in cut(buffer)]


def _redis_messages(buffer: bytes) -> list[tuple[int, bytes]]:
    """`message` replies (RESP arrays of three bulk strings): where each ends, and its payload."""
    found, position = [], 0
    while position < len(buffer):
        assert buffer.startswith(b"*3\r\n", position), buffer[position : position + 40]
        position += 4
        items = []
        for _ in range(3):
            end = buffer.index(b"\r\n", position)
            size = int(buffer[position + 1 : end])
            items.append(buffer[end + 2 : end + 2 + size])
            position = end + 2 + size + 2
        found.append((position, items[2]))
    return found


def _ws_frames(buffer: bytes) -> list[tuple[int, bytes]]:
    """A server's websocket frames (unmasked, unfragmented): where each ends, and its payload."""
    found, position = [], 0
    while position + 2 <= len(buffer):
        size, start = buffer[position + 1] & 0x7F, position + 2
        if size == 126:
            size, start = int.from_bytes(buffer[start : start + 2]), start + 2
        elif size == 127:
            size, start = int.from_bytes(buffer[start : start + 8]), start + 8
        if buffer[position] & 0x0F == 0x1:
            found.append((start + size, buffer[start : start + size]))
        position = start + size
    return found


def _latency(kind: str, at: float, payload: bytes) -> float | None:
    """Receipt minus the moment the message carries (the publish, or the change's commit), in ms."""
    if kind == "redis":
        return (at - float(payload)) * 1000
    frame = json.loads(payload)
    if frame.get("type") != "next":
        return None
    moment = datetime.fromisoformat(frame["payload"]["data"]["orderStatusChanged"]["at"])
    return (at - moment.timestamp()) * 1000


def _client_frame(data: bytes, opcode: int = 0x1) -> bytes:
    """A masked frame (text unless told), as a client must send it."""
    mask, size, first = os.urandom(4), len(data), 0x80 | opcode
    header = bytes([first, 0x80 | size]) if size < 126 else bytes([first, 0xFE]) + size.to_bytes(2)
    masked = (int.from_bytes(data) ^ int.from_bytes((mask * (size // 4 + 1))[:size])).to_bytes(size)
    return header + mask + masked


def _read_until(sock: socket.socket, done: Callable[[bytes], bool]) -> bytes:
    buffer = b""
    while not done(buffer):
        data = sock.recv(1 << 16)
        if not data:
            raise ConnectionError(f"closed after {buffer!r}")
        buffer += data
    return buffer


def _redis_socket(url: str, _token: str) -> socket.socket:
    address = urlsplit(url)
    sock = socket.create_connection((address.hostname, address.port or 6379), timeout=HANDSHAKE_TIMEOUT)
    channel = CHANNEL.encode()
    sock.sendall(b"*2\r\n$9\r\nSUBSCRIBE\r\n$%d\r\n%s\r\n" % (len(channel), channel))
    _read_until(sock, lambda buffer: buffer.count(b"\r\n") == 6)  # the confirmation, `:1` last
    return sock


def _ws_socket(url: str, token: str) -> socket.socket:
    address = urlsplit(url)
    sock = socket.create_connection((address.hostname, address.port), timeout=HANDSHAKE_TIMEOUT)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET {address.path} HTTP/1.1\r\nHost: {address.netloc}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n".encode()
    )
    answer = _read_until(sock, lambda buffer: b"\r\n\r\n" in buffer)
    assert answer.startswith(b"HTTP/1.1 101") and answer.endswith(b"\r\n\r\n"), answer
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
    sock.sendall(_client_frame(json.dumps(init).encode()))
    ack = _read_until(sock, lambda buffer: len(buffer) >= 2 and len(buffer) >= 2 + (buffer[1] & 0x7F))
    assert json.loads(ack[2:])["type"] == "connection_ack", ack
    subscribe = {"id": "1", "type": "subscribe", "payload": {"query": STATUS}}
    sock.sendall(_client_frame(json.dumps(subscribe).encode()))
    return sock


def _start_clients(
    kind: str, target: str, token: str, subscribers: int, processes: int
) -> tuple[list[Any], list[Any], list[Any], Any]:
    """The subscriber processes, the pipes they answer on, their ready events, and the event that
    tells them the changes are made."""
    context = multiprocessing.get_context("spawn")
    shares = [subscribers // processes + (1 if i < subscribers % processes else 0) for i in range(processes)]
    started, pipes, readies, made = [], [], [], context.Event()
    for share in (s for s in shares if s):
        ready = context.Event()
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_clients, args=(kind, target, token, share, (ready, made), send))
        process.start()
        started.append(process)
        pipes.append(receive)
        readies.append(ready)
    return started, pipes, readies, made


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

    started, pipes, readies, finished = _start_clients("redis", REDIS_URL, "", subscribers, processes)
    await _all_ready(readies)
    cpu.start()
    client = redis.Redis.from_url(REDIS_URL)
    for _ in range(changes):
        await client.publish(CHANNEL, repr(time.time()))
        await asyncio.sleep(GAP)
    await client.aclose()
    finished.set()
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
    started, pipes, readies, finished = _start_clients("ws", ws_url, secret, subscribers, processes)
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
    finished.set()
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
