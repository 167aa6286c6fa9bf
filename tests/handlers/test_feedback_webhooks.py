"""Connector feedback and new asset versions announced as webhooks, and sent to the order's updateUrl."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from jobs.handlers.base import TaskContext
from jobs.runtime import Embedded, start_embedded
from server.domain.actors import Actor
from server.domain.statuses import TaskState
from server.models import AssetVersion, Order, Space, TaskRun, WebhookDelivery
from server.services import assets, webhook_endpoints
from server.services.webhooks import signing_secrets
from tests.e2e.support import until
from tests.handlers.conftest import ContextFactory
from tests.handlers.test_feedback import FEEDBACK, feedback_url
from tests.webhook_support import Call, Receiver, receiver

__all__ = ["receiver"]  # the fixture


@pytest.fixture
async def jobs(clean_db: str) -> AsyncIterator[Embedded]:
    embedded = await start_embedded(threads=2)
    yield embedded
    await embedded.stop()


@pytest.fixture
async def waiting(make_context: ContextFactory, order: Order, receiver: Receiver) -> TaskContext:
    """A connector task waiting for feedback, of an order whose updateUrl is the receiver."""
    await Order.filter(id=order.id).update(update_url=receiver.base + "/update")
    context = await make_context("consume-rest-api", {"uri": "https://example.com/x", "sendsFeedback": True})
    await TaskRun.filter(id=context.task_run_id).update(state=TaskState.WAITING)
    return context


def _payloads(calls: list[Call]) -> list[dict[str, Any]]:
    return [json.loads(call.body) for call in calls]


async def test_feedback_reaches_the_endpoints_and_the_orders_update_url_signed_with_the_space_secret(
    jobs: Embedded,
    client: httpx.AsyncClient,
    admin: Actor,
    space: Space,
    order: Order,
    waiting: TaskContext,
    receiver: Receiver,
) -> None:
    endpoint = await webhook_endpoints.create_endpoint(
        admin, space.key, receiver.url, ["task.feedback_received", "asset.version_added"]
    )
    versions_before = await AssetVersion.filter(asset__order_id=order.id).count()

    response = await client.post(feedback_url(waiting), json=FEEDBACK)
    assert response.status_code == 200, response.text
    added = await AssetVersion.filter(asset__order_id=order.id).count() - versions_before

    async def arrived() -> bool:  # once per webhook-id: a receiver dedups
        hooks = {call.headers["webhook-id"] for call in receiver.at("/hook")}
        updates = {call.headers["webhook-id"] for call in _feedback_calls(receiver.at("/update"))}
        return len(hooks) == 1 + added and len(updates) == 1

    await until(arrived, timeout=60)
    hooks = {p["id"]: p for p in _payloads(receiver.at("/hook"))}
    feedback = [p for p in hooks.values() if p["type"] == "task.feedback_received"]
    versions = [p for p in hooks.values() if p["type"] == "asset.version_added"]
    assert len(feedback) == 1 and len(versions) == added == 3
    data = feedback[0]["data"]
    assert data["feedback"]["status"] == "success"
    assert data["feedback"]["message"] == "Printed and packed"
    assert data["feedback"]["data"] == {"trackingNumber": "3SABC123"}
    assert {a["id"] for a in data["feedback"]["assets"]} == {"temples-stl", "packing-slip"}
    assert data["task"]["key"] == "task" and data["run"]["id"] == str(waiting.run_id)
    assert data["order"] == {"id": str(order.id), "name": order.name}
    slip = sorted(
        v["data"]["version"]["url"] for v in versions if v["data"]["asset"]["clientId"] == "packing-slip"
    )
    assert slip == ["https://cdn.example.com/slip-1.pdf", "https://cdn.example.com/slip-2.pdf"]
    for call in receiver.at("/hook"):
        Webhook(endpoint.secret).verify(call.body, call.headers)
    update = _feedback_calls(receiver.at("/update"))[0]  # the updateUrl also hears status changes
    secret = (await signing_secrets(space.id))[0]
    delivered = Webhook(secret).verify(update.body, update.headers)
    assert delivered["type"] == "task.feedback_received"
    assert delivered["data"] == data
    sequences = sorted(p["sequence"] for p in hooks.values())
    assert len(set(sequences)) == len(sequences)  # every event of the order has its own number


def _feedback_calls(calls: list[Call]) -> list[Call]:
    return [call for call in calls if json.loads(call.body)["type"] == "task.feedback_received"]


async def test_refused_feedback_leaves_no_delivery(
    jobs: Embedded,
    client: httpx.AsyncClient,
    admin: Actor,
    space: Space,
    waiting: TaskContext,
    receiver: Receiver,
) -> None:
    await webhook_endpoints.create_endpoint(admin, space.key, receiver.url, ["*"])
    await TaskRun.filter(id=waiting.task_run_id).update(state=TaskState.FAILED)

    response = await client.post(feedback_url(waiting), json=FEEDBACK)

    assert response.status_code == 409
    assert (
        await WebhookDelivery.filter(event_type__in=("task.feedback_received", "asset.version_added")).count()
        == 0
    )


async def test_a_version_stored_by_a_generator_is_announced(
    jobs: Embedded, admin: Actor, space: Space, order: Order, receiver: Receiver
) -> None:
    endpoint = await webhook_endpoints.create_endpoint(
        admin, space.key, receiver.url, ["asset.version_added"]
    )

    asset = await assets.add_version(
        assets.Owner(order.id),
        client_id="gcode",
        url="https://cdn.example.com/plate.gcode",
        name="plate.gcode",
    )

    await until(lambda: _count(receiver, 1), timeout=60)
    [call] = receiver.at("/hook")
    payload = Webhook(endpoint.secret).verify(call.body, call.headers)
    assert payload["type"] == "asset.version_added"
    assert payload["data"]["asset"] == {
        "id": str(asset.id),
        "clientId": "gcode",
        "name": "plate.gcode",
        "kind": "other",
    }
    assert payload["data"]["version"]["url"] == "https://cdn.example.com/plate.gcode"
    assert payload["data"]["order"]["id"] == str(order.id)


async def _count(receiver: Receiver, at_least: int) -> bool:
    return len(receiver.calls) >= at_least
