"""The orders list at 100,000 orders (1,000,000 with --million): GraphQL over HTTP against its bare SQL.

Makes a scratch PostgreSQL database (dropped at the end), fills `fab_order` with
`generate_series`, serves it with `fabflow serve`, and times side by side, alternating:
status page 1, page 200 by cursor, a rare and a common text search, each through `/graphql`
and as the bare SQL of the same page and capped count (asyncpg, in this process). Prints
p50s and ratios and appends one JSON line to `bench/results/orders_page.jsonl`.
"""

from __future__ import annotations

import argparse
import asyncio
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
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tree_query import (
    POSTGRES_URL,
    SPACE_KEY,
    _admin_execute,
    _dsn,
    _with_database,
    free_port,
    percentile,
    server,
    wait_until_up,
)

RESULTS = Path(__file__).resolve().parent / "results" / "orders_page.jsonl"
PAGE = 50
ORDERS_QUERY = """
query ($first: Int, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter, orderBy: {field: CREATED_AT, direction: DESC}) {
    totalCount totalCountIsExact
    pageInfo { hasNextPage endCursor }
    edges { node { id name status value deadline createdAt tags } }
  }
}
"""
FILL = """
INSERT INTO fab_order (id, space_id, name, status, value, deadline, tags, data, intake_hash,
                       search_text, created_at, updated_at)
SELECT gen_random_uuid(), $1::uuid, 'WEB-' || lpad(i::text, 7, '0'),
       (ARRAY['CREATED','IN_PROGRESS','SUCCESS','FAILURE','UNHEALTHY'])[1 + i % 5],
       (i % 997) + 0.5,
       CASE WHEN i % 4 = 0 THEN NULL ELSE now() + (i % 90) * interval '1 day' END,
       '[]'::jsonb, '{}'::jsonb, repeat('0', 64),
       'web-' || lpad(i::text, 7, '0') || E'\\n' ||
         CASE WHEN i % 10000 = 7 THEN 'kowalski' WHEN i % 3 = 0 THEN 'peeters' ELSE 'jansen' END
         || E'\\n' || 'customer' || i || '@example.com',
       now() - i * interval '1 minute', now()
FROM generate_series(1, $2::int) AS i
"""


def bare_sql(
    space_id: str, status: str | None, search: str | None, after: tuple[Any, Any] | None
) -> tuple[str, str, list[Any]]:
    where, args = ["o.space_id = $1"], [uuid.UUID(space_id)]
    if status:
        args.append(status)
        where.append(f"o.status = ${len(args)}")
    if search:
        args.append(f"%{search}%")
        where.append(f"o.search_text LIKE ${len(args)}")
    count_where = " AND ".join(where)
    if after:
        args += list(after)
        where.append(f"(o.created_at, o.id) < (${len(args) - 1}, ${len(args)})")
    page = (
        "SELECT o.id, o.name, o.status, o.value, o.deadline, o.created_at, o.tags FROM fab_order o"
        f" WHERE {' AND '.join(where)} ORDER BY o.created_at DESC, o.id DESC LIMIT {PAGE + 1}"
    )
    count = f"SELECT count(*) FROM (SELECT 1 FROM fab_order o WHERE {count_where} LIMIT 10001) c"
    return page, count, args


async def main(orders: int, requests: int, use_httpx: bool = False) -> None:
    import asyncpg

    from server import db
    from server.services import auth

    name = f"fabflow_bench_{uuid.uuid4().hex[:10]}"
    url = _with_database(POSTGRES_URL, name)
    await _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        await db.migrate(url)
        admin = auth.actor_for_user(await auth.create_admin("bench@example.com", "bench password 1"))
        space = await auth.create_space(admin, SPACE_KEY, "Bench")
        secret = (await auth.create_api_key(admin, SPACE_KEY, "bench")).secret
        await db.close()
        conn = await asyncpg.connect(_dsn(url))
        started = time.perf_counter()
        await _fill(conn, str(space.id), orders)
        print(f"filled {orders:,} orders in {time.perf_counter() - started:.1f} s")
        cases = await _cases(conn, str(space.id))
        with tempfile.TemporaryDirectory() as tmp:
            figures = await _compare(conn, url, secret, str(space.id), cases, requests, Path(tmp), use_httpx)
        await conn.close()
    finally:
        await _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _append(orders, {"client": "httpx" if use_httpx else "raw", **figures})


async def _fill(conn: Any, space_id: str, orders: int) -> None:
    """Rows first, indexes after: the secondary indexes of `fab_order` are dropped, the table
    filled in one statement, the indexes built again from their own definitions, then VACUUM
    ANALYZE (visibility map for index-only scans, fresh statistics). The primary key stays."""
    indexes = await conn.fetch(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'fab_order'"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
    )
    for index in indexes:
        await conn.execute(f'DROP INDEX "{index["indexname"]}"')
    await conn.execute(FILL, space_id, orders)
    await conn.execute("SET maintenance_work_mem = '256MB'")
    for index in indexes:
        await conn.execute(index["indexdef"])
    await conn.execute("VACUUM ANALYZE fab_order")


async def _cases(conn: Any, space_id: str) -> dict[str, dict[str, Any]]:
    """status page 1, page 200 of the status filter (by cursor), rare and common search."""
    status_filter = {"status": ["IN_PROGRESS"]}
    page, _, args = bare_sql(space_id, "IN_PROGRESS", None, None)
    row = await conn.fetchrow(page.replace(f"LIMIT {PAGE + 1}", f"OFFSET {199 * PAGE - 1} LIMIT 1"), *args)
    return {
        "status page 1": {"filter": status_filter, "status": "IN_PROGRESS", "search": None, "after": None},
        "page 200": {"filter": status_filter, "status": "IN_PROGRESS", "search": None,
                     "after": (row["created_at"], row["id"])},
        "rare search": {"filter": {"search": "kowalski"}, "status": None, "search": "kowalski",
                        "after": None},
        "common search": {"filter": {"search": "peeters"}, "status": None, "search": "peeters",
                          "after": None},
    }  # fmt: skip


def _cursor(after: tuple[Any, Any]) -> str:
    from server.services.orders.sql import encode_cursor

    return encode_cursor("CREATED_AT", after[0], after[1])


async def _compare(
    conn: Any,
    url: str,
    secret: str,
    space_id: str,
    cases: dict[str, dict[str, Any]],
    requests: int,
    tmp: Path,
    use_httpx: bool,
) -> dict[str, Any]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "FABFLOW_ENV": "production", "FABFLOW_VAR_DIR": str(tmp)}
    env.pop("REDIS_URL", None)
    command = [str(Path(sys.executable).parent / "fabflow"), "serve", "--port", str(port)]
    log = tmp / "serve.log"
    figures: dict[str, Any] = {}
    headers = {"Authorization": f"Bearer {secret}"}
    async with httpx.AsyncClient(timeout=60) as client, httpx.AsyncClient(timeout=60) as browser:
        with server(command, env, log) as process:
            base = f"http://127.0.0.1:{port}"
            await wait_until_up(client, f"{base}/healthz", process, log)
            await _sign_in(browser, base)
            endpoint = f"{base}/graphql"
            raw = None if use_httpx else await RawHttp.open("127.0.0.1", port)
            cookie = "; ".join(f"{name}={value}" for name, value in browser.cookies.items())
            graphql_headers = {**headers, "Content-Type": "application/json"}
            web_headers = {"HX-Request": "true", "Cookie": cookie}
            for label, case in cases.items():
                variables: dict[str, Any] = {"first": PAGE, "filter": case["filter"]}
                if case["after"]:
                    variables["after"] = _cursor(case["after"])
                page, count, args = bare_sql(space_id, case["status"], case["search"], case["after"])

                table_params = _table_params(case, variables)
                if raw is not None:
                    graphql_body = json.dumps({"query": ORDERS_QUERY, "variables": variables}).encode()
                    table_path = f"/orders?{urlencode(table_params)}"

                    async def graphql(body: bytes = graphql_body) -> None:
                        status, answer = await raw.request("POST", "/graphql", graphql_headers, body)
                        assert status == 200 and "errors" not in json.loads(answer), answer[:500]

                    async def web(path: str = table_path) -> None:
                        status, answer = await raw.request("GET", path, web_headers)
                        assert status == 200, answer[:500]
                else:

                    async def graphql(variables: dict[str, Any] = variables) -> None:
                        sent = {"query": ORDERS_QUERY, "variables": variables}
                        body = (await client.post(endpoint, json=sent, headers=headers)).json()
                        assert "errors" not in body, body

                    async def web(params: list[tuple[str, str]] = table_params) -> None:
                        response = await browser.get(
                            f"{base}/orders", params=params, headers={"HX-Request": "true"}
                        )
                        response.raise_for_status()

                async def sql(page: str = page, count: str = count, args: list[Any] = args) -> None:
                    await conn.fetch(page, *args)
                    await conn.fetchval(
                        count, *args[: len(args) - (2 if "<" in page.split("WHERE")[1] else 0)]
                    )

                sides = (("graphql", graphql), ("web", web), ("sql", sql))
                for _ in range(5):
                    for _side, run in sides:
                        await run()
                times: dict[str, list[float]] = {"graphql": [], "web": [], "sql": []}
                for _ in range(requests):
                    for side, run in sides:
                        begun = time.perf_counter()
                        await run()
                        times[side].append((time.perf_counter() - begun) * 1000)
                gql50, sql50 = percentile(times["graphql"], 50), percentile(times["sql"], 50)
                web50 = percentile(times["web"], 50)
                figures[label] = {"graphql_p50": round(gql50, 2), "web_p50": round(web50, 2),
                                  "sql_p50": round(sql50, 2), "graphql_ratio": round(gql50 / sql50, 2),
                                  "web_ratio": round(web50 / sql50, 2)}  # fmt: skip
                print(f"{label:15} SQL {sql50:7.2f} ms  GraphQL {gql50:7.2f} ms ×{gql50 / sql50:.1f}"
                      f"  web {web50:7.2f} ms ×{web50 / sql50:.1f}")  # fmt: skip
            if raw is not None:
                raw.writer.close()
    return figures


class RawHttp:
    """One keep-alive HTTP/1.1 connection with next to no client-side work per request.

    httpx spends milliseconds of the client's CPU per request on a loaded machine, as much as
    the server; this measures the server's answer, as the bare SQL side measures the database's.
    """

    def __init__(self, host: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.host, self.reader, self.writer = host, reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> RawHttp:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(f"{host}:{port}", reader, writer)

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes = b""
    ) -> tuple[int, bytes]:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        pairs = (line.partition(":") for line in head[1:] if line)
        fields = {name.strip().lower(): value.strip() for name, _, value in pairs}
        if fields.get("transfer-encoding") == "chunked":
            return status, await self._chunks()
        return status, await self.reader.readexactly(int(fields.get("content-length", "0")))

    async def _chunks(self) -> bytes:
        parts = []
        while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)
        await self.reader.readuntil(b"\r\n")
        return b"".join(parts)


async def _sign_in(browser: httpx.AsyncClient, base: str) -> None:
    page = (await browser.get(f"{base}/login")).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    form = {"email": "bench@example.com", "password": "bench password 1", "csrf_token": token.group(1)}
    response = await browser.post(f"{base}/login", data=form)
    assert response.status_code in (200, 303), response.text


def _table_params(case: dict[str, Any], variables: dict[str, Any]) -> list[tuple[str, str]]:
    """The web table's query string of the same page: 50 rows, newest first."""
    params = [("status", s) for s in case["filter"].get("status", [])]
    if case["search"]:
        params.append(("q", case["search"]))
    if "after" in variables:
        params += [("after", variables["after"]), ("n", "200")]
    return params


def _append(orders: int, figures: dict[str, Any]) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    line = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "commit": commit, "orders": orders,
            "load": os.getloadavg()[0], **figures}  # fmt: skip
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--million", action="store_true", help="1,000,000 orders instead of 100,000")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--httpx", action="store_true", help="requests sent with httpx")
    options = parser.parse_args()
    asyncio.run(main(1_000_000 if options.million else 100_000, options.requests, options.httpx))
