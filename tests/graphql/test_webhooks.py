"""GraphQL webhooks: who may manage and read endpoints, and field errors on bad input."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from server import settings
from server.domain.statuses import OrderStatus
from server.models import Order
from server.services import webhook_outbox
from server.services.effects import Effects
from server.services.webhook_events import order_status_data
from tests.graphql.conftest import Gql
from tests.graphql.seed import seed_orders

CREATE = """
mutation ($space: String!, $url: String!, $events: [String!]!) {
  createWebhookEndpoint(spaceKey: $space, url: $url, events: $events) {
    endpoint { id url events enabled } secret errors { field message code }
  }
}
"""
LIST = """
query ($space: String!) {
  webhookEndpoints(spaceKey: $space) { id url deliveries { totalCount edges { node { id } } } }
  webhookEventTypes { name description }
}
"""


@pytest.fixture(autouse=True)
def local_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])


async def test_a_space_key_creates_an_endpoint_an_operator_reads_it(
    gql: Gql, space_key: tuple[str, str], operator_token: str
) -> None:
    space, key = space_key
    made = await gql(CREATE, {"space": space, "url": "http://127.0.0.1:9/h", "events": ["*"]}, key)
    payload = made["data"]["createWebhookEndpoint"]
    assert payload["errors"] == []
    secret = payload["secret"]
    assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    read = await gql(LIST, {"space": space}, operator_token)
    assert [e["url"] for e in read["data"]["webhookEndpoints"]] == ["http://127.0.0.1:9/h"]
    names = {t["name"] for t in read["data"]["webhookEventTypes"]}
    assert {"order.created", "order.status_changed", "asset.version_added"} <= names


async def test_an_operator_and_another_space_may_not_create(
    gql: Gql, space_key: tuple[str, str], operator_token: str, other_key: str
) -> None:
    variables = {"space": space_key[0], "url": "http://127.0.0.1:9/h", "events": ["*"]}
    by_operator = (await gql(CREATE, variables, operator_token))["data"]["createWebhookEndpoint"]
    assert by_operator["endpoint"] is None and by_operator["errors"]
    by_other = (await gql(CREATE, variables, other_key))["data"]["createWebhookEndpoint"]
    assert by_other["endpoint"] is None and by_other["errors"][0]["field"] == "spaceKey"


async def test_bad_url_and_unknown_event_are_field_errors(gql: Gql, space_key: tuple[str, str]) -> None:
    space, key = space_key
    private = {"space": space, "url": "https://10.1.2.3/h", "events": ["*"]}
    errors = (await gql(CREATE, private, key))["data"]["createWebhookEndpoint"]["errors"]
    assert [e["field"] for e in errors] == ["url"]
    unknown = {"space": space, "url": "http://127.0.0.1:9/h", "events": ["order.exploded"]}
    errors = (await gql(CREATE, unknown, key))["data"]["createWebhookEndpoint"]["errors"]
    assert errors[0]["field"] == "events" and "order.exploded" in errors[0]["message"]


ORDER_DELIVERIES = """
query ($order: ID!) {
  order(id: $order) {
    name
    webhookDeliveries(first: 10) {
      totalCount
      pageInfo { hasNextPage }
      edges { node { id eventType url state sequence payload } }
    }
  }
}
"""


async def _order_with_update_url(space: str) -> Order:
    order = (await seed_orders(space, 1, prefix="HOOK")).orders[0]
    await Order.filter(id=order.id).update(update_url="http://127.0.0.1:9/update")
    moment = datetime.now(UTC)
    stored = await Order.get(id=order.id)
    stored.status = OrderStatus.IN_PROGRESS
    await webhook_outbox.record_for_order(  # written, not sent: the effects are never carried out
        order.id, "order.status_changed", lambda o: order_status_data(stored, "NEW", moment), Effects()
    )
    return order


async def test_an_orders_webhook_deliveries_are_read_by_its_key_and_operators_only(
    gql: Gql, space_key: tuple[str, str], operator_token: str, other_key: str
) -> None:
    order = await _order_with_update_url(space_key[0])

    for token in (space_key[1], operator_token):
        read = (await gql(ORDER_DELIVERIES, {"order": str(order.id)}, token))["data"]["order"]
        connection = read["webhookDeliveries"]
        assert connection["totalCount"] == 1 and connection["pageInfo"]["hasNextPage"] is False
        [edge] = connection["edges"]
        node = edge["node"]
        assert node["eventType"] == "order.status_changed"
        assert node["url"] == "http://127.0.0.1:9/update"
        assert node["state"] == "pending" and node["sequence"] == 1
        assert node["payload"]["id"] == node["id"]
        assert node["payload"]["data"]["status"] == "IN_PROGRESS"
    theirs = await gql(ORDER_DELIVERIES, {"order": str(order.id)}, other_key)
    assert theirs["data"]["order"] is None
    anonymous = await gql(ORDER_DELIVERIES, {"order": str(order.id)})
    assert anonymous["data"] is None or anonymous["data"]["order"] is None
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
