"""Filter and sort arguments of the order, product and part lists."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from graphql_schema.errors import PublicError
from graphql_schema.orders.types import OrderStatusEnum
from graphql_schema.pagination import SortDirection
from server.services.orders.lists import ListFilter, OrderSort, PartSort, ProductSort, Sort

OrderSortField = strawberry.enum(OrderSort, name="OrderSortField")
ProductSortField = strawberry.enum(ProductSort, name="ProductSortField")
PartSortField = strawberry.enum(PartSort, name="PartSortField")


@strawberry.input(description="Every field narrows the list (AND); ranges are inclusive.")
class OrderFilter:
    status: list[OrderStatusEnum] | None = None  # type: ignore[valid-type]
    created_from: datetime | None = None
    created_to: datetime | None = None
    deadline_from: datetime | None = None
    deadline_to: datetime | None = None
    search: str | None = strawberry.field(default=None, description="Part of a name or client id, or an id.")
    tags: list[str] | None = strawberry.field(default=None, description="Any of these tags.")
    space_key: str | None = None


@strawberry.input
class ProductFilter:
    order_status: list[OrderStatusEnum] | None = None  # type: ignore[valid-type]
    created_from: datetime | None = None
    created_to: datetime | None = None
    deadline_from: datetime | None = None
    deadline_to: datetime | None = None
    search: str | None = None
    tags: list[str] | None = strawberry.field(default=None, description="Any of these tags of the order.")
    space_key: str | None = None
    order_id: strawberry.ID | None = None


@strawberry.input
class PartFilter:
    order_status: list[OrderStatusEnum] | None = None  # type: ignore[valid-type]
    created_from: datetime | None = None
    created_to: datetime | None = None
    search: str | None = None
    tags: list[str] | None = strawberry.field(default=None, description="Any of these tags of the part.")
    space_key: str | None = None
    order_id: strawberry.ID | None = None
    product_id: strawberry.ID | None = None


@strawberry.input
class OrderSortInput:
    field: OrderSortField  # type: ignore[valid-type]
    direction: SortDirection = SortDirection.ASC


@strawberry.input
class ProductSortInput:
    field: ProductSortField  # type: ignore[valid-type]
    direction: SortDirection = SortDirection.ASC


@strawberry.input
class PartSortInput:
    field: PartSortField  # type: ignore[valid-type]
    direction: SortDirection = SortDirection.ASC


DEFAULT_SORT = Sort("CREATED_AT", descending=True)  # newest first


def to_sort(given: OrderSortInput | ProductSortInput | PartSortInput | None) -> Sort:
    if given is None:
        return DEFAULT_SORT
    return Sort(str(given.field), descending=given.direction is SortDirection.DESC)


def to_filter(given: OrderFilter | ProductFilter | PartFilter | None) -> ListFilter:
    if given is None:
        return ListFilter()
    statuses = given.status if isinstance(given, OrderFilter) else given.order_status
    return ListFilter(
        statuses=tuple(statuses or ()),
        created_from=given.created_from,
        created_to=given.created_to,
        deadline_from=getattr(given, "deadline_from", None),
        deadline_to=getattr(given, "deadline_to", None),
        search=given.search,
        tags=tuple(given.tags or ()),
        space_key=given.space_key,
        order_id=_uuid(getattr(given, "order_id", None), "filter.orderId"),
        product_id=_uuid(getattr(given, "product_id", None), "filter.productId"),
    )


def _uuid(value: str | None, field: str) -> UUID | None:
    if value is None:
        return None
    try:
        return UUID(str(value))
    except ValueError:
        raise PublicError(f"`{field}` is not an id.", "INVALID", field=field) from None
