"""Orders under load: `--clients` clients post orders for `--seconds`, a server and 2 workers run their flows.

    .venv/bin/python bench/flow_load.py [--clients 20] [--seconds 60] [--broker-url amqp://…]

On a scratch PostgreSQL database and the Redis database of `bench/flow_engine.py`, in production
mode: one `fabflow serve`, 2 `fabflow worker` processes (8 threads). Each client posts the example
order (`tests/examples/order-eyewear.json`, without its `updateUrl`) to `POST /api/v1/orders`, one
after the other, naming the bench's flow of three no-op tasks (`wait` 0). Printed: orders accepted
per second, flows finished per second while the load lasted and their ratio, how long the backlog
took to drain afterwards, and the messages the sweep re-sent (each would be a second message for a
task whose first one was still queued: no message is lost here). One JSON line goes to
`bench/results/flow_load.jsonl`.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import flow_engine as bench  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "flow_load.jsonl"
EXAMPLE = ROOT / "tests" / "examples" / "order-eyewear.json"
SWEPT = re.compile(r"resent=(\d+), released=(\d+), resumed=(\d+)")


async def post_orders(url: str, secret: str, flow_key: str, clients: int, seconds: float) -> tuple[int, int]:
    import httpx

    template = json.loads(EXAMPLE.read_text())
    template["order"].pop("updateUrl", None)
    template["order"].update(spaceKey=bench.SPACE_KEY, flowKey=flow_key)
    accepted = errors = 0
    deadline = time.monotonic() + seconds

    async def client(index: int) -> None:
        nonlocal accepted, errors
        headers = {"Authorization": f"Bearer {secret}"}
        async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as http:
            number = 0
            while time.monotonic() < deadline:
                body = copy.deepcopy(template)
                body["order"]["thirdPartyOrderId"] = f"LOAD-{index}-{number}"
                number += 1
                answer = await http.post("/api/v1/orders", json=body)
                if answer.status_code == 201:
                    accepted += 1
                else:
                    errors += 1

    await asyncio.gather(*(client(index) for index in range(clients)))
    return accepted, errors


async def finished() -> int:
    from server.domain.statuses import OrderStatus
    from server.models import Order

    return await Order.filter(status=OrderStatus.SUCCESS, name__startswith="LOAD-").count()


def swept(logs: Path) -> tuple[int, int, int]:
    resent = released = resumed = 0
    for log in logs.glob("worker-*.log"):
        for match in SWEPT.finditer(log.read_text(errors="replace")):
            resent += int(match[1])
            released += int(match[2])
            resumed += int(match[3])
    return resent, released, resumed


async def run(args: argparse.Namespace, database_url: str, scratch: Path) -> dict[str, Any]:
    from server import db

    env = bench.child_env(database_url, scratch)
    await db.migrate(database_url)
    try:
        setup = await bench.prepare(1000)
        port = bench.free_port()
        url = f"http://127.0.0.1:{port}"
        commands = {
            "server": [bench.FABFLOW, "serve", "--host", "127.0.0.1", "--port", str(port)],
            **{f"worker-{index}": [bench.FABFLOW, "worker", "--threads", "8"] for index in range(2)},
        }
        bench.forget_workers()
        with bench.children(commands, env, scratch) as processes:
            await bench.until_serving(url, processes)
            workers = bench.Children(scratch, {k: v for k, v in processes.running.items() if k != "server"})
            await bench.until_polling("fabflow", workers)
            started = time.perf_counter()
            accepted, errors = await post_orders(url, setup.secret, setup.no_ops, args.clients, args.seconds)
            load_seconds = time.perf_counter() - started
            during = await finished()
            while await finished() < accepted:
                processes.check()
                if time.perf_counter() - started > load_seconds + 600:
                    raise TimeoutError("the backlog did not drain in 10 minutes")
                await asyncio.sleep(0.5)
            drained = time.perf_counter() - started - load_seconds
            await asyncio.sleep(bench_sweeps_s := 6.0)  # one more sweep after the last order finished
            resent, released, resumed = swept(scratch)
    finally:
        await db.close()
    return {
        "clients": args.clients,
        "seconds": round(load_seconds, 1),
        "accepted": accepted,
        "errors": errors,
        "accepted_per_s": round(accepted / load_seconds, 1),
        "finished_during_load": during,
        "finished_per_s_during_load": round(during / load_seconds, 1),
        "finished_over_intake": round(during / accepted, 3) if accepted else 0.0,
        "backlog_drained_after_s": round(drained, 1),
        "sweep_resent": resent,
        "sweep_released": released,
        "sweep_resumed": resumed,
        "sweep_wait_after_s": bench_sweeps_s,
    }


async def main(args: argparse.Namespace) -> None:
    import asyncpg

    name = f"fabflow_load_{uuid.uuid4().hex[:10]}"
    server = bench.POSTGRES_URL.rpartition("/")[0]
    admin = await asyncpg.connect(bench._dsn(bench.POSTGRES_URL), timeout=5)
    load_before = os.getloadavg()
    bench.flush_redis()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            with (
                bench.scratch_vhost(args.broker_url or bench.REDIS_URL) as url,
                tempfile.TemporaryDirectory(prefix="fabflow-load-") as scratch,
            ):
                os.environ[bench.BROKER_ENV] = url
                figures = await run(args, f"{server}/{name}", Path(scratch))
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
        bench.flush_redis()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    line = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "load_before": list(load_before),
        "load_after": list(os.getloadavg()),
        "broker": "rabbitmq" if bench.is_rabbitmq() else "redis",
        **figures,
    }
    print(
        f"{figures['clients']} clients for {figures['seconds']} s: {figures['accepted']} orders accepted "
        f"({figures['accepted_per_s']}/s, {figures['errors']} errors); flows finished while the load lasted: "
        f"{figures['finished_during_load']} ({figures['finished_per_s_during_load']}/s, "
        f"{figures['finished_over_intake']:.0%} of the intake); backlog drained "
        f"{figures['backlog_drained_after_s']} s after the load; the sweep re-sent {figures['sweep_resent']} "
        f"run messages and {figures['sweep_resumed']} wake-ups (released {figures['sweep_released']} leases)"
    )
    print(f"load average before: {load_before}; after: {line['load_after']}")
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--broker-url", default="", help="as in bench/flow_engine.py (default: Redis)")
    asyncio.run(main(parser.parse_args()))
