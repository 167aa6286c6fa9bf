"""Order intake throughput: `create_order` against the same rows inserted with raw asyncpg.

    .venv/bin/python bench/create_order.py [--parts 20] [--orders 300] [--warmup 30] [--rounds 3]

Makes a scratch database on the PostgreSQL server at `FABFLOW_BENCH_DATABASE_URL` (default
postgres://postgres@127.0.0.1:5432/postgres), migrates it, and creates orders of 2 products ×
`--parts`/2 parts (half of them top-level, each with a child), one asset of 2 versions per part,
2 addresses: 86 rows per order at 20 parts, 806 at 200. Two ways, sequentially, one transaction per
order, in alternating rounds:

  (a) the service: `create_order(actor, payload)`, as GraphQL and REST call it (checks, space and
      idempotency look-ups, Tortoise bulk inserts);
  (b) the floor: the same rows built from the payload by a plain walk and written with asyncpg
      `executemany`, one statement per table, no checks.

It prints orders/s of each, the ratio, the statements of one (a), and where (a)'s extra time goes
(parsing and hashing, building the rows), and appends one JSON line (commit, load average, figures)
to `bench/results/create_order.jsonl`. The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "FABFLOW_BENCH_DATABASE_URL",
    os.environ.get("FABFLOW_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
)
SPACE_KEY = "bench"
PRODUCTS = 2
VERSIONS = 2
RESULTS = ROOT / "bench" / "results" / "create_order.jsonl"
Json = dict[str, Any]


# ---------------------------------------------------------------- the orders


def payload(name: str, top_parts: int) -> Json:
    """An order of 2 products × `top_parts` top-level parts, each with one child part."""
    return {
        "order": {
            "spaceKey": SPACE_KEY,
            "thirdPartyOrderId": name,
            "addresses": [
                {"addressType": "shipping", "purpose": "delivery", "data": {"city": "Gent", "country": "BE"}},
                {"addressType": "billing", "purpose": "invoice", "data": {"vat": "BE0123456789"}},
            ],
            "data": {
                "customerInfo": {"name": "Ada Peeters", "email": "ada@example.com"},
                "channel": "webshop",
            },
            "orderLines": [_line(name, p, top_parts) for p in range(PRODUCTS)],
        }
    }


def _line(name: str, index: int, top_parts: int) -> Json:
    return {
        "orderId": f"cfg-{index}",
        "title": f"Frame {index}",
        "data": {"width": 52, "bridge": 18, "color": "tortoise"},
        "deadline": "2026-12-05T17:00:00Z",
        "amountOfUnits": 1 + index,
        "valuePerUnit": "189.00",
        "items": [
            _part(name, f"p{index}-{t}", [_part(name, f"p{index}-{t}-child", [])]) for t in range(top_parts)
        ],
    }


def _part(name: str, client_id: str, children: list[Json]) -> Json:
    url = f"https://cdn.example.com/{name}/{client_id}"
    return {
        "id": client_id,
        "data": {"name": client_id.title(), "material": "PA12"},
        "tags": ["sls"],
        "isAsset": False,
        "items": children,
        "assets": [
            {
                "id": f"{client_id}-stl",
                "url": f"{url}.stl",
                "isPublic": False,
                "versions": [
                    {"url": f"{url}-v{v}.stl", "date": f"2026-11-2{v}T09:00:00Z"} for v in range(VERSIONS)
                ],
            }
        ],
    }


# ---------------------------------------------------------------- (b) the floor: raw asyncpg

INSERTS = {
    "fab_order": (
        "id", "space_id", "name", "status", "value", "deadline", "tags", "data", "flow_key", "update_url",
        "thumbnail_url", "intake_hash", "search_text", "created_at", "updated_at",
    ),
    "address": ("id", "order_id", "position", "address_type", "purpose", "data"),
    "product": (
        "id", "order_id", "position", "client_id", "title", "data", "amount_of_units", "value_per_unit",
        "deadline", "thumbnail_url", "created_at",
    ),
    "part": (
        "id", "order_id", "product_id", "parent_id", "position", "client_id", "name", "data", "tags",
        "is_asset", "created_at",
    ),
    "asset": (
        "id", "order_id", "product_id", "part_id", "position", "client_id", "name", "url", "is_public",
        "kind", "created_at",
    ),
    "asset_version": ("id", "asset_id", "position", "url", "date"),
    "event": ("id", "order_id", "kind", "message", "data", "actor", "created_at"),
}  # fmt: skip
SQL = {
    table: f'INSERT INTO "{table}" ({", ".join(columns)}) '
    f"VALUES ({', '.join(f'${i + 1}' for i in range(len(columns)))})"
    for table, columns in INSERTS.items()
}


def raw_rows(body: Json, space_id: uuid.UUID) -> dict[str, list[tuple[Any, ...]]]:
    """The rows (b) writes, by a plain walk of the payload: what hand-written SQL would do."""
    order = body["order"]
    now = datetime.now(UTC)
    order_id = uuid.uuid4()
    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in INSERTS}
    deadline = datetime.fromisoformat(order["orderLines"][0]["deadline"])
    value = sum(Decimal(str(line["valuePerUnit"])) * line["amountOfUnits"] for line in order["orderLines"])
    rows["fab_order"].append(
        (order_id, space_id, order["thirdPartyOrderId"], "CREATED", value, deadline, "[]",
         json.dumps(order["data"]), None, None, None, "0" * 64, order["thirdPartyOrderId"].lower(), now, now)
    )  # fmt: skip
    for position, address in enumerate(order["addresses"]):
        rows["address"].append(
            (
                uuid.uuid4(),
                order_id,
                position,
                address["addressType"],
                address["purpose"],
                json.dumps(address["data"]),
            )
        )
    for position, line in enumerate(order["orderLines"]):
        product_id = uuid.uuid4()
        rows["product"].append(
            (product_id, order_id, position, line["orderId"], line["title"], json.dumps(line["data"]),
             line["amountOfUnits"], Decimal(line["valuePerUnit"]), datetime.fromisoformat(line["deadline"]),
             None, now)
        )  # fmt: skip
        for index, item in enumerate(line["items"]):
            _raw_part(rows, item, order_id, product_id, None, index, now)
    rows["event"].append((uuid.uuid4(), order_id, "order.created", "received", "{}", "system", now))
    return rows


def _raw_part(
    rows: dict[str, list[tuple[Any, ...]]],
    item: Json,
    order_id: uuid.UUID,
    product_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    position: int,
    now: datetime,
) -> None:
    part_id = uuid.uuid4()
    rows["part"].append(
        (part_id, order_id, product_id, parent_id, position, item["id"], item["data"]["name"],
         json.dumps(item["data"]), json.dumps(item["tags"]), item["isAsset"], now)
    )  # fmt: skip
    for index, asset in enumerate(item["assets"]):
        asset_id = uuid.uuid4()
        rows["asset"].append(
            (asset_id, order_id, product_id, part_id, index, asset["id"], asset["url"].rsplit("/", 1)[1],
             asset["url"], asset["isPublic"], "production", now)
        )  # fmt: skip
        for v, version in enumerate(asset["versions"]):
            rows["asset_version"].append(
                (uuid.uuid4(), asset_id, v, version["url"], datetime.fromisoformat(version["date"]))
            )
    for index, child in enumerate(item["items"]):
        _raw_part(rows, child, order_id, product_id, part_id, index, now)


async def raw_insert(conn: Any, body: Json, space_id: uuid.UUID) -> None:
    rows = raw_rows(body, space_id)
    async with conn.transaction():
        for table, batch in rows.items():
            if batch:
                await conn.executemany(SQL[table], batch)


# ---------------------------------------------------------------- running


async def timed(count: int, one: Callable[[int], Coroutine[Any, Any, object]]) -> float:
    """Seconds for `count` sequential calls of `one(i)`."""
    started = time.perf_counter()
    for index in range(count):
        await one(index)
    return time.perf_counter() - started


def pure_costs(samples: int, top_parts: int) -> tuple[float, float]:
    """Microseconds per order of parsing + hashing, and of building the rows (no I/O)."""
    from server.domain.order_input import intake_hash, parse_order_input
    from server.services.orders.writes import tree_rows

    bodies = [payload(f"PURE-{i}", top_parts) for i in range(samples)]
    started = time.perf_counter()
    parsed = [parse_order_input(body) for body in bodies]
    for order in parsed:
        intake_hash(order)  # type: ignore[arg-type]
    parse_us = (time.perf_counter() - started) / samples * 1e6
    started = time.perf_counter()
    for order in parsed:
        tree_rows(order, uuid.uuid4(), "0" * 64, "system", datetime.now(UTC))  # type: ignore[arg-type]
    rows_us = (time.perf_counter() - started) / samples * 1e6
    return parse_us, rows_us


async def run(args: argparse.Namespace, url: str) -> None:
    import asyncpg

    from server import db
    from server.domain.actors import SYSTEM
    from server.services.auth import create_space
    from server.services.orders.intake import create_order
    from server.services.sql_count import count_statements

    await db.migrate(url)
    space = await create_space(SYSTEM, SPACE_KEY, "Bench")
    conn = await asyncpg.connect(_dsn(url))
    try:

        def service(prefix: str) -> Callable[[int], Coroutine[Any, Any, object]]:
            return lambda i: create_order(SYSTEM, payload(f"{prefix}-{i}", args.top_parts))

        def floor(prefix: str) -> Callable[[int], Coroutine[Any, Any, object]]:
            return lambda i: raw_insert(conn, payload(f"{prefix}-{i}", args.top_parts), space.id)

        await timed(args.warmup, service("WARM-A"))
        await timed(args.warmup, floor("WARM-B"))
        totals = {"service": 0.0, "floor": 0.0}
        for round_ in range(args.rounds):
            totals["service"] += await timed(args.orders, service(f"A{round_}"))
            totals["floor"] += await timed(args.orders, floor(f"B{round_}"))
        with count_statements() as log:
            await create_order(SYSTEM, payload("COUNTED", args.top_parts))
        _check(await conn.fetchval('SELECT count(*) FROM "part"'), args)
    finally:
        await conn.close()
        await db.close()
    _report(args, totals, log.statements)


def _check(parts: int, args: argparse.Namespace) -> None:
    orders = 2 * (args.warmup + args.orders * args.rounds) + 1
    expected = orders * PRODUCTS * args.top_parts * 2
    assert parts == expected, f"{parts} parts stored, {expected} expected"


def _report(args: argparse.Namespace, totals: dict[str, float], statements: list[str]) -> None:
    count = args.orders * args.rounds
    service_rate, floor_rate = count / totals["service"], count / totals["floor"]
    parse_us, rows_us = pure_costs(max(20, 4000 // args.parts), args.top_parts)
    rows = 6 + args.parts * (1 + 1 + VERSIONS)  # order, 2 addresses, 2 products, event; per part 4
    load = os.getloadavg()
    print(f"orders of {args.parts} parts, {rows} rows each; {count} orders per side in {args.rounds} rounds")
    print(f"(a) create_order (service):  {service_rate:8.1f} orders/s  {1e3 / service_rate:6.2f} ms/order")
    print(f"(b) raw asyncpg (the floor):  {floor_rate:8.1f} orders/s  {1e3 / floor_rate:6.2f} ms/order")
    print(f"ratio (b)/(a): {floor_rate / service_rate:.2f}x (the service at {service_rate / floor_rate:.0%})")
    print(f"(a) statements per order: {len(statements)} ({', '.join(_verb(s) for s in statements)})")
    print(f"(a) pure Python per order: parse + hash {parse_us:.0f} µs, build rows {rows_us:.0f} µs")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    line = {
        "at": datetime.now(UTC).isoformat(),
        "commit": _commit(),
        "load": [round(value, 2) for value in load],
        "parts": args.parts,
        "orders": count,
        "service_ms": round(1e3 / service_rate, 3),
        "floor_ms": round(1e3 / floor_rate, 3),
        "ratio": round(floor_rate / service_rate, 2),
        "statements": len(statements),
        "parse_hash_us": round(parse_us),
        "rows_us": round(rows_us),
    }
    print(json.dumps(line))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


def _commit() -> str:
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return git.stdout.strip()


def _verb(statement: str) -> str:
    words = statement.split()
    return f"{words[0]} {words[2].strip(QUOTE)}" if words[0] == "INSERT" else words[0]


QUOTE = '"'


def _dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


async def main(args: argparse.Namespace) -> None:
    import asyncpg

    name = f"fabflow_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(_dsn(DATABASE_URL), timeout=5)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            await run(args, f"{DATABASE_URL.rpartition('/')[0]}/{name}")
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", type=int, default=20, help="parts per order (a multiple of 4)")
    parser.add_argument("--orders", type=int, default=300, help="orders per side per round")
    parser.add_argument("--warmup", type=int, default=30, help="orders per side before timing")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of (a) then (b)")
    arguments = parser.parse_args()
    if arguments.parts < 4 or arguments.parts % 4:
        parser.error("--parts must be a multiple of 4")
    arguments.top_parts = arguments.parts // (2 * PRODUCTS)
    asyncio.run(main(arguments))
