"""The integrator's scenario on the embedded default, over real HTTP on 127.0.0.1.

A space key makes endpoints subscribed to `*` with `createWebhookEndpoint` and sends orders with
`POST /api/v1/orders`; the embedded worker runs their flows. The receiver verifies every call with
the `standardwebhooks` package and, after dedup on `webhook-id`, must see every status change of
every order exactly once, in order per order, although it answered 503 for a stretch (the retry
schedule is shortened through its setting). A 400 is not retried; a 410 disables the endpoint.
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from server import settings
from server.domain.actors import Actor
from server.models import Order, Space, WebhookDelivery, WebhookEndpoint
from server.services import flows
from server.services.webhooks import signing_secrets
from tests.conftest import EXAMPLES_DIR
from tests.e2e.support import LiveServer, graphql, until
from tests.webhook_support import Call, Receiver, receiver

__all__ = ["receiver"]  # the fixture

ORDERS = 15  # the bench sends 200
STRETCH = 40  # calls answered 503 before the receiver recovers
SCHEDULE = [0, 0.2, 0.3, 0.5, 1, 1, 2, 2]  # the Svix schedule's shape, in seconds instead of hours
FLOW = {
    "stages": [
        {
            "key": "s",
            "taskDefinitions": [{"key": "pause", "handlerKey": "wait", "payload": {"duration": 20}}],
            "initialTaskDefinitionKeys": ["pause"],
        }
    ]
}
CREATE = """
mutation ($space: String!, $url: String!, $ordered: Boolean!) {
  createWebhookEndpoint(spaceKey: $space, url: $url, events: ["*"], ordered: $ordered) {
    endpoint { id } secret errors { field message }
  }
}"""


@pytest.fixture(autouse=True)
def short_schedule(monkeypatch: pytest.MonkeyPatch, receiver: Receiver) -> None:
    monkeypatch.setattr(settings, "WEBHOOK_RETRY_SCHEDULE", SCHEDULE)


async def _endpoint(server: LiveServer, key: str, url: str, ordered: bool = False) -> tuple[str, str]:
    body = await graphql(server.url, CREATE, {"space": "demo-eyewear", "url": url, "ordered": ordered}, key)
    made = body["data"]["createWebhookEndpoint"]
    assert made["errors"] == [], made
    return made["endpoint"]["id"], made["secret"]


async def _send_orders(server: LiveServer, key: str, prefix: str, count: int, update_url: str) -> None:
    template = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        for number in range(count):
            order = copy.deepcopy(template)
            order["order"].update(thirdPartyOrderId=f"{prefix}-{number}", flowKey="quick")
            order["order"]["updateUrl"] = update_url
            response = await client.post(
                "/api/v1/orders", json=order, headers={"Authorization": f"Bearer {key}"}
            )
            assert response.status_code == 201, response.text


def _status_changes(calls: list[Call], secret: str) -> dict[str, list[tuple[int, str]]]:
    """Per order: (sequence, status) of each status change, once per `webhook-id`, in arrival order."""
    verifier, seen = Webhook(secret), set()
    changes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for call in calls:
        payload = verifier.verify(call.body, call.headers)  # raises on a bad signature
        assert payload["id"] == call.headers["webhook-id"]
        if payload["id"] in seen:
            continue
        seen.add(payload["id"])
        if payload["type"] == "order.status_changed":
            changes[payload["data"]["order"]["name"]].append((payload["sequence"], payload["data"]["status"]))
    return changes


async def _settled() -> bool:
    return not await WebhookDelivery.filter(state__in=("pending", "sending")).exists()


async def test_every_status_change_arrives_once_in_order_through_a_503_stretch(
    admin: Actor, space_key: tuple[str, str], receiver: Receiver
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Quick", json.dumps(FLOW))
    receiver.answers["/ordered"] = [503] * STRETCH
    receiver.answers["/any"] = [503] * STRETCH
    async with LiveServer(run_jobs=True) as server:
        _, ordered_secret = await _endpoint(server, space_key[1], receiver.base + "/ordered", ordered=True)
        _, any_secret = await _endpoint(server, space_key[1], receiver.base + "/any")
        await _send_orders(server, space_key[1], "HOOK", ORDERS, receiver.base + "/update")
        space_secret = (await signing_secrets((await Space.get(key="demo-eyewear")).id))[0]
        await until(lambda: _finished("HOOK-", ORDERS), timeout=120)
        await until(_settled, timeout=120)

    assert await WebhookDelivery.filter(state="failed").count() == 0
    receivers = (("/ordered", ordered_secret), ("/any", any_secret), ("/update", space_secret))
    for path, secret in receivers:
        calls = receiver.at(path)
        first = calls[0].headers["webhook-id"]
        if path != "/update":  # it answered 503 to the endpoints' first calls: retried
            assert [c.headers["webhook-id"] for c in calls].count(first) >= 2
        changes = _status_changes(calls, secret)
        assert set(changes) == {f"HOOK-{number}" for number in range(ORDERS)}
        for name, seen in changes.items():
            by_sequence = sorted(seen)
            assert [status for _, status in by_sequence] == ["IN_PROGRESS", "SUCCESS"], name
            assert len({sequence for sequence, _ in seen}) == len(seen)
            if path == "/ordered":  # strict order per order: arrival order is sequence order
                assert seen == by_sequence, name


async def test_a_400_is_not_retried_and_a_410_disables_the_endpoint(
    admin: Actor, space_key: tuple[str, str], receiver: Receiver
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Quick", json.dumps(FLOW))
    receiver.answers["/bad"] = [400] * 1000
    receiver.answers["/gone"] = [410] * 1000
    async with LiveServer(run_jobs=True) as server:
        bad_id, _ = await _endpoint(server, space_key[1], receiver.base + "/bad")
        gone_id, _ = await _endpoint(server, space_key[1], receiver.base + "/gone")
        await _send_orders(server, space_key[1], "EDGE-A", 1, receiver.base + "/update")
        await until(lambda: _disabled(gone_id), timeout=60)
        await _send_orders(server, space_key[1], "EDGE-B", 2, receiver.base + "/update")
        await until(lambda: _finished("EDGE-", 3), timeout=60)
        await until(_settled, timeout=60)

    bad = await WebhookDelivery.filter(endpoint_id=bad_id)
    assert len([row for row in bad if row.event_type == "order.status_changed"]) == 3 * 2
    assert all(row.state == "failed" and row.attempts == 1 and row.last_status_code == 400 for row in bad)
    assert len(receiver.at("/bad")) == len(bad)  # each tried once
    endpoint = await WebhookEndpoint.get(id=gone_id)
    assert not endpoint.enabled and "410" in endpoint.disabled_reason
    gone = await WebhookDelivery.filter(endpoint_id=gone_id)
    assert {row.state for row in gone} == {"failed"}
    # A call already on its way when the 410 came back (the first order's next status change) is
    # made once; nothing is sent once the endpoint is disabled: not a call about the later orders.
    assert all(row.attempts <= 1 for row in gone)
    calls = receiver.at("/gone")
    assert len(calls) == sum(row.attempts for row in gone) >= 1
    assert all(b'"name":"EDGE-A-0"' in call.body for call in calls)
    assert len(receiver.at("/bad")) > len(calls)  # the later orders' changes did go out, elsewhere


async def _disabled(endpoint_id: str) -> bool:
    return not (await WebhookEndpoint.get(id=endpoint_id)).enabled


async def _finished(prefix: str, count: int) -> bool:
    return await Order.filter(name__startswith=prefix, status="SUCCESS").count() == count
