"""Tenancy: a key of one space neither reads nor writes another; admin work needs an admin."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from server.models import ApiKey
from tests.graphql.conftest import OTHER_SPACE, Gql
from tests.graphql.seed import Rows, seed_orders

LISTS = """
query ($spaceKey: String) {
  orders(filter: {spaceKey: $spaceKey}) { totalCount edges { node { name space { key } } } }
  products(filter: {spaceKey: $spaceKey}) { totalCount edges { node { order { name } } } }
  parts(filter: {spaceKey: $spaceKey}) { totalCount edges { node { order { name } } } }
}
"""
SINGLES = """
query ($order: ID!, $product: ID!, $part: ID!) {
  order(id: $order) { name }
  product(id: $product) { title }
  part(id: $part) { name }
}
"""
SPACES = "{ spaces { key } }"
ME = "{ me { kind label role spaceKey } }"
API_KEYS = "query ($spaceKey: String) { apiKeys(spaceKey: $spaceKey) { prefix space { key } } }"
CREATE_ORDER = """
mutation ($input: JSON!) { createOrder(input: $input) { order { id } created errors { field message code } } }
"""
CREATE_SPACE = (
    'mutation { createSpace(key: "sneaky", name: "Sneaky") { space { key } errors { field code } } }'
)
CREATE_KEY = """
mutation ($spaceKey: String!) {
  createApiKey(spaceKey: $spaceKey, name: "x") { apiKey { prefix } secret errors { code } }
}
"""
REVOKE_KEY = "mutation ($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } errors { code } } }"

HAS_ORDER_SERVICE = importlib.util.find_spec("server.services.orders.intake") is not None


@pytest.fixture
async def two_spaces(space_key: tuple[str, str], other_key: str) -> tuple[Rows, Rows]:
    mine = await seed_orders("demo-eyewear", 2, prefix="MINE")
    theirs = await seed_orders(OTHER_SPACE, 3, prefix="THEIRS")
    return mine, theirs


def _names(body: dict[str, Any], listing: str) -> set[str]:
    edges = body["data"][listing]["edges"]
    return {e["node"]["name"] if listing == "orders" else e["node"]["order"]["name"] for e in edges}


async def test_lists_show_only_the_keys_own_space(
    gql: Gql, space_key: tuple[str, str], two_spaces: tuple[Rows, Rows]
) -> None:
    body = await gql(LISTS, token=space_key[1])

    assert body["data"]["orders"]["totalCount"] == 2
    assert {e["node"]["space"]["key"] for e in body["data"]["orders"]["edges"]} == {"demo-eyewear"}
    for listing in ("orders", "products", "parts"):
        assert _names(body, listing) == {"MINE-0000", "MINE-0001"}


async def test_asking_for_the_other_space_by_key_finds_nothing(
    gql: Gql, space_key: tuple[str, str], two_spaces: tuple[Rows, Rows]
) -> None:
    body = await gql(LISTS, {"spaceKey": OTHER_SPACE}, token=space_key[1])

    for listing in ("orders", "products", "parts"):
        assert body["data"][listing] == {"totalCount": 0, "edges": []}


async def test_another_spaces_rows_by_id_are_null(
    gql: Gql, space_key: tuple[str, str], other_key: str, two_spaces: tuple[Rows, Rows]
) -> None:
    _, theirs = two_spaces
    ids = {
        "order": str(theirs.orders[0].id),
        "product": str(theirs.products[0].id),
        "part": str(theirs.parts[0].id),
    }

    seen_by_me = await gql(SINGLES, ids, token=space_key[1])
    seen_by_them = await gql(SINGLES, ids, token=other_key)

    assert seen_by_me == {"data": {"order": None, "product": None, "part": None}}
    assert seen_by_them["data"]["order"] == {"name": "THEIRS-0000"}


async def test_a_key_sees_its_space_and_itself(
    gql: Gql, space_key: tuple[str, str], two_spaces: object
) -> None:
    assert (await gql(SPACES, token=space_key[1]))["data"]["spaces"] == [{"key": "demo-eyewear"}]
    me = (await gql(ME, token=space_key[1]))["data"]["me"]
    assert me["kind"] == "SPACE_KEY" and me["spaceKey"] == "demo-eyewear" and me["role"] is None
    assert me["label"].startswith("ffk_")


async def test_admin_reads_and_writes_are_refused_to_keys(
    gql: Gql, space_key: tuple[str, str], other_key: str, two_spaces: object
) -> None:
    other_key_id = str((await _key_of(OTHER_SPACE)).id)

    listed = await gql(API_KEYS, {"spaceKey": OTHER_SPACE}, token=space_key[1])
    space = await gql(CREATE_SPACE, token=space_key[1])
    key = await gql(CREATE_KEY, {"spaceKey": OTHER_SPACE}, token=space_key[1])
    own_key = await gql(CREATE_KEY, {"spaceKey": "demo-eyewear"}, token=space_key[1])
    revoked = await gql(REVOKE_KEY, {"id": other_key_id}, token=space_key[1])

    assert listed["data"] is None and listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert space["data"]["createSpace"] == {"space": None, "errors": [{"field": "", "code": "forbidden"}]}
    for payload in (key, own_key):
        assert payload["data"]["createApiKey"] == {
            "apiKey": None,
            "secret": None,
            "errors": [{"code": "forbidden"}],
        }
    assert revoked["data"]["revokeApiKey"] == {"apiKey": None, "errors": [{"code": "forbidden"}]}
    # and the other space's key still works
    assert (await gql(SPACES, token=other_key))["data"]["spaces"] == [{"key": OTHER_SPACE}]


async def test_admin_work_is_refused_to_operators(
    gql: Gql, operator_token: str, space_key: tuple[str, str]
) -> None:
    listed = await gql(API_KEYS, token=operator_token)
    space = await gql(CREATE_SPACE, token=operator_token)
    key = await gql(CREATE_KEY, {"spaceKey": "demo-eyewear"}, token=operator_token)
    revoked = await gql(REVOKE_KEY, {"id": str((await _key_of("demo-eyewear")).id)}, token=operator_token)

    assert listed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert space["data"]["createSpace"]["errors"] == [{"field": "", "code": "forbidden"}]
    assert key["data"]["createApiKey"]["errors"] == [{"code": "forbidden"}]
    assert revoked["data"]["revokeApiKey"]["errors"] == [{"code": "forbidden"}]
    # but operators read every space of the organization
    assert (await gql(SPACES, token=operator_token))["data"]["spaces"] == [{"key": "demo-eyewear"}]


@pytest.mark.skipif(not HAS_ORDER_SERVICE, reason="server/services/orders/intake.py has not landed yet")
async def test_a_key_cannot_create_an_order_in_another_space(
    gql: Gql, space_key: tuple[str, str], two_spaces: object
) -> None:
    import json

    from tests.conftest import EXAMPLES_DIR

    body = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())
    body["order"]["spaceKey"] = OTHER_SPACE
    body["order"].pop("flowKey", None)

    result = await gql(CREATE_ORDER, {"input": body}, token=space_key[1])

    payload = result["data"]["createOrder"]
    assert payload["order"] is None
    assert payload["errors"] and payload["errors"][0]["code"] in {"not_found", "forbidden"}
    assert (await gql(LISTS, token=space_key[1]))["data"]["orders"]["totalCount"] == 2


ANONYMOUS = [
    (LISTS, {}),
    (SINGLES, {"order": "x", "product": "x", "part": "x"}),
    (SPACES, {}),
    (API_KEYS, {}),
    (CREATE_ORDER, {"input": {}}),
    (CREATE_SPACE, {}),
    (CREATE_KEY, {"spaceKey": "demo-eyewear"}),
    (REVOKE_KEY, {"id": "x"}),
]


@pytest.mark.parametrize(("document", "variables"), ANONYMOUS)
async def test_without_credentials_everything_but_me_is_refused(
    gql: Gql, space_key: tuple[str, str], document: str, variables: dict[str, Any]
) -> None:
    body = await gql(document, variables)

    assert not any((body["data"] or {}).values())
    assert {e["extensions"]["code"] for e in body["errors"]} == {"UNAUTHENTICATED"}


async def test_without_credentials_me_is_null(gql: Gql, clean_db: str) -> None:
    assert await gql(ME) == {"data": {"me": None}}
    assert await gql(ME, token="ffk_revoked-or-made-up") == {"data": {"me": None}}


async def _key_of(space: str) -> ApiKey:
    return await ApiKey.filter(space__key=space).order_by("created_at").first()  # type: ignore[return-value]


CREATE_FLOW = """
mutation ($space: String!, $definition: JSON!) {
  createFlow(spaceKey: $space, name: "Sneaky flow", definition: $definition) { flow { id } errors { code } }
}
"""
MANUAL = {
    "stages": [
        {
            "key": "review",
            "taskDefinitions": [{"key": "check", "handlerKey": "manual-task", "payload": {"title": "Check"}}],
            "initialTaskDefinitionKeys": ["check"],
        }
    ]
}
UPDATE_FLOW = """
mutation ($id: ID!, $definition: JSON!) {
  updateFlow(id: $id, definition: $definition) { flow { id } errors { code } }
}
"""
SET_FLOW_ENABLED = """
mutation ($id: ID!) { setFlowEnabled(id: $id, enabled: false) { flow { enabled } errors { code } } }
"""
FLOWS = "query ($space: String) { flows(spaceKey: $space) { id enabled versions { number } } }"


async def _a_flow(admin_token: str, gql: Gql, space: str) -> str:
    body = await gql(CREATE_FLOW, {"space": space, "definition": MANUAL}, token=admin_token)
    assert body["data"]["createFlow"]["errors"] == [], body
    return str(body["data"]["createFlow"]["flow"]["id"])


@pytest.mark.parametrize("caller", ["own key", "other key", "operator"])
async def test_flows_are_changed_by_admins_only(
    gql: Gql,
    space_key: tuple[str, str],
    other_key: str,
    operator_token: str,
    admin_token: str,
    caller: str,
) -> None:
    token = {"own key": space_key[1], "other key": other_key, "operator": operator_token}[caller]
    flow_id = await _a_flow(admin_token, gql, "demo-eyewear")

    created = await gql(CREATE_FLOW, {"space": "demo-eyewear", "definition": MANUAL}, token=token)
    updated = await gql(UPDATE_FLOW, {"id": flow_id, "definition": MANUAL}, token=token)
    disabled = await gql(SET_FLOW_ENABLED, {"id": flow_id}, token=token)

    assert created["data"]["createFlow"] == {"flow": None, "errors": [{"code": "forbidden"}]}
    assert updated["data"]["updateFlow"] == {"flow": None, "errors": [{"code": "forbidden"}]}
    assert disabled["data"]["setFlowEnabled"] == {"flow": None, "errors": [{"code": "forbidden"}]}
    after = (await gql(FLOWS, {}, token=admin_token))["data"]["flows"]
    assert after == [{"id": flow_id, "enabled": True, "versions": [{"number": 1}]}]


async def test_keys_and_operators_read_flows_of_their_reach(
    gql: Gql, space_key: tuple[str, str], other_key: str, operator_token: str, admin_token: str
) -> None:
    mine = await _a_flow(admin_token, gql, "demo-eyewear")
    theirs = await _a_flow(admin_token, gql, OTHER_SPACE)

    by_own_key = (await gql(FLOWS, {}, token=space_key[1]))["data"]["flows"]
    by_other_key = (await gql(FLOWS, {}, token=other_key))["data"]["flows"]
    by_operator = (await gql(FLOWS, {}, token=operator_token))["data"]["flows"]

    assert [f["id"] for f in by_own_key] == [mine]
    assert [f["id"] for f in by_other_key] == [theirs]
    assert {f["id"] for f in by_operator} == {mine, theirs}


@pytest.fixture
async def stranger_token(clean_db: str) -> str:
    """A personal token of an admin of another organization."""
    from server.domain.statuses import Role
    from server.models import Organization, User
    from server.services import auth, passwords

    organization = await Organization.create(name="Elsewhere")
    user = await User.create(
        organization_id=organization.id,
        email="stranger@example.com",
        password_hash=passwords.hash_password("correct horse battery"),
        role=Role.ADMIN,
    )
    return (await auth.create_user_token(auth.actor_for_user(user), "t")).secret


async def test_an_admin_of_another_organization_reaches_nothing_of_ours(
    gql: Gql, admin_token: str, stranger_token: str, two_spaces: tuple[Rows, Rows]
) -> None:
    mine, _ = two_spaces
    flow_id = await _a_flow(admin_token, gql, "demo-eyewear")
    ids = {
        "order": str(mine.orders[0].id),
        "product": str(mine.products[0].id),
        "part": str(mine.parts[0].id),
    }

    lists = await gql(LISTS, token=stranger_token)
    singles = await gql(SINGLES, ids, token=stranger_token)
    spaces = await gql(SPACES, token=stranger_token)
    keys = await gql(API_KEYS, token=stranger_token)
    flows = await gql(FLOWS, {}, token=stranger_token)
    created = await gql(CREATE_FLOW, {"space": "demo-eyewear", "definition": MANUAL}, token=stranger_token)
    updated = await gql(UPDATE_FLOW, {"id": flow_id, "definition": MANUAL}, token=stranger_token)
    key = await gql(CREATE_KEY, {"spaceKey": "demo-eyewear"}, token=stranger_token)
    revoked = await gql(REVOKE_KEY, {"id": str((await _key_of("demo-eyewear")).id)}, token=stranger_token)

    for listing in ("orders", "products", "parts"):
        assert lists["data"][listing]["totalCount"] == 0
    assert singles["data"] == {"order": None, "product": None, "part": None}
    assert spaces["data"]["spaces"] == [] and keys["data"]["apiKeys"] == []
    assert flows["data"]["flows"] == []
    assert created["data"]["createFlow"]["errors"] == [{"code": "not_found"}]
    assert updated["data"]["updateFlow"]["errors"] == [{"code": "not_found"}]
    assert key["data"]["createApiKey"]["errors"] == [{"code": "not_found"}]
    assert revoked["data"]["revokeApiKey"]["errors"] == [{"code": "not_found"}]


WEBHOOK_READS = """
query ($space: String!, $order: ID!) {
  webhookEndpoints(spaceKey: $space) { url }
  order(id: $order) { webhookDeliveries { totalCount } }
}
"""
CREATE_ENDPOINT = """
mutation ($space: String!) {
  createWebhookEndpoint(spaceKey: $space, url: "http://127.0.0.1:9/h", events: ["*"]) {
    endpoint { url } errors { code }
  }
}
"""


async def test_webhooks_are_managed_by_the_spaces_key_and_admins_read_by_operators_hidden_from_others(
    gql: Gql,
    admin_token: str,
    space_key: tuple[str, str],
    operator_token: str,
    other_key: str,
    stranger_token: str,
    two_spaces: tuple[Rows, Rows],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from server import settings

    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])
    mine, _ = two_spaces
    reads = {"space": "demo-eyewear", "order": str(mine.orders[0].id)}

    for manager in (space_key[1], admin_token):
        made = (await gql(CREATE_ENDPOINT, {"space": "demo-eyewear"}, manager))["data"][
            "createWebhookEndpoint"
        ]
        assert made["errors"] == [] and made["endpoint"]["url"] == "http://127.0.0.1:9/h"
    for refused in (operator_token, other_key, stranger_token):
        made = (await gql(CREATE_ENDPOINT, {"space": "demo-eyewear"}, refused))["data"][
            "createWebhookEndpoint"
        ]
        assert made["endpoint"] is None and made["errors"]
    for reader in (space_key[1], admin_token, operator_token):
        read = await gql(WEBHOOK_READS, reads, reader)
        assert [e["url"] for e in read["data"]["webhookEndpoints"]] == ["http://127.0.0.1:9/h"] * 2
        assert read["data"]["order"]["webhookDeliveries"]["totalCount"] == 0
    for outsider in (other_key, stranger_token):
        read = await gql(WEBHOOK_READS, reads, outsider)
        assert read["data"] is None or not read["data"].get("webhookEndpoints")
        assert read["errors"]
        alone = await gql("query ($order: ID!) { order(id: $order) { webhookDeliveries { totalCount } } }",
                          {"order": reads["order"]}, outsider)  # fmt: skip
        assert alone["data"]["order"] is None
