"""Relay-style connections (`edges { node cursor }`, `pageInfo`, `totalCount`)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar, cast

import strawberry

from graphql_schema.execution import LateFields
from server.services.orders.lists import Page

NodeT = TypeVar("NodeT")


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    node: NodeT
    cursor: str


@strawberry.type
class Connection(LateFields, Generic[NodeT]):
    """A page of a list. Its count may come after its rows (`counting`): the executor renders the
    rows while the database still counts (`graphql_schema.execution.LateFields`)."""

    LATE_ATTRIBUTES: ClassVar[frozenset[str]] = frozenset({"total_count", "total_count_is_exact"})

    edges: list[Edge[NodeT]]
    page_info: PageInfo
    # Counted only when selected; the whole filtered list, not the page, exact up to 10,000.
    total_count: int = strawberry.field(
        description="Rows matching the filter, counted up to 10,000 (see `totalCountIsExact`)."
    )
    total_count_is_exact: bool = strawberry.field(
        description="False when more rows match than `totalCount` says (the count stopped at 10,000)."
    )
    counting: strawberry.Private[asyncio.Future[Page[Any]] | None] = None

    def pending_fields(self) -> asyncio.Future[Page[Any]] | None:
        return self.counting

    def fill_late_fields(self) -> None:
        if self.counting is not None:
            counted = self.counting.result()
            self.total_count = counted.total_count or 0
            self.total_count_is_exact = counted.total_count_is_exact
            self.counting = None


class PageEdge:
    """An `Edge` of a keyset page whose cursor is encoded only when read (it is seldom selected).

    Read like an `Edge` (by attribute) by the executor and by the planned renderers.
    """

    __slots__ = ("_at", "_cursors", "node")

    def __init__(self, node: Any, cursors: Sequence[str], at: int) -> None:
        self.node = node
        self._cursors = cursors
        self._at = at

    @property
    def cursor(self) -> str:
        return self._cursors[self._at]


class PagePageInfo:
    """A `PageInfo` of a keyset page whose start and end cursors are encoded only when read."""

    __slots__ = ("_cursors", "has_next_page", "has_previous_page")

    def __init__(self, page: Page[Any]) -> None:
        self.has_next_page = page.has_next
        self.has_previous_page = page.has_previous
        self._cursors = page.cursors

    @property
    def start_cursor(self) -> str | None:
        return self._cursors[0] if self._cursors else None

    @property
    def end_cursor(self) -> str | None:
        return self._cursors[-1] if self._cursors else None


def connection_of(
    page: Page[Any], rows: list[Any], counting: asyncio.Future[Page[Any]] | None = None
) -> Connection[Any]:
    """`rows` are the page's rows as the request's tree loader knows them; `counting`, when the
    count runs beside them, gives the count (a page without rows)."""
    if len(rows) != len(page.cursors):
        raise ValueError("a page needs one cursor per row")
    cursors = page.cursors
    edges = [PageEdge(row, cursors, at) for at, row in enumerate(rows)]
    return Connection(
        edges=cast(list[Edge[Any]], edges),
        page_info=cast(PageInfo, PagePageInfo(page)),
        total_count=page.total_count or 0,
        total_count_is_exact=page.total_count_is_exact,
        counting=counting,
    )
