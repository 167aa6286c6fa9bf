"""The three-task example flow (send-email → asset-email → consume-rest-api with feedback) on the
in-process worker, with a real SMTP server and a real connector on loopback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from jobs.runtime import Embedded
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.models import HistoryEntry, Order
from server.services import flow_runs
from tests.conftest import EXAMPLES_DIR
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, jobs, make_flow
from tests.handlers.conftest import Connector, Inbox
from tests.handlers.test_asset_email import zip_asset

__all__ = ["jobs", "make_flow", "zip_asset"]


def three_tasks(connector_url: str) -> dict[str, Any]:
    definition = json.loads((EXAMPLES_DIR / "fixed-000-three-tasks.flow.json").read_text())
    for definition_task in definition["stages"][0]["taskDefinitions"]:
        definition_task["timeoutDuration"] = 60_000
        if definition_task["handlerKey"] == "consume-rest-api":
            definition_task["payload"]["uri"] = connector_url
    return definition


async def status_of(order: Order) -> str:
    return str((await Order.get(id=order.id)).status)


async def test_the_example_flow_runs_to_success_on_connector_feedback(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    zip_asset: str,
    smtp_server: Inbox,
    connector: Connector,
    client: httpx.AsyncClient,
    asset_dir: Path,
) -> None:
    flow = await make_flow(three_tasks(connector.url))

    await flow_runs.start_order_flow(admin, order.id, flow.flow.id)
    await until(lambda: _received(connector), timeout=20)

    assert len(smtp_server.envelopes) == 2
    body = json.loads(connector.received[0].body)
    update_url = body["order"]["updateUrl"]
    path = update_url.split("://", 1)[1].split("/", 1)[1]
    response = await client.post("/" + path, json={"status": "success", "message": "queued for printing"})
    assert response.status_code == 200, response.text
    await until(lambda: _is_success(order), timeout=20)
    kinds = await HistoryEntry.filter(order_id=order.id).values_list("kind", flat=True)
    assert kinds.count("email-sent") == 2
    assert "feedback-received" in kinds


async def _received(connector: Connector) -> bool:
    return bool(connector.received)


async def _is_success(order: Order) -> bool:
    return await status_of(order) == OrderStatus.SUCCESS
