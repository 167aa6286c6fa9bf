"""A real outage: `fabflow serve` on a PostgreSQL cluster of the test's own, which the test stops.

REST, GraphQL and a web page answer 503 with `Retry-After` while it is down, nothing logs a
traceback, and the same process takes orders again once the database is back.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import EXAMPLES_DIR, unavailable
from tests.e2e.support import free_port
from tests.reliability.servers import (
    Demo,
    check_redis,
    fabflow,
    production_env,
    serving,
    sign_in,
    throwaway_postgres,
)

ORDERS_QUERY = "{ orders(first: 1) { totalCount } }"


def an_order() -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]
    body["thirdPartyOrderId"] = f"OUTAGE-{uuid.uuid4().hex[:10]}"
    body.pop("flowKey", None)
    return body


def wait_for(check: Callable[[], Any], timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        time.sleep(0.1)


def test_a_database_outage_is_a_503_everywhere_and_no_traceback(tmp_path: Path) -> None:
    check_redis()
    with throwaway_postgres() as cluster:
        env = production_env(cluster.url, tmp_path)
        fabflow(env, "migrate")
        demo = Demo(fabflow(env, "demo", "--orders", "0"))
        with serving(env, tmp_path / "serve.log") as server:
            api = {"Authorization": f"Bearer {demo.api_key}"}
            with httpx.Client(base_url=server.url, timeout=30) as browser:
                assert sign_in(browser, demo.email, demo.password).status_code == 303
                assert browser.get("/orders").status_code == 200
                assert browser.post("/api/v1/orders", json=an_order(), headers=api).status_code == 201

                cluster.stop()

                rest = browser.post("/api/v1/orders", json=an_order(), headers=api)
                graphql = browser.post("/graphql", json={"query": ORDERS_QUERY}, headers=api)
                page = browser.get("/orders", headers={"Accept": "text/html"})
                ready = browser.get("/readyz")

                cluster.start()
                recovered = wait_for(
                    lambda: browser.post("/api/v1/orders", json=an_order(), headers=api).status_code == 201
                )
            logged = server.logged()

    for response in (rest, graphql, page, ready):
        assert response.status_code == 503, (response.request.url, response.text)
    for response in (rest, graphql, page):
        assert int(response.headers["retry-after"]) > 0
    assert rest.json()["errors"][0]["code"] == "unavailable"
    assert graphql.json()["errors"][0]["message"].startswith("The database is unavailable")
    assert "data" not in graphql.json()
    assert page.headers["content-type"].startswith("text/html")
    assert "Fabflow is unavailable" in page.text
    assert recovered
    assert "Traceback" not in logged, logged
    assert "Exception in ASGI application" not in logged, logged
    assert "database unavailable on POST /api/v1/orders" in logged


def test_redis_down_does_not_stop_the_intake(tmp_path: Path) -> None:
    if shutil.which("redis-server") is None:
        unavailable("redis-server", "not installed")
    port = free_port()
    redis_server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        with throwaway_postgres() as cluster:
            env = production_env(cluster.url, tmp_path)
            env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
            fabflow(env, "migrate")
            demo = Demo(fabflow(env, "demo", "--orders", "0"))
            with serving(env, tmp_path / "serve.log") as server:
                api = {"Authorization": f"Bearer {demo.api_key}"}
                with httpx.Client(base_url=server.url, timeout=30) as client:
                    before = client.post("/api/v1/orders", json=an_order(), headers=api)
                    redis_server.kill()
                    redis_server.wait()
                    during = client.post("/api/v1/orders", json=an_order(), headers=api)
                    listed = client.post("/graphql", json={"query": ORDERS_QUERY}, headers=api)
    finally:
        if redis_server.poll() is None:
            redis_server.kill()
            redis_server.wait()

    assert before.status_code == 201, before.text
    assert during.status_code == 201, during.text
    assert listed.json()["data"]["orders"]["totalCount"] == 2
