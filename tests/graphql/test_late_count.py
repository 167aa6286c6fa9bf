"""A list's count runs beside its rows and comes into the answer after them (`LateFields`): the
answer is the same as if it had come first, with aliases, without a plan, and when either read fails."""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from graphql_schema.documents import DocumentCache
from graphql_schema.execution import LateFields, PlannedExecutionContext
from server.services.orders import lists as order_lists
from tests.graphql.conftest import Gql
from tests.graphql.seed import Rows, seed_orders

ALIASED = """
{
  orders(first: 3, orderBy: {field: NAME, direction: ASC}) {
    first: totalCount
    edges { node { name } }
    again: totalCount
    exact: totalCountIsExact
    pageInfo { hasNextPage }
  }
}
"""
# `quote` has a resolver of its own, so the connection is completed without a plan.
UNPLANNED = """
{
  orders(first: 2, orderBy: {field: NAME, direction: ASC}) {
    totalCount totalCountIsExact
    edges { node { name quote { currency } } }
  }
}
"""


@pytest.fixture
async def orders(space_key: tuple[str, str]) -> Rows:
    return await seed_orders("demo-eyewear", 5, prefix="LATE")


async def test_aliased_counts_come_with_the_rows(gql: Gql, space_key: tuple[str, str], orders: Rows) -> None:
    body = await gql(ALIASED, token=space_key[1])
    assert "errors" not in body, body
    connection = body["data"]["orders"]
    assert list(connection) == ["first", "edges", "again", "exact", "pageInfo"]  # the document's order
    assert connection["first"] == connection["again"] == 5
    assert connection["exact"] is True
    assert [edge["node"]["name"] for edge in connection["edges"]] == ["LATE-0000", "LATE-0001", "LATE-0002"]
    assert connection["pageInfo"] == {"hasNextPage": True}


async def test_a_connection_without_a_plan_gets_its_count(
    gql: Gql, space_key: tuple[str, str], orders: Rows
) -> None:
    body = await gql(UNPLANNED, token=space_key[1])
    assert "errors" not in body, body
    connection = body["data"]["orders"]
    assert (connection["totalCount"], connection["totalCountIsExact"]) == (5, True)
    assert [edge["node"]["name"] for edge in connection["edges"]] == ["LATE-0000", "LATE-0001"]


async def test_a_failed_count_is_an_error_of_the_list(
    gql: Gql, space_key: tuple[str, str], orders: Rows, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing(*args: Any) -> int:
        raise RuntimeError("the count broke")

    monkeypatch.setattr(order_lists, "_count", failing)
    body = await gql(ALIASED, token=space_key[1])
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["path"] == ["orders"]


async def test_a_failed_read_of_the_rows_leaves_no_count_running(
    gql: Gql, space_key: tuple[str, str], orders: Rows, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = order_lists._count
    counts: list[str] = []
    rows_failed = asyncio.Event()

    async def slow_count(*args: Any) -> int:
        counts.append("started")
        try:
            if order_lists.reads_side_by_side():  # still counting when the rows' read fails
                await rows_failed.wait()
            return await counted(*args)
        except asyncio.CancelledError:
            counts.append("cancelled")
            raise

    async def failing_rows(*args: Any) -> Any:
        rows_failed.set()
        raise RuntimeError("the rows broke")

    monkeypatch.setattr(order_lists, "_count", slow_count)
    monkeypatch.setattr(order_lists, "_records", failing_rows)
    body = await gql(ALIASED, token=space_key[1])
    assert body["data"] is None and body["errors"][0]["path"] == ["orders"]
    await asyncio.sleep(0)
    # Side by side (PostgreSQL) the count is cancelled; one after the other (SQLite) it had ended.
    assert counts == (["started", "cancelled"] if order_lists.reads_side_by_side() else ["started"])


@strawberry.type
class Counted(LateFields):
    LATE_ATTRIBUTES: ClassVar[frozenset[str]] = frozenset({"total"})

    name: str
    total: int
    coming: strawberry.Private[asyncio.Future[int] | None] = None

    def pending_fields(self) -> asyncio.Future[int] | None:
        return self.coming

    def fill_late_fields(self) -> None:
        if self.coming is not None:
            self.total, self.coming = self.coming.result(), None


@strawberry.type
class CountedQuery:
    @strawberry.field
    async def counted(self) -> Counted:
        coming: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(coming.set_result, 7)  # after the answer is rendered
        return Counted(name="x", total=0, coming=coming)


class EveryResolver(SchemaExtension):
    """Hooks every resolver, which turns the plans off."""

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        return _next(root, info, *args, **kwargs)


@pytest.mark.parametrize("extensions", [[DocumentCache], [DocumentCache, EveryResolver]])
async def test_late_fields_come_in_with_and_without_plans(extensions: list[Any]) -> None:
    schema = strawberry.Schema(
        query=CountedQuery, execution_context_class=PlannedExecutionContext, extensions=extensions
    )
    result = await schema.execute("{ counted { name early: total total } }")
    assert result.errors is None
    assert result.data == {"counted": {"name": "x", "early": 7, "total": 7}}
