"""The nested order tree: GraphQL over HTTP against one hand-written `json_agg` query.

    .venv/bin/python bench/tree_query.py [--requests 200] [--warmup 20] [--orders 50]

Makes a scratch database on the PostgreSQL server at `FABFLOW_BENCH_POSTGRES_URL`
(default postgres://postgres@127.0.0.1:5432/postgres), migrates it, seeds orders of
4 products × 5 parts (3 top-level, 2 nested) × 2 assets × 2 versions with bulk
inserts, then serves the same tree two ways, each from its own uvicorn process:

  (a) `fabflow serve` (the real launch path): `POST /graphql` with an API key of the space;
  (b) a bare Starlette route whose one SQL statement builds the whole response with
      `json_agg` / `json_build_object` (the floor).

Both answers are checked to be the same JSON before timing. Requests alternate
between (a) and (b), sequentially, after a warm-up; the script prints p50/p99 of
each, the ratio (a)/(b) at p50, the SQL statements one GraphQL request runs, and the
CPU time and minor page faults of the GraphQL server per request (a deep-stack
slowdown of CPython 3.11 shows there as page faults by the ten thousand), and appends
one JSON line (commit, load average, figures) to `bench/results/tree_query.jsonl`. With
`FABFLOW_BENCH_REDIS_URL` set the server runs as in production, with Redis; without,
it also runs the in-process worker. The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POSTGRES_URL = os.environ.get("FABFLOW_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# Set: the server runs as in production (Redis event bus, jobs left to `fabflow worker`);
# unset: it also runs the in-process worker, as `fabflow serve` does without Redis.
REDIS_URL = os.environ.get("FABFLOW_BENCH_REDIS_URL", "")
SPACE_KEY = "bench"
PRODUCTS = 4
TOP_PARTS = 3  # per product; each of the first CHILD_PARTS of them has one child part
CHILD_PARTS = 2
ASSETS = 2  # per part
VERSIONS = 2  # per asset
BASE_TIME = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
STARTUP_SECONDS = 60.0
RESULTS = ROOT / "bench" / "results" / "tree_query.jsonl"

PART_FIELDS = """
  id clientId name data tags isAsset manufacturingData createdAt
  assets { id clientId name url isPublic kind createdAt versions { url date } }
"""

TREE = f"""
query Tree($first: Int!) {{
  orders(first: $first, orderBy: {{field: NAME, direction: ASC}}) {{
    edges {{ node {{
      id name status value deadline createdAt updatedAt tags data flowKey thumbnailUrl
      addresses {{ addressType purpose data }}
      products {{
        id clientId title data amountOfUnits valuePerUnit deadline thumbnailUrl createdAt
        parts {{ ...PartFields children {{ ...PartFields }} }}
      }}
    }} }}
  }}
}}
fragment PartFields on Part {{ {PART_FIELDS} }}
"""


# ---------------------------------------------------------------- the floor: one SQL statement


def _part_object(alias: str, extra: str = "") -> str:
    return (
        f"json_build_object('id', {alias}.id, 'clientId', {alias}.client_id, 'name', {alias}.name,"
        f" 'data', {alias}.data, 'tags', {alias}.tags, 'isAsset', {alias}.is_asset,"
        f" 'manufacturingData', {alias}.manufacturing_data, 'createdAt', {alias}.created_at,"
        f" 'assets', coalesce({alias}_assets.j, '[]'::json){extra})"
    )


CHILDREN = ", 'children', coalesce(children.j, '[]'::json)"

# Each level is aggregated once, grouped by its parent, then joined into the level above:
# no correlated subqueries, so the plan is hash joins whatever indexes there are.
FLOOR_SQL = f"""
WITH o AS (
  SELECT * FROM "fab_order" WHERE space_id = $1 ORDER BY name, id LIMIT $2
), versions AS (
  SELECT v.asset_id, json_agg(json_build_object('url', v.url, 'date', v.date) ORDER BY v.position) AS j
  FROM asset_version v JOIN asset s ON s.id = v.asset_id JOIN o ON o.id = s.order_id
  GROUP BY v.asset_id
), assets AS (
  SELECT s.part_id, json_agg(json_build_object(
    'id', s.id, 'clientId', s.client_id, 'name', s.name, 'url', s.url, 'isPublic', s.is_public,
    'kind', upper(s.kind), 'createdAt', s.created_at, 'versions', coalesce(versions.j, '[]'::json)
  ) ORDER BY s.position) AS j
  FROM asset s JOIN o ON o.id = s.order_id LEFT JOIN versions ON versions.asset_id = s.id
  WHERE s.part_id IS NOT NULL
  GROUP BY s.part_id
), children AS (
  SELECT c.parent_id, json_agg({_part_object("c")} ORDER BY c.position) AS j
  FROM part c JOIN o ON o.id = c.order_id LEFT JOIN assets c_assets ON c_assets.part_id = c.id
  WHERE c.parent_id IS NOT NULL
  GROUP BY c.parent_id
), parts AS (
  SELECT t.product_id,
         json_agg({_part_object("t", CHILDREN)} ORDER BY t.position) AS j
  FROM part t JOIN o ON o.id = t.order_id
  LEFT JOIN assets t_assets ON t_assets.part_id = t.id LEFT JOIN children ON children.parent_id = t.id
  WHERE t.parent_id IS NULL
  GROUP BY t.product_id
), products AS (
  SELECT p.order_id, json_agg(json_build_object(
    'id', p.id, 'clientId', p.client_id, 'title', p.title, 'data', p.data,
    'amountOfUnits', p.amount_of_units, 'valuePerUnit', p.value_per_unit::text, 'deadline', p.deadline,
    'thumbnailUrl', p.thumbnail_url, 'createdAt', p.created_at, 'parts', coalesce(parts.j, '[]'::json)
  ) ORDER BY p.position) AS j
  FROM product p JOIN o ON o.id = p.order_id LEFT JOIN parts ON parts.product_id = p.id
  GROUP BY p.order_id
), addresses AS (
  SELECT a.order_id, json_agg(json_build_object(
    'addressType', a.address_type, 'purpose', a.purpose, 'data', a.data
  ) ORDER BY a.position) AS j
  FROM address a JOIN o ON o.id = a.order_id
  GROUP BY a.order_id
)
SELECT json_build_object('data', json_build_object('orders', json_build_object('edges', coalesce(json_agg(
  json_build_object('node', json_build_object(
    'id', o.id, 'name', o.name, 'status', o.status, 'value', o.value::text, 'deadline', o.deadline,
    'createdAt', o.created_at, 'updatedAt', o.updated_at, 'tags', o.tags, 'data', o.data,
    'flowKey', o.flow_key, 'thumbnailUrl', o.thumbnail_url,
    'addresses', coalesce(addresses.j, '[]'::json), 'products', coalesce(products.j, '[]'::json)
  )) ORDER BY o.name, o.id), '[]'::json))))::text
FROM o LEFT JOIN products ON products.order_id = o.id LEFT JOIN addresses ON addresses.order_id = o.id
"""


def floor_app(dsn: str, space_id: str, first: int) -> Any:
    """A bare Starlette app: `GET /tree` answers with the bytes of `floor_sql()`."""
    import asyncpg
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    state: dict[str, Any] = {}

    async def tree(request: Request) -> Response:
        async with state["pool"].acquire() as conn:
            body = await conn.fetchval(FLOOR_SQL, uuid.UUID(space_id), first)
        return Response(body, media_type="application/json")

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = await asyncpg.create_pool(dsn, server_settings={"timezone": "UTC"})
        yield
        await state["pool"].close()

    return Starlette(routes=[Route("/tree", tree), Route("/healthz", healthz)], lifespan=lifespan)


def serve_floor(port: int, dsn: str, space_id: str, first: int) -> None:
    import uvicorn

    uvicorn.run(floor_app(dsn, space_id, first), host="127.0.0.1", port=port, log_level="warning")


# ---------------------------------------------------------------- scratch database and seed


def _dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def _with_database(url: str, name: str) -> str:
    return f"{url.rpartition('/')[0]}/{name}"


async def _admin_execute(statement: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_dsn(POSTGRES_URL), timeout=10)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@dataclass
class Seed:
    orders: list[Any] = field(default_factory=list)
    addresses: list[Any] = field(default_factory=list)
    products: list[Any] = field(default_factory=list)
    top_parts: list[Any] = field(default_factory=list)
    child_parts: list[Any] = field(default_factory=list)
    assets: list[Any] = field(default_factory=list)
    versions: list[Any] = field(default_factory=list)


def _order(seed: Seed, space_id: uuid.UUID, index: int) -> None:
    from server.models import Address, Order

    order = Order(
        id=uuid.uuid4(),
        space_id=space_id,
        name=f"BENCH-{index:04d}",
        value=Decimal("123.40") + index,
        deadline=BASE_TIME + timedelta(days=index % 9),
        tags=["bench", f"batch-{index % 3}"],
        data={"customerInfo": {"email": f"customer{index}@example.com", "name": f"Customer {index}"}},
        flow_key="standard-flow",
        intake_hash="0" * 64,
        created_at=BASE_TIME + timedelta(minutes=index),
    )
    seed.orders.append(order)
    for position, kind in enumerate(("shipping", "billing")):
        seed.addresses.append(
            Address(
                id=uuid.uuid4(),
                order_id=order.id,
                position=position,
                address_type=kind,
                purpose="delivery" if kind == "shipping" else "invoice",
                data={"street": f"Main street {index}", "city": "Gent", "country": "BE"},
            )
        )
    for position in range(PRODUCTS):
        _product(seed, order, position)


def _product(seed: Seed, order: Any, position: int) -> None:
    from server.models import Product

    product = Product(
        id=uuid.uuid4(),
        order_id=order.id,
        position=position,
        client_id=f"line-{position}",
        title=f"Frame {position} of {order.name}",
        data={"width": 50 + position, "color": "tortoise", "material": "PA12"},
        amount_of_units=position + 1,
        value_per_unit=Decimal("19.90") * (position + 1),
        deadline=order.deadline,
        created_at=order.created_at,
    )
    seed.products.append(product)
    tops = [_part(seed.top_parts, seed, product, None, p) for p in range(TOP_PARTS)]
    for position_in_parent, parent in enumerate(tops[:CHILD_PARTS]):
        _part(seed.child_parts, seed, product, parent, position_in_parent)


def _part(into: list[Any], seed: Seed, product: Any, parent: Any, position: int) -> Any:
    from server.models import Part

    client_id = f"{'child' if parent else 'part'}-{product.position}-{position}"
    part = Part(
        id=uuid.uuid4(),
        order_id=product.order_id,
        product_id=product.id,
        parent_id=parent.id if parent else None,
        position=position,
        client_id=client_id,
        name=client_id.title(),
        data={"name": client_id.title(), "lens": "left" if position % 2 else "right"},
        tags=["sls"] if position % 2 else ["fdm", "black"],
        created_at=product.created_at,
    )
    into.append(part)
    for a in range(ASSETS):
        _asset(seed, part, a)
    return part


def _asset(seed: Seed, part: Any, position: int) -> None:
    from server.domain.statuses import AssetKind
    from server.models import Asset, AssetVersion

    asset = Asset(
        id=uuid.uuid4(),
        order_id=part.order_id,
        product_id=part.product_id,
        part_id=part.id,
        position=position,
        client_id=f"{part.client_id}-file-{position}",
        name=f"{part.client_id}-{position}.stl",
        url=f"https://files.example.com/{part.id}/{position}.stl",
        kind=AssetKind.PRODUCTION if position == 0 else AssetKind.PREVIEW,
        created_at=part.created_at,
    )
    seed.assets.append(asset)
    for v in range(VERSIONS):
        seed.versions.append(
            AssetVersion(
                id=uuid.uuid4(),
                asset_id=asset.id,
                position=v,
                url=f"{asset.url}?v={v}",
                date=BASE_TIME + timedelta(hours=v),
            )
        )


async def seed_database(orders: int) -> tuple[uuid.UUID, str]:
    """A space, an API key of it, and `orders` whole trees; returns (space id, secret)."""
    from tortoise import connections

    from server.models import Address, Asset, AssetVersion, Order, Part, Product
    from server.services import auth

    admin = auth.actor_for_user(await auth.create_admin("bench@example.com", "bench password 1"))
    space = await auth.create_space(admin, SPACE_KEY, "Bench")
    secret = (await auth.create_api_key(admin, SPACE_KEY, "bench")).secret
    seed = Seed()
    for index in range(orders):
        _order(seed, space.id, index)
    for model, rows in (
        (Order, seed.orders),
        (Address, seed.addresses),
        (Product, seed.products),
        (Part, seed.top_parts),
        (Part, seed.child_parts),
        (Asset, seed.assets),
        (AssetVersion, seed.versions),
    ):
        await model.bulk_create(rows, batch_size=1000)
    # Whole seconds everywhere, so both sides print the same ISO 8601 text.
    await connections.get("default").execute_script(
        "UPDATE fab_order SET updated_at = date_trunc('second', updated_at); ANALYZE;"
    )
    return space.id, secret


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Production mode refuses to start without a secret key of 32 bytes or more; benches bring their own.
BENCH_SECRET_KEY = "bench-only-secret-key-that-is-longer-than-32-bytes"


@contextmanager
def server(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {"FABFLOW_SECRET_KEY": BENCH_SECRET_KEY, **env}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def wait_until_up(
    client: httpx.AsyncClient, url: str, process: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server at {url} exited:\n{log.read_text()}")
        try:
            if (await client.get(url)).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit(f"the server at {url} did not start in {STARTUP_SECONDS:.0f} s:\n{log.read_text()}")


# ---------------------------------------------------------------- measuring


Fetch = Callable[[], Awaitable[bytes]]


def graphql_request(client: httpx.AsyncClient, url: str, secret: str, first: int) -> Fetch:
    payload = {"query": TREE, "variables": {"first": first}}
    headers = {"Authorization": f"Bearer {secret}"}

    async def run() -> bytes:
        response = await client.post(url, json=payload, headers=headers)
        response.raise_for_status()
        return response.content

    return run


def floor_request(client: httpx.AsyncClient, url: str) -> Fetch:
    async def run() -> bytes:
        response = await client.get(url)
        response.raise_for_status()
        return response.content

    return run


async def timed(request: Fetch) -> float:
    started = time.perf_counter()
    await request()
    return (time.perf_counter() - started) * 1000


async def warm_up(sides: dict[str, Fetch], rounds: int) -> None:
    for _ in range(rounds):
        for request in sides.values():
            await request()


async def measure(sides: dict[str, Fetch], requests: int) -> dict[str, list[float]]:
    """Sequential requests, alternating between the sides."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(requests):
        for name, request in sides.items():
            times[name].append(await timed(request))
    return times


@dataclass(frozen=True)
class Usage:
    """CPU seconds and minor page faults of a process so far (Linux `/proc`), or None elsewhere."""

    cpu: float
    faults: int

    @staticmethod
    def of(pid: int) -> Usage | None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            return None
        ticks = os.sysconf("SC_CLK_TCK")
        return Usage(cpu=(int(fields[11]) + int(fields[12])) / ticks, faults=int(fields[7]))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def statements_per_request(secret: str, first: int) -> tuple[int, dict[str, Any]]:
    """One GraphQL request through the same app in this process, with its SQL statements counted."""
    from server.app import create_app
    from server.services.sql_count import count_statements

    transport = httpx.ASGITransport(app=create_app(manage_database=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        request = graphql_request(client, "/graphql", secret, first)
        await request()  # the key's first use records when it was used: a write
        with count_statements() as log:
            body = json.loads(await request())
    return log.count, body


def count_fields(value: Any) -> int:
    if isinstance(value, dict):
        return sum(1 + count_fields(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_fields(v) for v in value)
    return 0


# ---------------------------------------------------------------- main


@dataclass(frozen=True)
class Options:
    requests: int
    warmup: int
    orders: int


async def run(options: Options, workdir: Path) -> None:
    from server import db

    name = f"fabflow_bench_{uuid.uuid4().hex[:10]}"
    url = _with_database(POSTGRES_URL, name)
    await _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        await db.migrate(url)
        started = time.perf_counter()
        space_id, secret = await seed_database(options.orders)
        print(f"seeded {options.orders} orders in {time.perf_counter() - started:.1f} s ({name})")
        statements, body = await statements_per_request(secret, options.orders)
        await compare_servers(options, url, space_id, secret, statements, body, workdir)
    finally:
        await db.close()
        await _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def compare_servers(
    options: Options,
    url: str,
    space_id: uuid.UUID,
    secret: str,
    statements: int,
    in_process: dict[str, Any],
    workdir: Path,
) -> None:
    gql_port, floor_port = free_port(), free_port()
    env = {**os.environ, "DATABASE_URL": url, "FABFLOW_ENV": "production", "FABFLOW_VAR_DIR": str(workdir)}
    env.pop("REDIS_URL", None)
    if REDIS_URL:
        env["REDIS_URL"] = REDIS_URL
    fabflow = [str(Path(sys.executable).parent / "fabflow"), "serve", "--port", str(gql_port)]
    floor = [sys.executable, __file__, "--serve-floor", str(floor_port), _dsn(url), str(space_id)]
    floor += ["--orders", str(options.orders)]
    gql_log, floor_log = workdir / "graphql.log", workdir / "floor.log"
    async with httpx.AsyncClient(timeout=60) as client:
        with server(fabflow, env, gql_log) as gql_process, server(floor, env, floor_log) as floor_process:
            await wait_until_up(client, f"http://127.0.0.1:{gql_port}/healthz", gql_process, gql_log)
            await wait_until_up(client, f"http://127.0.0.1:{floor_port}/healthz", floor_process, floor_log)
            graphql_url = f"http://127.0.0.1:{gql_port}/graphql"
            sides = {
                "graphql": graphql_request(client, graphql_url, secret, options.orders),
                "json_agg": floor_request(client, f"http://127.0.0.1:{floor_port}/tree"),
            }
            sizes = await check_same_tree(sides, in_process)
            await warm_up(sides, options.warmup)
            load_before = os.getloadavg()[0]
            before = Usage.of(gql_process.pid)
            times = await measure(sides, options.requests)
            after = Usage.of(gql_process.pid)
            load_after = os.getloadavg()[0]
    report(times, sizes, statements, count_fields(in_process["data"]), options)
    figures: dict[str, Any] = {
        name: {"p50_ms": round(percentile(values, 50), 2), "p99_ms": round(percentile(values, 99), 2)}
        for name, values in times.items()
    }
    figures["ratio_p50"] = round(percentile(times["graphql"], 50) / percentile(times["json_agg"], 50), 3)
    figures["statements"] = statements
    if before and after:
        cpu_ms = (after.cpu - before.cpu) / options.requests * 1000
        faults = (after.faults - before.faults) / options.requests
        print(f"GraphQL server process per request: {cpu_ms:.0f} ms CPU, {faults:,.0f} minor page faults")
        figures["server_cpu_ms"], figures["minor_faults"] = round(cpu_ms, 1), round(faults)
    print(f"load average (1 min) while measuring: {load_before:.2f} → {load_after:.2f}")
    append_result(options, {"load": [round(load_before, 2), round(load_after, 2)], **figures})


def append_result(options: Options, figures: dict[str, Any]) -> None:
    """One JSON line per run in `bench/results/tree_query.jsonl`."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    line = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "orders": options.orders,
        "requests": options.requests,
        **figures,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


async def check_same_tree(sides: dict[str, Fetch], in_process: dict[str, Any]) -> dict[str, int]:
    bodies = {name: await request() for name, request in sides.items()}
    decoded = {name: json.loads(body) for name, body in bodies.items()}
    if "errors" in decoded["graphql"]:
        raise SystemExit(f"GraphQL answered with errors: {decoded['graphql']['errors']}")
    if not decoded["graphql"] == decoded["json_agg"] == in_process:
        raise SystemExit("the GraphQL and json_agg answers differ")
    return {name: len(body) for name, body in bodies.items()}


def report(
    times: dict[str, list[float]], sizes: dict[str, int], statements: int, fields: int, options: Options
) -> None:
    tree = f"{PRODUCTS} products × {TOP_PARTS + CHILD_PARTS} parts × {ASSETS} assets × {VERSIONS} versions"
    print(f"{options.orders} orders × {tree}: {fields:,} fields, same JSON from both sides")
    print(f"{options.requests} sequential requests per side after {options.warmup} warm-up rounds\n")
    print(f"{'side':<10} {'p50 ms':>9} {'p99 ms':>9} {'mean ms':>9} {'bytes':>11}")
    for name, values in times.items():
        p50, p99, mean = percentile(values, 50), percentile(values, 99), statistics.fmean(values)
        print(f"{name:<10} {p50:>9.1f} {p99:>9.1f} {mean:>9.1f} {sizes[name]:>11,}")
    ratio = percentile(times["graphql"], 50) / percentile(times["json_agg"], 50)
    print(f"\nratio graphql / json_agg at p50: {ratio:.2f}")
    print(f"SQL statements per GraphQL request: {statements}")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per side (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed rounds first (default 20)")
    parser.add_argument("--orders", type=int, default=50, help="orders in the tree (default 50)")
    parser.add_argument("--serve-floor", nargs=3, metavar=("PORT", "DSN", "SPACE_ID"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.serve_floor:
        port, dsn, space_id = args.serve_floor
        serve_floor(int(port), dsn, space_id, args.orders)
        return 0
    with tempfile.TemporaryDirectory(prefix="fabflow-bench-") as workdir:
        asyncio.run(run(Options(args.requests, args.warmup, args.orders), Path(workdir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
