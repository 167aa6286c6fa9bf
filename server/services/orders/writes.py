"""An `OrderInput` as rows of every table of the order tree, and their insert: one statement per table.

Ids are made here (UUIDs), so children can point at their parents before anything is written, and
the statement count of an insert does not grow with the size of the tree.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from server.domain.order_input import AssetInput, ItemInput, LineInput, OrderInput
from server.domain.search_text import search_words
from server.models import Address, Asset, AssetVersion, HistoryEntry, Order, Part, Product

ORDER_CREATED = "order.created"
ModelT = TypeVar("ModelT", bound=Model)


@dataclass
class TreeRows:
    """The unsaved rows of one order tree; parts come parents first, as the inserts need them."""

    order: Order
    addresses: list[Address] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    versions: list[AssetVersion] = field(default_factory=list)
    events: list[HistoryEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Stamp:
    """What every row of one intake shares."""

    order_id: UUID
    now: datetime


def tree_rows(order: OrderInput, space_id: UUID, digest: str, actor: str, now: datetime) -> TreeRows:
    """Every row of `order` in `space_id`, created at `now`; `actor` is who the history names."""
    stamp = Stamp(uuid.uuid4(), now)
    rows = TreeRows(order=_order_row(order, space_id, digest, stamp))
    rows.addresses = [
        Address(
            id=uuid.uuid4(),
            order_id=stamp.order_id,
            position=position,
            address_type=address.address_type,
            purpose=address.purpose,
            data=address.data,
        )
        for position, address in enumerate(order.addresses)
    ]
    _add_assets(rows, stamp, order.assets, None, None)
    for position, line in enumerate(order.lines):
        _add_product(rows, stamp, line, position, order.name)
    rows.events.append(_created_event(order, rows, stamp, actor))
    return rows


async def insert_tree(rows: TreeRows, conn: BaseDBAsyncClient) -> None:
    """Insert the rows inside the caller's transaction, one statement per table."""
    await rows.order.save(using_db=conn)
    await _bulk(rows.addresses, conn)
    await _bulk(rows.products, conn)
    await _bulk(rows.parts, conn)
    await _bulk(rows.assets, conn)
    await _bulk(rows.versions, conn)
    await _bulk(rows.events, conn)


async def _bulk(batch: Sequence[ModelT], conn: BaseDBAsyncClient) -> None:
    if batch:
        await type(batch[0]).bulk_create(batch, using_db=conn)


def _order_row(order: OrderInput, space_id: UUID, digest: str, stamp: Stamp) -> Order:
    return Order(
        id=stamp.order_id,
        space_id=space_id,
        name=order.name,
        value=order.value,
        deadline=order.deadline,
        tags=list(order.tags),
        data=order.data,
        flow_key=order.flow_key,
        update_url=order.update_url,
        thumbnail_url=order.thumbnail_url,
        intake_hash=digest,
        search_text=order.search_text,
        created_at=stamp.now,
        updated_at=stamp.now,
    )


def _add_product(rows: TreeRows, stamp: Stamp, line: LineInput, position: int, order_name: str) -> None:
    product = Product(
        id=uuid.uuid4(),
        order_id=stamp.order_id,
        position=position,
        client_id=line.client_id,
        title=line.title,
        data=line.data,
        amount_of_units=line.amount_of_units,
        value_per_unit=line.value_per_unit,
        deadline=line.deadline,
        thumbnail_url=line.thumbnail_url,
        order_name=order_name,
        search_text=search_words((line.title, line.client_id, order_name)),
        created_at=stamp.now,
    )
    rows.products.append(product)
    _add_assets(rows, stamp, line.assets, product.id, None)
    for index, item in enumerate(line.items):
        _add_part(rows, stamp, item, product, None, index)


def _add_part(
    rows: TreeRows, stamp: Stamp, item: ItemInput, product: Product, parent_id: UUID | None, position: int
) -> None:
    part = Part(
        id=uuid.uuid4(),
        order_id=stamp.order_id,
        product_id=product.id,
        parent_id=parent_id,
        position=position,
        client_id=item.client_id,
        name=item.name,
        data=item.data,
        tags=list(item.tags),
        is_asset=item.is_asset,
        order_name=product.order_name,
        product_title=product.title,
        search_text=search_words((item.name, item.client_id)),
        created_at=stamp.now,
    )
    rows.parts.append(part)  # before its children: the parent must exist when a child is inserted
    _add_assets(rows, stamp, item.assets, product.id, part.id)
    for index, child in enumerate(item.items):
        _add_part(rows, stamp, child, product, part.id, index)


def _add_assets(
    rows: TreeRows,
    stamp: Stamp,
    assets: tuple[AssetInput, ...],
    product_id: UUID | None,
    part_id: UUID | None,
) -> None:
    """Assets of the order (no product, no part), of a product, or of a part (with its product)."""
    for position, given in enumerate(assets):
        asset = Asset(
            id=uuid.uuid4(),
            order_id=stamp.order_id,
            product_id=product_id,
            part_id=part_id,
            position=position,
            client_id=given.client_id,
            name=given.name,
            url=given.url,
            is_public=given.is_public,
            kind=given.kind,
            created_at=stamp.now,
        )
        rows.assets.append(asset)
        rows.versions += [
            AssetVersion(
                id=uuid.uuid4(), asset_id=asset.id, position=index, url=version.url, date=version.date
            )
            for index, version in enumerate(given.versions)
        ]


def _created_event(order: OrderInput, rows: TreeRows, stamp: Stamp, actor: str) -> HistoryEntry:
    products, parts = len(rows.products), len(rows.parts)
    return HistoryEntry(
        id=uuid.uuid4(),
        order_id=stamp.order_id,
        kind=ORDER_CREATED,
        message=f"Order {order.name} received: {_count(products, 'product')}, {_count(parts, 'part')}",
        data={
            "thirdPartyOrderId": order.name,
            "products": products,
            "parts": parts,
            "flowKey": order.flow_key,
        },
        actor=actor,
        created_at=stamp.now,
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
