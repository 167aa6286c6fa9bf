"""The number of SQL statements of a tree query does not grow with the size of the tree."""

from __future__ import annotations

import asyncio

import pytest

from graphql_schema.context import Loaders
from server.models import Order
from server.services import key_cache
from server.services.orders import lists as order_lists
from server.services.orders.tree import TreeLoader
from server.services.sql_count import count_statements
from tests.graphql.conftest import Gql
from tests.graphql.seed import Shape, seed_orders

ORDERS_TREE = """
{
  orders(first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name space { key } addresses { addressType } events { kind } manualTasks { id }
      assets { url versions { url } currentVersion { url } }
      products {
        title assets { url versions { url } } order { name }
        parts {
          name assets { url currentVersion { url } }
          product { title } order { name }
          children { name assets { url versions { url } } children { name } }
        }
      }
    } }
  }
}
"""

PRODUCTS_TREE = """
{
  products(first: 100, orderBy: {field: ORDER_NAME}) {
    totalCount
    edges { node { title order { name space { key } } assets { versions { url } }
                   parts { name children { name } assets { versions { url } } } } }
  }
}
"""

PARTS_TREE = """
{
  parts(first: 100, orderBy: {field: PRODUCT_TITLE, direction: DESC}) {
    totalCount
    edges { node {
      name product { title order { name } } assets { currentVersion { url } } children { name }
    } }
  }
}
"""

ORDER_TREE = """
query ($id: ID!) {
  order(id: $id) { name products { parts { children { assets { versions { url } } } } } }
}
"""


async def _statements_for(
    gql: Gql, document: str, token: str, variables: dict[str, str] | None = None
) -> int:
    with count_statements() as log:
        body = await gql(document, variables, token=token)
    assert "errors" not in body, body
    return log.count


async def test_tree_queries_cost_the_same_for_a_tree_ten_times_larger(
    gql: Gql, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The key's lookup is cached for seconds and its last use written in batches: neither is the
    # tree's cost, so neither may fall inside one measured request and not another on a slow machine.
    monkeypatch.setattr(key_cache, "TTL", 3600.0)
    monkeypatch.setattr(key_cache, "FLUSH_EVERY", 3600.0)
    # given a small tree in one space, measured ...
    await seed_orders("demo-eyewear", 2, Shape(products=1, parts=1, assets=1, versions=1), prefix="SMALL")
    token = space_key[1]
    await gql("{ me { label } }", token=token)  # the key's first use records when it was used: a write
    small_order = await Order.get(name="SMALL-0000")
    small = [await _statements_for(gql, doc, token) for doc in (ORDERS_TREE, PRODUCTS_TREE, PARTS_TREE)] + [
        await _statements_for(gql, ORDER_TREE, token, {"id": str(small_order.id)})
    ]

    # when it grows ten times over in every direction
    await seed_orders("demo-eyewear", 20, Shape(products=4, parts=3, assets=2, versions=3), prefix="LARGE")
    large_order = await Order.get(name="LARGE-0000")
    large = [await _statements_for(gql, doc, token) for doc in (ORDERS_TREE, PRODUCTS_TREE, PARTS_TREE)] + [
        await _statements_for(gql, ORDER_TREE, token, {"id": str(large_order.id)})
    ]

    # then each query sends exactly as many statements as before
    assert large == small
    # (authentication of the key, page, count, then one per requested level)
    assert small[0] <= 12, small


async def test_relations_not_preloaded_are_batched_by_the_dataloaders(
    space_key: tuple[str, str], admin
) -> None:  # type: ignore[no-untyped-def]
    # given orders read without looking ahead
    await seed_orders("demo-eyewear", 5)
    page = await order_lists.list_orders(
        admin, order_lists.ListFilter(), order_lists.Sort(), order_lists.PageRequest()
    )
    tree = TreeLoader()
    orders = tree.adopt_orders(page.rows)
    loaders = Loaders(tree)

    # when each order asks for its products on its own, concurrently
    with count_statements() as log:
        products = await asyncio.gather(*(loaders.load(order, "products") for order in orders))

    # then one statement loaded them all
    assert log.count == 1
    assert [len(p) for p in products] == [2] * 5
