"""Queries of the order tree: the three lists and the three single lookups."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from uuid import UUID

import strawberry
from strawberry import Info

from graphql_schema.errors import public_error
from graphql_schema.orders.inputs import (
    OrderFilter,
    OrderSortInput,
    PartFilter,
    PartSortInput,
    ProductFilter,
    ProductSortInput,
    to_filter,
    to_sort,
)
from graphql_schema.orders.lookahead import (
    Selection,
    expand_orders,
    expand_parts,
    expand_products,
    path,
    selection_of_nodes,
)
from graphql_schema.orders.types import OrderType, PartType, ProductType
from graphql_schema.pagination import Connection, connection_of
from graphql_schema.permissions import Permitted
from server.services.errors import ServiceError
from server.services.orders import lists as order_lists
from server.services.orders.lists import ListFilter, Page, PageRequest, Sort

RowT = TypeVar("RowT")
Lister = Callable[..., Awaitable[Page[Any]]]


def _root_selection(info: Info) -> Selection:
    raw = info._raw_info
    return selection_of_nodes(raw.field_nodes, raw.fragments)


def _page_request(sel: Selection, first: int | None, after: str | None) -> PageRequest:
    wants_rows = "edges" in sel or "pageInfo" in sel
    wants_count = "totalCount" in sel or "totalCountIsExact" in sel
    return PageRequest(first=first, after=after, with_rows=wants_rows, with_count=wants_count)


async def _page(info: Info, lister: Lister, flt: ListFilter, sort: Sort, request: PageRequest) -> Page[Any]:
    try:
        return await lister(info.context.actor, flt, sort, request)
    except ServiceError as exc:
        raise public_error(exc) from exc


def _parse_id(value: str) -> UUID | None:
    try:
        return UUID(str(value))
    except ValueError:
        return None


@strawberry.type
class OrderQueries:
    @strawberry.field(permission_classes=[Permitted], description="Orders the caller may see.")
    async def orders(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: OrderFilter | None = None,
        order_by: OrderSortInput | None = None,
    ) -> Connection[OrderType]:
        sel = _root_selection(info)
        page = await _page(
            info,
            order_lists.list_orders,
            to_filter(filter),
            to_sort(order_by),
            _page_request(sel, first, after),
        )
        rows = info.context.tree.adopt_orders(page.rows)
        await expand_orders(info.context.tree, rows, path(sel, "edges", "node") or {})
        return connection_of(page, rows)  # type: ignore[return-value]

    @strawberry.field(permission_classes=[Permitted])
    async def products(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: ProductFilter | None = None,
        order_by: ProductSortInput | None = None,
    ) -> Connection[ProductType]:
        sel = _root_selection(info)
        page = await _page(
            info,
            order_lists.list_products,
            to_filter(filter),
            to_sort(order_by),
            _page_request(sel, first, after),
        )
        rows = info.context.tree.adopt_products(page.rows)
        await expand_products(info.context.tree, rows, path(sel, "edges", "node") or {})
        return connection_of(page, rows)  # type: ignore[return-value]

    @strawberry.field(permission_classes=[Permitted])
    async def parts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: PartFilter | None = None,
        order_by: PartSortInput | None = None,
    ) -> Connection[PartType]:
        sel = _root_selection(info)
        page = await _page(
            info,
            order_lists.list_parts,
            to_filter(filter),
            to_sort(order_by),
            _page_request(sel, first, after),
        )
        rows = info.context.tree.adopt_parts(page.rows)
        await expand_parts(info.context.tree, rows, path(sel, "edges", "node") or {})
        return connection_of(page, rows)  # type: ignore[return-value]

    @strawberry.field(permission_classes=[Permitted], description="Null when absent or not visible.")
    async def order(self, info: Info, id: strawberry.ID) -> OrderType | None:
        row_id = _parse_id(id)
        row = await order_lists.get_order(info.context.actor, row_id) if row_id else None
        if row is None:
            return None
        rows = info.context.tree.adopt_orders([row])
        await expand_orders(info.context.tree, rows, _root_selection(info))
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(permission_classes=[Permitted], description="Null when absent or not visible.")
    async def product(self, info: Info, id: strawberry.ID) -> ProductType | None:
        row_id = _parse_id(id)
        row = await order_lists.get_product(info.context.actor, row_id) if row_id else None
        if row is None:
            return None
        rows = info.context.tree.adopt_products([row])
        await expand_products(info.context.tree, rows, _root_selection(info))
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(permission_classes=[Permitted], description="Null when absent or not visible.")
    async def part(self, info: Info, id: strawberry.ID) -> PartType | None:
        row_id = _parse_id(id)
        row = await order_lists.get_part(info.context.actor, row_id) if row_id else None
        if row is None:
            return None
        rows = info.context.tree.adopt_parts([row])
        await expand_parts(info.context.tree, rows, _root_selection(info))
        return rows[0]  # type: ignore[return-value]
