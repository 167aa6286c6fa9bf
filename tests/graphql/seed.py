"""A small seeding helper: whole order trees inserted with bulk_create, no intake service needed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from server.domain.search_text import search_words
from server.domain.statuses import AssetKind, OrderStatus
from server.models import Address, Asset, AssetVersion, HistoryEntry, Order, Part, Product, Space

BASE_TIME = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Shape:
    """How big each order's tree is."""

    products: int = 2
    parts: int = 2  # top-level parts per product, each with one child part
    assets: int = 1  # per part (and per product, and per order)
    versions: int = 2  # per asset
    children: bool = True  # one child part under each top-level part


@dataclass
class Rows:
    orders: list[Order]
    products: list[Product]
    parts: list[Part]
    assets: list[Asset]
    versions: list[AssetVersion]
    addresses: list[Address]
    events: list[HistoryEntry]

    def add(self, other: Rows) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))


def _order_rows(space: Space, index: int, shape: Shape, prefix: str, **overrides: object) -> Rows:
    order = Order(
        id=uuid.uuid4(),
        space_id=space.id,
        name=f"{prefix}-{index:04d}",
        status=overrides.get("status", OrderStatus.CREATED),
        value=overrides.get("value", Decimal(index % 7) * 10 + Decimal("9.50")),
        deadline=overrides.get("deadline", BASE_TIME + timedelta(days=index % 5)),
        tags=overrides.get("tags", []),
        data={"customerInfo": {"email": f"c{index}@example.com"}},
        intake_hash="0" * 64,
        created_at=overrides.get("created_at", BASE_TIME + timedelta(minutes=index // 2)),
    )
    rows = Rows([order], [], [], [], [], [], [])
    rows.addresses.append(
        Address(
            id=uuid.uuid4(), order_id=order.id, position=0, address_type="shipping", data={"city": "Gent"}
        )
    )
    rows.events.append(
        HistoryEntry(id=uuid.uuid4(), order_id=order.id, kind="order.created", message="Created")
    )
    _asset(rows, order.id, None, None, shape, f"{order.name}-order")
    names = [order.name.lower()]
    for p in range(shape.products):
        product = Product(
            id=uuid.uuid4(),
            order_id=order.id,
            position=p,
            client_id=f"line-{p}",
            title=f"Frame {p} of {order.name}",
            data={"width": 50 + p},
            amount_of_units=p + 1,
            value_per_unit=Decimal("10.00") * (p + 1),
            deadline=order.deadline,
        )
        rows.products.append(product)
        names.append(product.title.lower())
        _asset(rows, order.id, product.id, None, shape, f"{product.title}-file")
        for t in range(shape.parts):
            top = _part(rows, order.id, product.id, None, t, f"part-{p}-{t}", ["sls"] if t % 2 else ["fdm"])
            if shape.children:
                _part(rows, order.id, product.id, top.id, 0, f"child-{p}-{t}", ["inner"])
            names += [top.name.lower(), top.client_id.lower()]
    order.search_text = " ".join(names)
    _denormalise(order, rows)
    return rows


def _denormalise(order: Order, rows: Rows) -> None:
    """What intake keeps on products and parts: order name, product title, search words."""
    titles = {}
    for product in rows.products:
        product.order_name = order.name
        product.search_text = search_words((product.title, product.client_id, order.name))
        titles[product.id] = product.title
    for part in rows.parts:
        part.order_name = order.name
        part.product_title = titles[part.product_id]  # type: ignore[attr-defined]
        part.search_text = search_words((part.name, part.client_id))


def _part(
    rows: Rows,
    order_id: uuid.UUID,
    product_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    position: int,
    client_id: str,
    tags: list[str],
) -> Part:
    part = Part(
        id=uuid.uuid4(),
        order_id=order_id,
        product_id=product_id,
        parent_id=parent_id,
        position=position,
        client_id=client_id,
        name=client_id.title(),
        data={"name": client_id.title()},
        tags=tags,
    )
    rows.parts.append(part)
    return part


def _asset(
    rows: Rows,
    order_id: uuid.UUID,
    product_id: uuid.UUID | None,
    part_id: uuid.UUID | None,
    shape: Shape,
    name: str,
) -> None:
    if part_id is None and product_id is None and shape.assets == 0:
        return
    for a in range(shape.assets):
        asset = Asset(
            id=uuid.uuid4(),
            order_id=order_id,
            product_id=product_id,
            part_id=part_id,
            position=a,
            client_id=f"{name}-{a}",
            name=f"{name}-{a}.stl",
            url=f"https://files.example.com/{name}-{a}.stl",
            kind=AssetKind.PRODUCTION,
        )
        rows.assets.append(asset)
        for v in range(shape.versions):
            rows.versions.append(
                AssetVersion(
                    id=uuid.uuid4(),
                    asset_id=asset.id,
                    position=v,
                    url=f"{asset.url}?v={v}",
                    date=BASE_TIME + timedelta(hours=v),
                )
            )


async def seed_orders(
    space_key: str, count: int, shape: Shape | None = None, prefix: str = "ORD", **overrides: object
) -> Rows:
    """`count` orders with whole trees in the space `space_key`; returns the model rows inserted."""
    space = await Space.get(key=space_key)
    shape = shape or Shape()
    rows = Rows([], [], [], [], [], [], [])
    for index in range(count):
        rows.add(_order_rows(space, index, shape, prefix, **overrides))
    for part in rows.parts:  # part assets, after the parts exist in the list
        _asset(rows, part.order_id, part.product_id, part.id, shape, f"{part.client_id}-{part.order_id}")  # type: ignore[attr-defined]
    await Order.bulk_create(rows.orders)
    await Address.bulk_create(rows.addresses)
    await HistoryEntry.bulk_create(rows.events)
    await Product.bulk_create(rows.products)
    top = [p for p in rows.parts if p.parent_id is None]  # type: ignore[attr-defined]
    await Part.bulk_create(top)
    await Part.bulk_create([p for p in rows.parts if p.parent_id is not None])  # type: ignore[attr-defined]
    await Asset.bulk_create(rows.assets)
    await AssetVersion.bulk_create(rows.versions)
    return rows
