"""GraphQL webhooks: who may manage and read endpoints, and field errors on bad input."""

from __future__ import annotations

import base64

import pytest

from server import settings
from tests.graphql.conftest import Gql

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
