"""`/metrics`: counts in the Prometheus text format, only for this machine or the metrics token."""

from __future__ import annotations

import uuid

import httpx
import pytest
from starlette.applications import Starlette

from server import settings
from server.domain.statuses import OrderStatus
from server.models import Order, Space


async def _orders(space_key: str, *statuses: OrderStatus) -> None:
    space = await Space.get(key=space_key)
    for status in statuses:
        name = f"M-{uuid.uuid4().hex[:8]}"
        await Order.create(space_id=space.id, name=name, status=status, intake_hash="-")


async def test_metrics_count_orders_by_status(client: httpx.AsyncClient, space_key: tuple[str, str]) -> None:
    # given
    await _orders(space_key[0], OrderStatus.SUCCESS, OrderStatus.SUCCESS, OrderStatus.FAILURE)
    # when
    response = await client.get("/metrics")
    # then
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = response.text.splitlines()
    assert 'fabflow_orders{status="SUCCESS"} 2' in lines
    assert 'fabflow_orders{status="FAILURE"} 1' in lines
    assert "# TYPE fabflow_task_runs_active gauge" in lines
    assert "fabflow_task_runs_timed_out 0" in lines


async def test_metrics_are_refused_to_other_machines(app: Starlette) -> None:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as outsider:
        response = await outsider.get("/metrics")
    assert response.status_code == 403


async def test_with_a_token_the_scraper_must_send_it(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "METRICS_TOKEN", "scrape-me-please")

    without = await client.get("/metrics")
    wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
    right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-me-please"})

    assert (without.status_code, wrong.status_code, right.status_code) == (403, 403, 200)
