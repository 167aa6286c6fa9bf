"""Bulk loads of the order tree, one statement per level, for one request.

A `TreeLoader` lives for one request. Each `attach_*` fills one relation slot of
many rows at once with a single query filtered by order ids, at most a page of them
(`server.services.orders.fetch`), so the number of statements depends on which levels are asked for,
never on how many orders, products, parts or assets there are. Rows are kept by id:
the same product reached twice is the same object, and nothing is loaded twice.

Visibility is inherited: callers attach only to rows the read service let them see,
and every row loaded here belongs to one of those orders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from tortoise.models import Model

from server.models import Address, Asset, AssetVersion, HistoryEntry, ManualTask, Order, Part, Product, Space
from server.services.orders.fetch import select_rows
from server.services.orders.rows import (
    AddressRow,
    AssetRow,
    AssetVersionRow,
    HistoryEntryRow,
    ManualTaskRow,
    OrderRow,
    PartRow,
    ProductRow,
    SpaceRow,
    column_names,
)

RowT = TypeVar("RowT")
BY_POSITION = "t.order_id, t.position"
AssetOwner = OrderRow | ProductRow | PartRow


class TreeLoader:
    def __init__(self) -> None:
        self.orders: dict[UUID, OrderRow] = {}
        self.products: dict[UUID, ProductRow] = {}
        self.parts: dict[UUID, PartRow] = {}
        self.assets: dict[UUID, AssetRow] = {}
        self.spaces: dict[UUID, SpaceRow] = {}
        # Which orders had each table loaded, and the results grouped by owner.
        self._loaded: dict[str, set[UUID]] = defaultdict(set)
        self._products_of: dict[UUID, list[ProductRow]] = defaultdict(list)
        self._top_parts_of: dict[UUID, list[PartRow]] = defaultdict(list)
        self._children_of: dict[UUID, list[PartRow]] = defaultdict(list)
        self._assets_of: dict[UUID, list[AssetRow]] = defaultdict(list)  # by most specific owner id
        self._versions_of: dict[UUID, list[AssetVersionRow]] = defaultdict(list)
        self._addresses_of: dict[UUID, list[AddressRow]] = defaultdict(list)
        self._events_of: dict[UUID, list[HistoryEntryRow]] = defaultdict(list)
        self._manual_tasks_of: dict[UUID, list[ManualTaskRow]] = defaultdict(list)

    def clear(self) -> None:
        """Forget (and so release) every row loaded so far; later attaches load afresh."""
        for table in (self.orders, self.products, self.parts, self.assets, self.spaces, self._loaded):
            table.clear()
        for grouped in (
            self._products_of,
            self._top_parts_of,
            self._children_of,
            self._assets_of,
            self._versions_of,
            self._addresses_of,
            self._events_of,
            self._manual_tasks_of,
        ):
            grouped.clear()

    # ------------------------------------------------------------ adopting rows read elsewhere

    def adopt_orders(self, rows: Iterable[OrderRow]) -> list[OrderRow]:
        return [self.orders.setdefault(row.id, row) for row in rows]

    def adopt_products(self, rows: Iterable[ProductRow]) -> list[ProductRow]:
        return [self.products.setdefault(row.id, row) for row in rows]

    def adopt_parts(self, rows: Iterable[PartRow]) -> list[PartRow]:
        return [self.parts.setdefault(row.id, row) for row in rows]

    # ------------------------------------------------------------ relations of orders

    async def attach_products(self, orders: Sequence[OrderRow]) -> list[ProductRow]:
        await self._load_products({o.id for o in orders})
        for order in orders:
            if order.products is None:
                order.products = self._products_of.get(order.id, [])
        return _flatten(o.products for o in orders)

    async def attach_addresses(self, orders: Sequence[OrderRow]) -> list[AddressRow]:
        await self._load_simple("address", Address, AddressRow, {o.id for o in orders}, self._addresses_of)
        for order in orders:
            if order.addresses is None:
                order.addresses = self._addresses_of.get(order.id, [])
        return _flatten(o.addresses for o in orders)

    async def attach_events(self, orders: Sequence[OrderRow]) -> list[HistoryEntryRow]:
        await self._load_simple(
            "event", HistoryEntry, HistoryEntryRow, {o.id for o in orders}, self._events_of
        )
        for order in orders:
            if order.events is None:
                order.events = self._events_of.get(order.id, [])
        return _flatten(o.events for o in orders)

    async def attach_manual_tasks(self, orders: Sequence[OrderRow]) -> list[ManualTaskRow]:
        ids = {o.id for o in orders}
        await self._load_simple("manual_task", ManualTask, ManualTaskRow, ids, self._manual_tasks_of)
        for order in orders:
            if order.manual_tasks is None:
                order.manual_tasks = self._manual_tasks_of.get(order.id, [])
        return _flatten(o.manual_tasks for o in orders)

    async def attach_spaces(self, orders: Sequence[OrderRow]) -> None:
        missing = {o.space_id for o in orders} - self.spaces.keys()
        for space in await select_rows(Space, SpaceRow, missing, by="t.id", order_by="t.id"):
            self.spaces[space.id] = space
        for order in orders:
            order.space = self.spaces.get(order.space_id)

    # ------------------------------------------------------------ parts, assets, versions

    async def attach_parts(self, products: Sequence[ProductRow]) -> list[PartRow]:
        """The top-level parts of each product."""
        await self._load_parts({p.order_id for p in products})
        for product in products:
            if product.parts is None:
                product.parts = self._top_parts_of.get(product.id, [])
        return _flatten(p.parts for p in products)

    async def attach_children(self, parts: Sequence[PartRow]) -> list[PartRow]:
        await self._load_parts({p.order_id for p in parts})
        for part in parts:
            if part.children is None:
                part.children = self._children_of.get(part.id, [])
        return _flatten(p.children for p in parts)

    async def attach_assets(self, owners: Sequence[AssetOwner]) -> list[AssetRow]:
        """The assets whose most specific owner is each order, product or part."""
        await self._load_assets({o.id if isinstance(o, OrderRow) else o.order_id for o in owners})
        for owner in owners:
            if owner.assets is None:
                owner.assets = self._assets_of.get(owner.id, [])
        return _flatten(o.assets for o in owners)

    async def attach_versions(self, assets: Sequence[AssetRow]) -> None:
        order_ids = self._missing("asset_version", {a.order_id for a in assets})
        versions = await select_rows(
            AssetVersion,
            AssetVersionRow,
            order_ids,
            by="a.order_id",
            order_by="t.asset_id, t.position",
            join=' JOIN "asset" a ON a.id = t.asset_id',
        )
        for version in versions:
            self._versions_of[version.asset_id].append(version)
        for asset in assets:
            if asset.versions is None:
                asset.versions = self._versions_of.get(asset.id, [])

    # ------------------------------------------------------------ back references

    async def attach_order(self, rows: Sequence[ProductRow | PartRow]) -> list[OrderRow]:
        await self._load_orders({r.order_id for r in rows})
        for row in rows:
            row.order = self.orders.get(row.order_id)
        return _unique(r.order for r in rows)

    async def attach_product(self, parts: Sequence[PartRow]) -> list[ProductRow]:
        await self._load_products({p.order_id for p in parts})
        for part in parts:
            part.product = self.products.get(part.product_id)
        return _unique(p.product for p in parts)

    # ------------------------------------------------------------ loads

    def _missing(self, table: str, order_ids: set[UUID]) -> set[UUID]:
        missing = order_ids - self._loaded[table]
        self._loaded[table] |= missing
        return missing

    async def _load_orders(self, ids: set[UUID]) -> None:
        for order in await select_rows(Order, OrderRow, ids - self.orders.keys(), by="t.id", order_by="t.id"):
            self.orders.setdefault(order.id, order)

    async def _load_products(self, order_ids: set[UUID]) -> None:
        missing = self._missing("product", order_ids)
        for row in await select_rows(Product, ProductRow, missing, by="t.order_id", order_by=BY_POSITION):
            product = self.products.setdefault(row.id, row)
            self._products_of[product.order_id].append(product)

    async def _load_parts(self, order_ids: set[UUID]) -> None:
        missing = self._missing("part", order_ids)
        for row in await select_rows(Part, PartRow, missing, by="t.order_id", order_by=BY_POSITION):
            part = self.parts.setdefault(row.id, row)
            if part.parent_id is None:
                self._top_parts_of[part.product_id].append(part)
            else:
                self._children_of[part.parent_id].append(part)

    async def _load_assets(self, order_ids: set[UUID]) -> None:
        missing = self._missing("asset", order_ids)
        for row in await select_rows(Asset, AssetRow, missing, by="t.order_id", order_by=BY_POSITION):
            asset = self.assets.setdefault(row.id, row)
            owner = asset.part_id or asset.product_id or asset.order_id
            self._assets_of[owner].append(asset)

    async def _load_simple(
        self,
        table: str,
        model: type[Model],
        row_type: type[Any],
        order_ids: set[UUID],
        grouped: dict[UUID, list[Any]],
    ) -> None:
        missing = self._missing(table, order_ids)
        ordering = "t.position" if "position" in column_names(row_type) else "t.created_at"
        for row in await select_rows(
            model, row_type, missing, by="t.order_id", order_by=f"t.order_id, {ordering}"
        ):
            grouped[row.order_id].append(row)


def _flatten(groups: Iterable[list[RowT] | None]) -> list[RowT]:
    return [row for group in groups if group for row in group]


def _unique(rows: Iterable[RowT | None]) -> list[RowT]:
    seen: dict[int, RowT] = {}
    for row in rows:
        if row is not None:
            seen.setdefault(id(row), row)
    return list(seen.values())
