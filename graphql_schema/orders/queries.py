"""Queries of the order tree: the three lists and the three single lookups."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar
from uuid import UUID

import strawberry
from graphql import GraphQLResolveInfo
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
from server.services.orders.tree import TreeLoader

RowT = TypeVar("RowT")
Lister = Callable[..., Awaitable[Page[Any]]]


def _root_selection(info: Info) -> Selection:
    raw = info._raw_info
    return selection_of_nodes(raw.field_nodes, raw.fragments)


def _page_request(sel: Selection, first: int | None, after: str | None) -> PageRequest:
    wants_rows = "edges" in sel or "pageInfo" in sel
    wants_count = "totalCount" in sel or "totalCountIsExact" in sel
    return PageRequest(first=first, after=after, with_rows=wants_rows, with_count=wants_count)


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


def _parse_id(value: str) -> UUID | None:
    try:
        return UUID(str(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class ListField:
    """What a list field lists and how its rows are adopted and expanded."""

    lister: Lister
    adopt: Callable[[TreeLoader, list[Any]], list[Any]]
    expand: Callable[[TreeLoader, list[Any], Selection], Awaitable[None]]

    def convert(self, arguments: dict[str, Any]) -> tuple[ListFilter, Sort]:
        """The field's Strawberry arguments (`filter`, `order_by`) as the service's values."""
        return to_filter(arguments.get("filter")), to_sort(arguments.get("order_by"))

    async def resolve(
        self, raw: GraphQLResolveInfo, converted: tuple[Any, ...], arguments: dict[str, Any]
    ) -> Connection[Any]:
        """The connection of one page; `converted` is what `convert` made of the arguments."""
        flt, sort = converted
        sel = selection_of_nodes(raw.field_nodes, raw.fragments)
        tree = raw.context.tree
        request = _page_request(sel, arguments.get("first"), arguments.get("after"))
        actor = raw.context.actor
        counting = None
        if request.with_count and request.with_rows and order_lists.reads_side_by_side():
            counting = asyncio.ensure_future(self._list(actor, flt, sort, replace(request, with_rows=False)))
            counting.add_done_callback(_retrieve)  # its failure is raised where it is awaited, if it is
            request = replace(request, with_count=False)
        try:
            if counting is not None:
                await asyncio.sleep(0)  # the count, the longer query, goes out first
            page = await self._list(actor, flt, sort, request)
            rows = self.adopt(tree, page.rows)
            await self.expand(tree, rows, path(sel, "edges", "node") or {})
        except BaseException:
            if counting is not None:
                counting.cancel()
            raise
        return connection_of(page, rows, counting)

    async def _list(self, actor: Any, flt: ListFilter, sort: Sort, request: PageRequest) -> Page[Any]:
        try:
            return await self.lister(actor, flt, sort, request)
        except ServiceError as exc:
            raise public_error(exc) from exc


ORDERS = ListField(order_lists.list_orders, TreeLoader.adopt_orders, expand_orders)
PRODUCTS = ListField(order_lists.list_products, TreeLoader.adopt_products, expand_products)
PARTS = ListField(order_lists.list_parts, TreeLoader.adopt_parts, expand_parts)
# The query fields that `graphql_schema.direct` may resolve without Strawberry's wrapping.
LIST_FIELDS = {"orders": ORDERS, "products": PRODUCTS, "parts": PARTS}


def _arguments(first: int | None, after: str | None, flt: Any, order_by: Any) -> dict[str, Any]:
    return {"first": first, "after": after, "filter": flt, "order_by": order_by}


async def _listed(info: Info, listing: ListField, arguments: dict[str, Any]) -> Any:
    return await listing.resolve(info._raw_info, listing.convert(arguments), arguments)


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
        return await _listed(info, ORDERS, _arguments(first, after, filter, order_by))  # type: ignore[no-any-return]

    @strawberry.field(permission_classes=[Permitted])
    async def products(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: ProductFilter | None = None,
        order_by: ProductSortInput | None = None,
    ) -> Connection[ProductType]:
        return await _listed(info, PRODUCTS, _arguments(first, after, filter, order_by))  # type: ignore[no-any-return]

    @strawberry.field(permission_classes=[Permitted])
    async def parts(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: PartFilter | None = None,
        order_by: PartSortInput | None = None,
    ) -> Connection[PartType]:
        return await _listed(info, PARTS, _arguments(first, after, filter, order_by))  # type: ignore[no-any-return]

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
