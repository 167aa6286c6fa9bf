"""The nested order tree over GraphQL: every level, back references, scalars' shapes."""

from __future__ import annotations

import json
from decimal import Decimal

import httpx

from graphql_schema.app import encode_answer
from server.models import Order
from tests.graphql.conftest import Gql
from tests.graphql.seed import Shape, seed_orders

TREE = """
query Tree {
  orders(first: 10, orderBy: {field: NAME, direction: ASC}) {
    totalCount
    edges {
      cursor
      node {
        id name status value deadline createdAt updatedAt tags data flowKey thumbnailUrl
        space { key name }
        addresses { addressType purpose data }
        events { id kind message data actor createdAt }
        manualTasks { id }
        assets { clientId name url isPublic kind versions { url date } currentVersion { url } }
        products {
          id clientId title data amountOfUnits valuePerUnit deadline createdAt
          assets { clientId versions { url } }
          order { id }
          parts {
            id clientId name data tags isAsset manufacturingData createdAt
            product { id } order { name }
            assets { clientId currentVersion { url date } versions { url date } }
            children { clientId name tags children { id } assets { clientId versions { url } } }
          }
        }
      }
    }
  }
}
"""

PART_UPWARDS = """
query Part($id: ID!) {
  part(id: $id) {
    clientId
    product { title order { name products { title } } }
    order { name space { key } }
  }
}
"""

FRAGMENTS = """
fragment FileFields on Asset { clientId versions { url } }
query ($id: ID!) {
  order(id: $id) {
    ... on Order { products { parts { assets { ...FileFields } } } }
    first: products { title }
  }
}
"""


async def test_the_whole_tree_comes_back_nested(gql: Gql, space_key: tuple[str, str]) -> None:
    # given two orders of 2 products × 2 parts (each with a child), assets with 2 versions everywhere
    await seed_orders("demo-eyewear", 2, Shape(products=2, parts=2, assets=1, versions=2))

    # when the whole tree is asked for
    body = await gql(TREE, token=space_key[1])

    # then every level is there, in position order
    assert "errors" not in body, body
    connection = body["data"]["orders"]
    assert connection["totalCount"] == 2
    order = connection["edges"][0]["node"]
    assert order["name"] == "ORD-0000"
    assert order["status"] == "CREATED"
    assert Decimal(order["value"]) == Decimal("9.50")
    assert order["deadline"].startswith("2026-03-01T12:00:00")
    assert order["space"] == {"key": "demo-eyewear", "name": "Eyewear"}
    assert order["addresses"] == [{"addressType": "shipping", "purpose": "", "data": {"city": "Gent"}}]
    assert [e["kind"] for e in order["events"]] == ["order.created"]
    assert order["manualTasks"] == []
    assert order["data"] == {"customerInfo": {"email": "c0@example.com"}}
    assert [a["clientId"] for a in order["assets"]] == ["ORD-0000-order-0"]
    assert order["assets"][0]["kind"] == "PRODUCTION"
    assert order["assets"][0]["currentVersion"]["url"].endswith("?v=1")
    assert [v["url"][-4:] for v in order["assets"][0]["versions"]] == ["?v=0", "?v=1"]

    product = order["products"][0]
    assert [p["title"] for p in order["products"]] == ["Frame 0 of ORD-0000", "Frame 1 of ORD-0000"]
    assert product["valuePerUnit"] == "10.00"
    assert product["order"] == {"id": order["id"]}
    assert len(product["assets"]) == 1 and len(product["assets"][0]["versions"]) == 2

    part = product["parts"][0]
    assert [p["clientId"] for p in product["parts"]] == ["part-0-0", "part-0-1"]
    assert part["product"] == {"id": product["id"]}
    assert part["order"] == {"name": "ORD-0000"}
    assert part["tags"] == ["fdm"]
    assert len(part["assets"][0]["versions"]) == 2
    child = part["children"][0]
    assert child["clientId"] == "child-0-0" and child["tags"] == ["inner"]
    assert child["children"] == []
    assert len(child["assets"][0]["versions"]) == 2


async def test_a_part_reaches_up_to_its_product_and_order(gql: Gql, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    part = next(p for p in rows.parts if p.client_id == "part-1-0")

    body = await gql(PART_UPWARDS, {"id": str(part.id)}, token=space_key[1])

    assert "errors" not in body, body
    found = body["data"]["part"]
    assert found["clientId"] == "part-1-0"
    assert found["product"]["title"] == "Frame 1 of ORD-0000"
    assert [p["title"] for p in found["product"]["order"]["products"]] == [
        "Frame 0 of ORD-0000",
        "Frame 1 of ORD-0000",
    ]
    assert found["order"] == {"name": "ORD-0000", "space": {"key": "demo-eyewear"}}


async def test_fragments_and_aliases_are_looked_ahead_too(gql: Gql, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)

    body = await gql(FRAGMENTS, {"id": str(rows.orders[0].id)}, token=space_key[1])

    assert "errors" not in body, body
    order = body["data"]["order"]
    assert order["first"] == [{"title": "Frame 0 of ORD-0000"}, {"title": "Frame 1 of ORD-0000"}]
    assert len(order["products"][0]["parts"][0]["assets"][0]["versions"]) == 2


async def test_the_answer_holds_the_values_json_would_give(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    # given an order whose data holds non-ASCII text, a float and an integer beyond 64 bits
    data = {"customer": "Łukasz Kowalski", "ratio": 1e16, "big": 2**70 + 1}
    rows = await seed_orders(space_key[0], 1)
    await Order.filter(id=rows.orders[0].id).update(data=data)
    document = "{ orders(first: 1) { edges { node { id value createdAt status data } } } }"

    response = await client.post(
        "/graphql", json={"query": document}, headers={"Authorization": f"Bearer {space_key[1]}"}
    )

    assert response.headers["content-type"] == "application/json"
    node = response.json()["data"]["orders"]["edges"][0]["node"]
    assert node["data"] == data
    assert node["data"]["big"].__class__ is int  # stored, read and sent exactly


def test_encoding_gives_the_same_json_values_as_json_does() -> None:
    answer = {"data": {"name": "Zürich", "n": [1, 2.5, 1e16, None, True], "big": 2**70 + 1}}

    assert json.loads(encode_answer(answer)) == answer
    assert encode_answer({"a": "é", "b": [1.5, None]}) == '{"a":"é","b":[1.5,null]}'.encode()
