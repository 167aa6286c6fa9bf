"""Plain rows of the order tree: what the read side hands to transports.

Never Tortoise model instances: graphql-core treats every object with
`__await__` (Tortoise models have one) as awaitable and completes it as an
asyncio task, which costs more than the query itself (PERFORMANCE.md).

A relation slot (`products`, `parts`, `assets`, …) is `None` while it is not
loaded; `server.services.orders.tree.TreeLoader` fills it in bulk, one query per
level, and keeps one row object per id for the whole request.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from server.domain.statuses import AssetKind, ManualTaskStatus, OrderStatus


@dataclass(slots=True, eq=False)
class SpaceRow:
    id: UUID
    key: str
    name: str


@dataclass(slots=True, eq=False)
class AssetVersionRow:
    id: UUID
    asset_id: UUID
    position: int
    url: str
    date: datetime


@dataclass(slots=True, eq=False)
class AssetRow:
    id: UUID
    order_id: UUID
    product_id: UUID | None
    part_id: UUID | None
    position: int
    client_id: str
    name: str
    url: str
    is_public: bool
    kind: AssetKind
    created_at: datetime
    versions: list[AssetVersionRow] | None = None

    @property
    def current_version(self) -> AssetVersionRow | None:
        """The newest version (latest date; the later position on a tie)."""
        if not self.versions:
            return None
        return max(self.versions, key=lambda v: (v.date, v.position))


@dataclass(slots=True, eq=False)
class AddressRow:
    id: UUID
    order_id: UUID
    position: int
    address_type: str
    purpose: str
    data: dict[str, Any]


@dataclass(slots=True, eq=False)
class HistoryEntryRow:
    id: UUID
    order_id: UUID
    kind: str
    message: str
    data: dict[str, Any]
    actor: str
    created_at: datetime


@dataclass(slots=True, eq=False)
class ManualTaskRow:
    id: UUID
    order_id: UUID
    title: str
    description: str
    assignee_tags: list[str]
    status: ManualTaskStatus
    resolved_by: str
    resolved_at: datetime | None
    comment: str
    created_at: datetime


@dataclass(slots=True, eq=False)
class OrderRow:
    id: UUID
    space_id: UUID
    name: str
    status: OrderStatus
    value: Decimal
    deadline: datetime | None
    tags: list[str]
    flow_tags: list[str]
    data: dict[str, Any]
    flow_key: str | None
    thumbnail_url: str | None
    quote: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime
    products: list[ProductRow] | None = None
    assets: list[AssetRow] | None = None
    addresses: list[AddressRow] | None = None
    events: list[HistoryEntryRow] | None = None
    manual_tasks: list[ManualTaskRow] | None = None
    space: SpaceRow | None = None


@dataclass(slots=True, eq=False)
class OrderSummaryRow:
    """An order as the orders table shows it: no data, quote or flow tags (the table shows none;
    an order's data is often kilobytes, read and decoded for every row of the page)."""

    id: UUID
    space_id: UUID
    name: str
    status: OrderStatus
    value: Decimal
    deadline: datetime | None
    tags: list[str]
    flow_key: str | None
    thumbnail_url: str | None
    created_at: datetime
    space: SpaceRow | None = None


@dataclass(slots=True, eq=False)
class ProductRow:
    id: UUID
    order_id: UUID
    position: int
    client_id: str | None
    title: str
    data: dict[str, Any]
    amount_of_units: int
    value_per_unit: Decimal
    deadline: datetime | None
    thumbnail_url: str | None
    created_at: datetime
    # Top-level parts only; nested parts hang under `PartRow.children`.
    parts: list[PartRow] | None = None
    assets: list[AssetRow] | None = None
    order: OrderRow | None = None


@dataclass(slots=True, eq=False)
class PartRow:
    id: UUID
    order_id: UUID
    product_id: UUID
    parent_id: UUID | None
    position: int
    client_id: str
    name: str
    data: dict[str, Any]
    tags: list[str]
    is_asset: bool
    manufacturing_data: dict[str, Any] | None
    created_at: datetime
    children: list[PartRow] | None = None
    assets: list[AssetRow] | None = None
    product: ProductRow | None = None
    order: OrderRow | None = None


def column_names(row_type: type) -> list[str]:
    """The stored columns of a row type: its fields without a default (relation slots have one)."""
    return [f.name for f in fields(row_type) if f.default is MISSING]
