"""A stored order tree back as an `OrderInput`: what connectors receive (the format of DESIGN §3).

It reads the tree as it is now, with the assets and versions added since the intake, in one
`.values()` query per table (no model objects), and rebuilds the tree by owner id and position.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from server.domain.order_input import (
    AddressInput,
    AssetInput,
    ItemInput,
    LineInput,
    OrderInput,
    VersionInput,
)
from server.domain.statuses import AssetKind
from server.models import Address, Asset, AssetVersion, Order, Part, Product

Row = dict[str, Any]
ADDRESS_COLUMNS = ("address_type", "purpose", "data")
ORDER_COLUMNS = ("id", "name", "flow_key", "update_url", "tags", "data", "space__key")
PRODUCT_COLUMNS = (
    "id", "client_id", "title", "data", "deadline", "amount_of_units", "value_per_unit",
)  # fmt: skip
PART_COLUMNS = ("id", "product_id", "parent_id", "client_id", "data", "tags", "is_asset")
ASSET_COLUMNS = ("id", "product_id", "part_id", "client_id", "name", "url", "is_public", "kind")


async def stored_order_input(order_id: UUID) -> OrderInput | None:
    """The order `order_id` as connector input, or None when there is no such order."""
    orders = await Order.filter(id=order_id).values(*ORDER_COLUMNS)
    if not orders:
        return None
    order = orders[0]
    tree = _Tree(
        parts=await Part.filter(order_id=order_id).order_by("position", "id").values(*PART_COLUMNS),
        assets=await Asset.filter(order_id=order_id).order_by("position", "id").values(*ASSET_COLUMNS),
        versions=await AssetVersion.filter(asset__order_id=order_id)
        .order_by("position", "id")
        .values("asset_id", "url", "date"),
    )
    products = await Product.filter(order_id=order_id).order_by("position", "id").values(*PRODUCT_COLUMNS)
    addresses = await Address.filter(order_id=order_id).order_by("position", "id").values(*ADDRESS_COLUMNS)
    return OrderInput(
        space_key=order["space__key"],
        flow_key=order["flow_key"],
        name=order["name"],
        update_url=order["update_url"],
        tags=tuple(order["tags"] or ()),  # as they are now: sent, added by its flow or by operators
        addresses=tuple(
            AddressInput(address_type=a["address_type"], purpose=a["purpose"], data=a["data"])
            for a in addresses
        ),
        data=order["data"],
        lines=tuple(tree.line(product) for product in products),
        assets=tree.assets_of(None),
    )


class _Tree:
    """Parts, assets and versions of one order, grouped by the id of what they belong to."""

    def __init__(self, parts: list[Row], assets: list[Row], versions: list[Row]) -> None:
        self._parts_under: dict[UUID, list[Row]] = defaultdict(list)  # by parent part, or product if top
        for part in parts:
            self._parts_under[part["parent_id"] or part["product_id"]].append(part)
        self._assets_of: dict[UUID | None, list[Row]] = defaultdict(list)  # by most specific owner
        for asset in assets:
            self._assets_of[asset["part_id"] or asset["product_id"]].append(asset)
        self._versions_of: dict[UUID, list[VersionInput]] = defaultdict(list)
        for version in versions:
            self._versions_of[version["asset_id"]].append(
                VersionInput(url=version["url"], date=version["date"])
            )

    def line(self, product: Row) -> LineInput:
        return LineInput(
            client_id=product["client_id"],
            title=product["title"],
            data=product["data"],
            deadline=product["deadline"],
            amount_of_units=product["amount_of_units"],
            value_per_unit=product["value_per_unit"],
            items=self._items_under(product["id"]),
            assets=self.assets_of(product["id"]),
        )

    def assets_of(self, owner_id: UUID | None) -> tuple[AssetInput, ...]:
        """Assets of a part or product by its id; those of the order itself by None."""
        return tuple(self._asset(row) for row in self._assets_of.get(owner_id, []))

    def _items_under(self, owner_id: UUID) -> tuple[ItemInput, ...]:
        return tuple(
            ItemInput(
                client_id=part["client_id"],
                data=part["data"],
                tags=tuple(part["tags"] or ()),
                is_asset=part["is_asset"],
                items=self._items_under(part["id"]),
                assets=self.assets_of(part["id"]),
            )
            for part in self._parts_under.get(owner_id, [])
        )

    def _asset(self, row: Row) -> AssetInput:
        return AssetInput(
            client_id=row["client_id"],
            url=row["url"],
            name=row["name"],
            kind=AssetKind(row["kind"]),
            is_public=row["is_public"],
            versions=tuple(self._versions_of.get(row["id"], [])),
        )
