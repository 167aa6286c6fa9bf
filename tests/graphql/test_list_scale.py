"""What keeps lists fast at scale: customer search, capped counts, cached documents, cached keys."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from graphql_schema import documents
from server.domain.actors import Actor
from server.services import auth, key_cache
from server.services.orders import lists as order_lists
from server.services.orders.intake import create_order
from tests.graphql.conftest import Gql
from tests.graphql.seed import seed_orders
from tests.graphql.test_hardening import DEEP

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "order-eyewear.json"
SEARCH = "query ($q: String) { orders(filter: {search: $q}) { totalCount edges { node { name } } } }"
COUNT = "{ orders(first: 1) { totalCount totalCountIsExact } }"


@pytest.mark.parametrize("term", ["Peeters", "ada@example.com", "ADA@EXAMPLE"])
async def test_search_finds_an_order_by_its_customers_name_and_email(
    gql: Gql, admin: Actor, space_key: tuple[str, str], term: str
) -> None:
    created = await create_order(admin, json.loads(EXAMPLE.read_text()))
    await seed_orders("demo-eyewear", 3, prefix="OTHER")

    body = await gql(SEARCH, {"q": term}, token=space_key[1])

    assert [e["node"]["name"] for e in body["data"]["orders"]["edges"]] == [created.order.name]


async def test_the_count_stops_at_its_bound_and_says_so(
    gql: Gql, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed_orders("demo-eyewear", 5, prefix="MANY")
    exact = await gql(COUNT, token=space_key[1])
    monkeypatch.setattr(order_lists, "COUNT_BOUND", 3)
    capped = await gql(COUNT, token=space_key[1])

    assert exact["data"]["orders"] == {"totalCount": 5, "totalCountIsExact": True}
    assert capped["data"]["orders"] == {"totalCount": 3, "totalCountIsExact": False}


async def test_a_cached_document_still_meets_the_limits(gql: Gql, space_key: tuple[str, str]) -> None:
    first = await gql(DEEP, token=space_key[1])
    again = await gql(DEEP, token=space_key[1])

    assert first["errors"] == again["errors"]
    assert "exceeds maximum operation depth" in again["errors"][0]["message"]


async def test_a_changed_limit_is_applied_to_a_document_seen_before(
    gql: Gql, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = "{ orders { edges { node { products { parts { id } } } } } }"
    assert "errors" not in await gql(document, token=space_key[1])
    monkeypatch.setattr("server.settings.GRAPHQL_MAX_DEPTH", 2)

    body = await gql(document, token=space_key[1])

    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


async def test_persisted_queries_by_hash(client: object, space_key: tuple[str, str]) -> None:
    documents.PERSISTED.clear()
    headers = {"Authorization": f"Bearer {space_key[1]}"}
    digest = hashlib.sha256(COUNT.encode()).hexdigest()
    by_hash = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}}

    unknown = (await client.post("/graphql", json=by_hash, headers=headers)).json()  # type: ignore[attr-defined]
    stored = await client.post("/graphql", json={"query": COUNT, **by_hash}, headers=headers)  # type: ignore[attr-defined]
    known = (await client.post("/graphql", json=by_hash, headers=headers)).json()  # type: ignore[attr-defined]
    wrong = {"query": SEARCH, **by_hash}
    mismatch = (await client.post("/graphql", json=wrong, headers=headers)).json()  # type: ignore[attr-defined]

    assert unknown["errors"][0]["message"] == "PersistedQueryNotFound"
    assert unknown["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert stored.json()["data"]["orders"]["totalCount"] == 0
    assert known["data"] == stored.json()["data"]
    assert mismatch["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"


async def test_a_revoked_key_stops_working_at_once_despite_the_cache(
    gql: Gql, admin: Actor, space_key: tuple[str, str]
) -> None:
    assert "errors" not in await gql(COUNT, token=space_key[1])
    (key,) = await auth.list_api_keys(admin, "demo-eyewear")
    await auth.revoke_api_key(admin, key.id)

    body = await gql(COUNT, token=space_key[1])

    assert body.get("data") is None
    assert body["errors"]


async def test_last_use_is_recorded_in_batches(space_key: tuple[str, str], admin: Actor) -> None:
    key_cache.clear()
    key_cache._last_flush = 0.0
    for _ in range(3):
        assert await auth.actor_for_token(space_key[1]) is not None

    (key,) = await auth.list_api_keys(admin, "demo-eyewear")
    assert key.last_used_at is not None
    assert key_cache.due_uses() == {}  # the other uses were folded into the one write
