"""Order tags: sent at intake (REST and GraphQL, part of the content), added by flows, changed by people."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from server.domain.actors import Actor
from server.domain.order_input import OrderInput, intake_hash, parse_order_input
from server.domain.statuses import Role
from server.models import HistoryEntry, Order, Organization, Part
from server.services import auth, flows
from server.services.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from server.services.orders.intake import connector_json, create_order
from server.services.orders.lists import ListFilter, PageRequest, Sort, list_orders, list_products
from server.services.orders.tags import change_tags
from tests.conftest import EXAMPLES_DIR

Json = dict[str, Any]
URL = "/api/v1/orders"
CREATE_ORDER = """
mutation ($input: JSON!) {
  createOrder(input: $input) { created errors { field message code } order { id tags } }
}
"""
TAGGED = """query ($tags: [String!]) { orders(filter: {tags: $tags}) { edges { node { name tags } } } }"""
FLOW = {
    "tags": ["Production", "rush"],
    "stages": [
        {
            "key": "wait",
            "initialTaskDefinitionKeys": ["hold"],
            "taskDefinitions": [
                {"key": "hold", "handlerKey": "manual-task", "payload": {"title": "Hold"}, "next": []}
            ],
        }
    ],
}


def order(name: str = "TAGS-1", tags: Any = None, flow_key: str | None = None) -> Json:
    body: Json = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]
    body["thirdPartyOrderId"] = name
    body.pop("flowKey", None)
    if flow_key:
        body["flowKey"] = flow_key
    if tags is not None:
        body["tags"] = tags
    return body


def problems(body: Json) -> list[tuple[str, str]]:
    parsed = parse_order_input(body)
    assert not isinstance(parsed, OrderInput)
    return [(problem.path, problem.code) for problem in parsed.problems]


async def test_tags_sent_with_the_order_are_stored_trimmed_and_lower_cased(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    result = await create_order(admin, order(tags=[" Rush", "b2b", "RUSH"]))

    stored = await Order.get(id=result.order.id)
    assert stored.tags == ["rush", "b2b"] and stored.flow_tags == []
    assert (await connector_json(stored.id))["order"]["tags"] == ["rush", "b2b"]


async def test_part_tags_are_stored_trimmed_and_lower_cased_as_the_orders_are(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    body = order()
    body["orderLines"][0]["items"][0]["tags"] = [" SLS", "Dyed", "sls "]

    result = await create_order(admin, body)
    again = await create_order(admin, {**body, "orderLines": _with_front_tags(body, ["sls", "DYED"])})

    front = await Part.get(order_id=result.order.id, client_id="front")
    assert front.tags == ["sls", "dyed"]
    assert again.created is False and again.order.id == result.order.id  # another case is a resend


def _with_front_tags(body: Json, tags: list[str]) -> list[Json]:
    lines = json.loads(json.dumps(body["orderLines"]))
    lines[0]["items"][0]["tags"] = tags
    return lines  # type: ignore[no-any-return]


def test_bad_tags_are_named_by_their_path() -> None:
    assert problems(order(tags=["ok", 7, "", "x" * 101])) == [
        ("tags[1]", "invalid"),
        ("tags[2]", "required"),
        ("tags[3]", "invalid"),
    ]
    assert problems(order(tags="rush")) == [("tags", "invalid")]
    assert problems(order(tags=[f"t{i}" for i in range(51)])) == [("tags", "invalid")]


def test_an_order_without_tags_keeps_the_hash_it_had_before_tags_existed() -> None:
    untagged = parse_order_input(order())
    empty = parse_order_input(order(tags=[]))
    assert isinstance(untagged, OrderInput) and isinstance(empty, OrderInput)

    assert "tags" not in untagged.to_json()
    assert intake_hash(untagged) == intake_hash(empty)


async def test_the_same_id_with_other_tags_is_a_conflict_and_the_same_tags_are_a_resend(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    first = await create_order(admin, order(tags=["rush", "b2b"]))

    again = await create_order(admin, order(tags=["RUSH ", "b2b"]))
    with pytest.raises(Conflict) as conflict:
        await create_order(admin, order(tags=["rush"]))

    assert again.created is False and again.order.id == first.order.id
    assert conflict.value.errors[0].field == "thirdPartyOrderId"


async def test_rest_takes_tags_and_answers_409_for_other_tags(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    headers = {"Authorization": f"Bearer {space_key[1]}"}

    created = await client.post(URL, json=order(tags=["rush"]), headers=headers)
    other = await client.post(URL, json=order(tags=["b2b"]), headers=headers)
    bad = await client.post(URL, json=order("TAGS-2", tags=[["nested"]]), headers=headers)

    assert created.status_code == 201
    assert other.status_code == 409 and other.json()["errors"][0]["field"] == "thirdPartyOrderId"
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "tags[0]"


async def test_graphql_takes_tags_and_filters_by_them(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    headers = {"Authorization": f"Bearer {space_key[1]}"}

    async def gql(document: str, variables: Json) -> Json:
        answer = await client.post(
            "/graphql", json={"query": document, "variables": variables}, headers=headers
        )
        return answer.json()["data"]  # type: ignore[no-any-return]

    made = (await gql(CREATE_ORDER, {"input": order("GQL-1", tags=["Rush"])}))["createOrder"]
    await gql(CREATE_ORDER, {"input": order("GQL-2", tags=["b2b"])})
    changed = (await gql(CREATE_ORDER, {"input": order("GQL-1", tags=["b2b"])}))["createOrder"]
    found = (await gql(TAGGED, {"tags": ["RUSH"]}))["orders"]["edges"]

    assert made["errors"] == [] and made["order"]["tags"] == ["rush"]
    assert changed["order"] is None and changed["errors"][0]["code"] == "conflict"
    assert [edge["node"]["name"] for edge in found] == ["GQL-1"]


async def test_a_flows_tags_are_added_when_its_run_starts_and_marked_as_from_the_flow(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Tagging flow", json.dumps(FLOW))

    result = await create_order(admin, order(tags=["rush"], flow_key="tagging-flow"))

    stored = await Order.get(id=result.order.id)
    assert stored.tags == ["rush", "production"]
    assert stored.flow_tags == ["production"]  # "rush" was the order's own
    entry = await HistoryEntry.get(order_id=stored.id, kind="order.tags")
    assert entry.message == 'Tags production added by flow "Tagging flow".'
    assert entry.data == {"added": ["production"], "removed": [], "fromFlow": True}


async def test_an_operator_adds_and_removes_tags_with_a_history_entry_naming_them(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    user = await auth.create_user(admin, "op@example.com", "correct horse battery", role=Role.OPERATOR)
    operator = auth.actor_for_user(user)
    await flows.create_flow(admin, "demo-eyewear", "Tagging flow", json.dumps(FLOW))
    made = await create_order(admin, order(flow_key="tagging-flow"))

    added = await change_tags(operator, made.order.id, add=["Fragile", " rush"], remove=[])
    removed = await change_tags(operator, made.order.id, add=[], remove=["production"])
    nothing = await change_tags(operator, made.order.id, add=["fragile"], remove=[])

    stored = await Order.get(id=made.order.id)
    assert added.added == ["fragile"] and removed.removed == ["production"] and not nothing
    assert stored.tags == ["rush", "fragile"] and stored.flow_tags == ["rush"]
    entries = await HistoryEntry.filter(order_id=stored.id, kind="order.tags", actor="user:op@example.com")
    assert sorted(e.message for e in entries) == ["Tags fragile added.", "Tags production removed."]


async def test_tags_are_changed_only_by_people_who_may_see_the_order(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    made = await create_order(admin, order())
    key = await auth.actor_for_token(space_key[1])
    elsewhere = await Organization.create(name="Elsewhere")
    stranger = await auth.create_user(admin, "x@example.com", "correct horse battery")
    await type(stranger).filter(id=stranger.id).update(organization_id=elsewhere.id)
    outsider = auth.actor_for_user(await type(stranger).get(id=stranger.id))

    assert key is not None
    with pytest.raises(PermissionDenied):
        await change_tags(key, made.order.id, add=["x"])
    with pytest.raises(NotFound):
        await change_tags(outsider, made.order.id, add=["x"])
    with pytest.raises(ValidationFailed) as too_long:
        await change_tags(admin, made.order.id, add=["y" * 101])
    assert too_long.value.errors[0].field == "tags"
    assert (await Order.get(id=made.order.id)).tags == []


async def test_lists_filter_by_tag_and_combine_it_with_my_tags(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    for name, tags in (("A", ["rush", "b2b"]), ("B", ["rush"]), ("C", ["b2b"]), ("D", [])):
        await create_order(admin, order(name, tags=tags))

    async def names(flt: ListFilter) -> list[str]:
        found = await list_orders(admin, flt, Sort("NAME", descending=False), PageRequest(first=10))
        return [row.name for row in found.rows]

    assert await names(ListFilter(tags=("RUSH",))) == ["A", "B"]
    assert await names(ListFilter(tags=("rush",), user_tags=("b2b",))) == ["A"]
    assert await names(ListFilter(user_tags=("b2b", "sls"))) == ["A", "C"]
    products = await list_products(admin, ListFilter(tags=("b2b",)), Sort(), PageRequest(first=50))
    wanted = {o.id for o in await Order.filter(name__in=["A", "C"])}
    assert products.rows and {row.order_id for row in products.rows} == wanted


async def test_graphql_tells_the_flows_tags_apart(
    client: httpx.AsyncClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Tagging flow", json.dumps(FLOW))
    made = await create_order(admin, order(tags=["rush"], flow_key="tagging-flow"))
    document = "query ($id: ID!) { order(id: $id) { tags flowTags } }"

    answer = await client.post(
        "/graphql",
        json={"query": document, "variables": {"id": str(made.order.id)}},
        headers={"Authorization": f"Bearer {space_key[1]}"},
    )

    assert answer.json()["data"]["order"] == {"tags": ["rush", "production"], "flowTags": ["production"]}
