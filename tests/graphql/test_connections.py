"""Connections: keyset pages in every sort and direction, filters, page-size cap, bad cursors."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from server import settings
from server.domain.statuses import OrderStatus
from server.services.orders.lists import OrderSort, PartSort, ProductSort
from tests.graphql.conftest import OTHER_SPACE, Gql
from tests.graphql.seed import BASE_TIME, Rows, seed_orders

ORDERS = """
query ($first: Int, $after: String, $filter: OrderFilter, $orderBy: OrderSortInput) {
  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name status value deadline createdAt } }
  }
}
"""

PRODUCTS = """
query ($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductSortInput) {
  products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title valuePerUnit deadline } }
  }
}
"""

PARTS = """
query ($first: Int, $after: String, $filter: PartFilter, $orderBy: PartSortInput) {
  parts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name } }
  }
}
"""

DOCUMENTS = {"orders": ORDERS, "products": PRODUCTS, "parts": PARTS}


@pytest.fixture
async def orders(space_key: tuple[str, str]) -> Rows:
    """14 orders with ties in every column, 4 of them without a deadline."""
    rows = await seed_orders("demo-eyewear", 6, prefix="ALPHA", tags=["vip"])
    rows.add(
        await seed_orders("demo-eyewear", 4, prefix="BRAVO", status=OrderStatus.IN_PROGRESS, deadline=None)
    )
    rows.add(
        await seed_orders(
            "demo-eyewear", 4, prefix="CHARLIE", status=OrderStatus.SUCCESS, tags=["rush", "vip"]
        )
    )
    return rows


async def _all_pages(gql: Gql, token: str, listing: str, size: int, **variables: Any) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after = None
    for _ in range(200):
        body = await gql(DOCUMENTS[listing], {"first": size, "after": after, **variables}, token=token)
        assert "errors" not in body, body
        connection = body["data"][listing]
        nodes += [edge["node"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes
        after = connection["pageInfo"]["endCursor"]
    raise AssertionError("paging never ended")


async def _count(gql: Gql, token: str, listing: str, flt: dict[str, Any]) -> int:
    body = await gql(DOCUMENTS[listing], {"first": 0, "filter": flt}, token=token)
    assert "errors" not in body, body
    return int(body["data"][listing]["totalCount"])


SORTS = (
    [("orders", s.value, d) for s in OrderSort for d in ("ASC", "DESC")]
    + [("products", s.value, d) for s in ProductSort for d in ("ASC", "DESC")]
    + [("parts", s.value, d) for s in PartSort for d in ("ASC", "DESC")]
)


@pytest.mark.parametrize(("listing", "field", "direction"), SORTS)
async def test_pages_cover_the_list_once_in_every_sort(
    gql: Gql, space_key: tuple[str, str], orders: Rows, listing: str, field: str, direction: str
) -> None:
    # given the list in one page, as the reference order
    order_by = {"field": field, "direction": direction}
    reference = await _all_pages(gql, space_key[1], listing, 500, orderBy=order_by)
    assert len(reference) == {"orders": 14, "products": 28, "parts": 112}[listing]

    # when it is read in small pages, following the cursors
    paged = await _all_pages(
        gql, space_key[1], listing, {"orders": 3, "products": 5, "parts": 9}[listing], orderBy=order_by
    )

    # then every row comes exactly once, in the same order
    assert [n["id"] for n in paged] == [n["id"] for n in reference]


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_numbers_sort_as_numbers_and_empty_deadlines_come_last(
    gql: Gql, space_key: tuple[str, str], orders: Rows, direction: str
) -> None:
    by_value = await _all_pages(
        gql, space_key[1], "orders", 4, orderBy={"field": "VALUE", "direction": direction}
    )
    values = [Decimal(n["value"]) for n in by_value]
    assert values == sorted(values, reverse=direction == "DESC")

    by_deadline = await _all_pages(
        gql, space_key[1], "orders", 4, orderBy={"field": "DEADLINE", "direction": direction}
    )
    deadlines = [n["deadline"] for n in by_deadline]
    assert deadlines[-4:] == [None] * 4
    assert deadlines[:-4] == sorted(deadlines[:-4], reverse=direction == "DESC")


async def test_page_info_and_default_order(gql: Gql, space_key: tuple[str, str], orders: Rows) -> None:
    first = (await gql(ORDERS, {"first": 5}, token=space_key[1]))["data"]["orders"]
    assert first["totalCount"] == 14
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    created = [n["node"]["createdAt"] for n in first["edges"]]
    assert created == sorted(created, reverse=True)  # newest first unless asked otherwise

    second = await gql(ORDERS, {"first": 5, "after": first["pageInfo"]["endCursor"]}, token=space_key[1])
    assert second["data"]["orders"]["pageInfo"]["hasPreviousPage"]


FILTERS = [
    ("orders", {"status": ["IN_PROGRESS"]}, 4),
    ("orders", {"status": ["IN_PROGRESS", "SUCCESS"]}, 8),
    ("orders", {"tags": ["rush"]}, 4),
    ("orders", {"tags": ["VIP "]}, 10),
    ("orders", {"tags": ["rush", "nothing-like-it"]}, 4),
    ("orders", {"search": "charlie-0001"}, 1),
    ("orders", {"search": "Frame 1 of ALPHA-0002"}, 1),  # a product title, through search_text
    ("orders", {"search": "%"}, 0),
    ("orders", {"search": "_"}, 0),
    (
        "orders",
        {
            "createdFrom": (BASE_TIME + timedelta(minutes=1)).isoformat(),
            "createdTo": (BASE_TIME + timedelta(minutes=2)).isoformat(),
        },
        8,
    ),
    ("orders", {"deadlineFrom": (BASE_TIME + timedelta(days=3)).isoformat()}, 3),
    ("orders", {"deadlineTo": BASE_TIME.isoformat()}, 3),
    ("orders", {"status": ["SUCCESS"], "tags": ["vip"], "search": "0003"}, 1),
    ("orders", {"spaceKey": OTHER_SPACE}, 0),
    ("products", {"tags": ["rush"]}, 8),
    ("products", {"search": "line-1"}, 14),
    ("products", {"orderStatus": ["SUCCESS"]}, 8),
    ("products", {"deadlineFrom": (BASE_TIME + timedelta(days=4)).isoformat()}, 2),
    ("parts", {"tags": ["sls"]}, 28),
    ("parts", {"search": "CHILD-1-0"}, 14),
    ("parts", {"orderStatus": ["CREATED"], "tags": ["inner"]}, 24),
]


@pytest.mark.parametrize(("listing", "flt", "expected"), FILTERS)
async def test_filters(
    gql: Gql, space_key: tuple[str, str], orders: Rows, listing: str, flt: dict[str, Any], expected: int
) -> None:
    assert await _count(gql, space_key[1], listing, flt) == expected


async def test_filters_by_ids(gql: Gql, space_key: tuple[str, str], orders: Rows) -> None:
    order, product = orders.orders[0], orders.products[0]
    token = space_key[1]
    assert await _count(gql, token, "orders", {"search": str(order.id)}) == 1
    assert await _count(gql, token, "products", {"orderId": str(order.id)}) == 2
    assert await _count(gql, token, "parts", {"productId": str(product.id)}) == 4
    assert await _count(gql, token, "parts", {"search": str(orders.parts[0].id)}) == 1


async def test_filter_by_space_for_a_user_of_the_organization(
    gql: Gql, admin_token: str, other_key: str, orders: Rows
) -> None:
    await seed_orders(OTHER_SPACE, 2, prefix="LAMP")
    assert await _count(gql, admin_token, "orders", {}) == 16
    assert await _count(gql, admin_token, "orders", {"spaceKey": OTHER_SPACE}) == 2
    assert await _count(gql, admin_token, "orders", {"spaceKey": "no-such-space"}) == 0


async def test_page_size_is_capped(
    gql: Gql, space_key: tuple[str, str], orders: Rows, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "PAGE_SIZE_MAX", 5)
    body = await gql(ORDERS, {"first": 1000}, token=space_key[1])
    assert len(body["data"]["orders"]["edges"]) == 5
    assert body["data"]["orders"]["pageInfo"]["hasNextPage"]


async def test_a_page_of_nothing_still_counts(gql: Gql, space_key: tuple[str, str], orders: Rows) -> None:
    body = await gql(ORDERS, {"first": 0}, token=space_key[1])
    assert body["data"]["orders"]["edges"] == []
    assert body["data"]["orders"]["pageInfo"]["hasNextPage"] is True
    assert body["data"]["orders"]["totalCount"] == 14


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"after": "not-a-cursor"}, "INVALID"),
        ({"after": "eyJ4IjoxfQ"}, "INVALID"),  # base64 of JSON, but not ours
        ({"first": -1}, "INVALID"),
    ],
)
async def test_bad_paging_input_is_a_clear_error(
    gql: Gql, space_key: tuple[str, str], orders: Rows, variables: dict[str, Any], code: str
) -> None:
    body = await gql(ORDERS, variables, token=space_key[1])
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == code
    assert error["message"] != "Unexpected error."


async def test_a_cursor_of_another_sort_is_refused(
    gql: Gql, space_key: tuple[str, str], orders: Rows
) -> None:
    page = await gql(ORDERS, {"first": 2, "orderBy": {"field": "NAME"}}, token=space_key[1])
    cursor = page["data"]["orders"]["pageInfo"]["endCursor"]

    body = await gql(ORDERS, {"first": 2, "after": cursor, "orderBy": {"field": "VALUE"}}, token=space_key[1])

    assert body["errors"][0]["extensions"]["errors"][0]["field"] == "after"
