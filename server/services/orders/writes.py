"""An `OrderInput` as rows of every table of the order tree, and their insert: one statement per table.

Ids are made here (UUIDs), so children can point at their parents before anything is written, and
the statement count of an insert does not grow with the size of the tree. Rows are plain tuples in
the column order of their `Table`: on PostgreSQL each table's rows go in as one
`INSERT … SELECT * FROM unnest(…)` of one array per column, on SQLite as one `executemany`, with
values as Tortoise stores them (UUIDs as text, JSON as compact text).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from server.domain.order_input import AssetInput, ItemInput, LineInput, OrderInput
from server.domain.search_text import search_words
from server.domain.statuses import OrderStatus
from server.models import Order

ORDER_CREATED = "order.created"
# The unique (space, name) index of orders (migration 0): what a resend or a racing create runs into.
ORDER_NAME_CONSTRAINT = "uid_fab_order_space_i_cfbcef"
SQLITE_ORDER_NAME_COLUMNS = "fab_order.space_id, fab_order.name"

Row = tuple[Any, ...]
_dumps = json.JSONEncoder(separators=(",", ":")).encode  # as Tortoise's JSONField writes, made once


@dataclass(frozen=True)
class Table:
    """A table the intake writes: its columns (with their PostgreSQL types) in the order of its rows."""

    name: str
    columns: tuple[tuple[str, str], ...]

    @cached_property
    def postgres_sql(self) -> str:
        names = ", ".join(name for name, _ in self.columns)
        arrays = ", ".join(f"${index}::{kind}[]" for index, (_, kind) in enumerate(self.columns, 1))
        return f'INSERT INTO "{self.name}" ({names}) SELECT * FROM unnest({arrays})'

    @cached_property
    def sqlite_sql(self) -> str:
        names = ", ".join(name for name, _ in self.columns)
        return f'INSERT INTO "{self.name}" ({names}) VALUES ({", ".join("?" * len(self.columns))})'


ORDERS = Table(
    "fab_order",
    (
        ("id", "uuid"), ("space_id", "uuid"), ("name", "text"), ("status", "text"), ("value", "numeric"),
        ("deadline", "timestamptz"), ("tags", "jsonb"), ("flow_tags", "jsonb"), ("data", "jsonb"),
        ("flow_key", "text"), ("update_url", "text"), ("thumbnail_url", "text"), ("intake_hash", "text"),
        ("search_text", "text"), ("webhook_sequence", "int"), ("created_at", "timestamptz"),
        ("updated_at", "timestamptz"),
    ),
)  # fmt: skip
ADDRESSES = Table(
    "address",
    (
        ("id", "uuid"), ("order_id", "uuid"), ("position", "int"), ("address_type", "text"),
        ("purpose", "text"), ("data", "jsonb"),
    ),
)  # fmt: skip
PRODUCTS = Table(
    "product",
    (
        ("id", "uuid"), ("order_id", "uuid"), ("position", "int"), ("client_id", "text"), ("title", "text"),
        ("data", "jsonb"), ("amount_of_units", "int"), ("value_per_unit", "numeric"),
        ("deadline", "timestamptz"), ("thumbnail_url", "text"), ("order_name", "text"),
        ("search_text", "text"), ("created_at", "timestamptz"),
    ),
)  # fmt: skip
PARTS = Table(
    "part",
    (
        ("id", "uuid"), ("order_id", "uuid"), ("product_id", "uuid"), ("parent_id", "uuid"),
        ("position", "int"), ("client_id", "text"), ("name", "text"), ("data", "jsonb"), ("tags", "jsonb"),
        ("is_asset", "bool"), ("order_name", "text"), ("product_title", "text"), ("search_text", "text"),
        ("created_at", "timestamptz"),
    ),
)  # fmt: skip
ASSETS = Table(
    "asset",
    (
        ("id", "uuid"), ("order_id", "uuid"), ("product_id", "uuid"), ("part_id", "uuid"),
        ("position", "int"), ("client_id", "text"), ("name", "text"), ("url", "text"), ("is_public", "bool"),
        ("kind", "text"), ("created_at", "timestamptz"),
    ),
)  # fmt: skip
VERSIONS = Table(
    "asset_version",
    (("id", "uuid"), ("asset_id", "uuid"), ("position", "int"), ("url", "text"), ("date", "timestamptz")),
)
EVENTS = Table(
    "event",
    (
        ("id", "uuid"), ("order_id", "uuid"), ("kind", "text"), ("message", "text"), ("data", "jsonb"),
        ("actor", "text"), ("created_at", "timestamptz"),
    ),
)  # fmt: skip


ORDER_FIELDS = tuple(name for name, _ in ORDERS.columns)


@dataclass
class TreeRows:
    """The unsaved rows of one order tree; parts come parents first, as SQLite's inserts need them.

    `order` is the order as a model, what the intake answers with once its row is written.
    """

    order: Order
    order_row: Row
    addresses: list[Row] = field(default_factory=list)
    products: list[Row] = field(default_factory=list)
    parts: list[Row] = field(default_factory=list)
    assets: list[Row] = field(default_factory=list)
    versions: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)

    def batches(self) -> list[tuple[Table, list[Row]]]:
        """Each table with its rows, in the order of the inserts (parents before children)."""
        return [
            (ORDERS, [self.order_row]),
            (ADDRESSES, self.addresses),
            (PRODUCTS, self.products),
            (PARTS, self.parts),
            (ASSETS, self.assets),
            (VERSIONS, self.versions),
            (EVENTS, self.events),
        ]


@dataclass(frozen=True)
class Stamp:
    """What every row of one intake shares."""

    order_id: UUID
    now: datetime


def tree_rows(order: OrderInput, space_id: UUID, digest: str, actor: str, now: datetime) -> TreeRows:
    """Every row of `order` in `space_id`, created at `now`; `actor` is who the history names."""
    stamp = Stamp(uuid.uuid4(), now)
    row = _order_row(order, space_id, digest, stamp)
    rows = TreeRows(order=_order_model(row), order_row=row)
    order_id = stamp.order_id
    rows.addresses = [
        (uuid.uuid4(), order_id, position, address.address_type, address.purpose, _dumps(address.data))
        for position, address in enumerate(order.addresses)
    ]
    _add_assets(rows, stamp, order.assets, None, None)
    for position, line in enumerate(order.lines):
        _add_product(rows, stamp, line, position, order.name)
    rows.events.append(_created_event(order, rows, stamp, actor))
    return rows


async def insert_tree(rows: TreeRows, conn: BaseDBAsyncClient) -> None:
    """Insert the rows inside the caller's transaction, one statement per table.

    A resend or a racing create fails on the first statement, the order's, with an `IntegrityError`
    that `name_taken` tells apart.
    """
    postgres = str(conn.capabilities.dialect) == "postgres"
    for table, batch in rows.batches():
        if not batch:
            continue
        if postgres:
            await conn.execute_query(
                table.postgres_sql, [list(column) for column in zip(*batch, strict=True)]
            )
        else:
            await conn.execute_many(table.sqlite_sql, [_sqlite_row(row) for row in batch])
    rows.order._saved_in_db = True  # as if saved: callers may update and refresh it


def name_taken(error: IntegrityError) -> bool:
    """Whether `error` is the unique (space, name) index of orders refusing a second order of a name."""
    cause = error.args[0] if error.args else error.__cause__
    if isinstance(cause, sqlite3.IntegrityError):
        return "UNIQUE" in str(cause) and SQLITE_ORDER_NAME_COLUMNS in str(cause)
    return getattr(cause, "constraint_name", None) == ORDER_NAME_CONSTRAINT


def _sqlite_row(row: Row) -> list[Any]:
    return [str(value) if isinstance(value, UUID) else value for value in row]


def _order_row(order: OrderInput, space_id: UUID, digest: str, stamp: Stamp) -> Row:
    """The order's row, in the columns of `ORDERS`."""
    return (
        stamp.order_id, space_id, order.name, OrderStatus.CREATED.value, order.value, order.deadline,
        _dumps(list(order.tags)), "[]", _dumps(order.data), order.flow_key, order.update_url,
        order.thumbnail_url, digest, order.search_text, 0, stamp.now, stamp.now,
    )  # fmt: skip


def _order_model(row: Row) -> Order:
    """The order of `row` as a model, as it reads once stored."""
    values = dict(zip(ORDER_FIELDS, row, strict=True))
    for name in ("status", "flow_tags", "webhook_sequence"):  # the model's defaults
        del values[name]
    values["tags"], values["data"] = json.loads(values["tags"]), json.loads(values["data"])
    return Order(**values)


def _add_product(rows: TreeRows, stamp: Stamp, line: LineInput, position: int, order_name: str) -> None:
    product_id = uuid.uuid4()
    rows.products.append(
        (
            product_id, stamp.order_id, position, line.client_id, line.title, _dumps(line.data),
            line.amount_of_units, line.value_per_unit, line.deadline, line.thumbnail_url, order_name,
            search_words((line.title, line.client_id, order_name)), stamp.now,
        )
    )  # fmt: skip
    _add_assets(rows, stamp, line.assets, product_id, None)
    product = _Product(product_id, order_name, line.title)
    for index, item in enumerate(line.items):
        _add_part(rows, stamp, item, product, None, index)


@dataclass(frozen=True, slots=True)
class _Product:
    """What the parts of a product repeat of it."""

    id: UUID
    order_name: str
    title: str


def _add_part(
    rows: TreeRows, stamp: Stamp, item: ItemInput, product: _Product, parent_id: UUID | None, position: int
) -> None:
    part_id = uuid.uuid4()
    name = item.name
    rows.parts.append(
        (
            part_id, stamp.order_id, product.id, parent_id, position, item.client_id, name,
            _dumps(item.data), _tags_json(item.tags), item.is_asset, product.order_name, product.title,
            search_words((name, item.client_id)), stamp.now,
        )
    )  # fmt: skip  # before its children: the parent must exist when a child is inserted
    _add_assets(rows, stamp, item.assets, product.id, part_id)
    for index, child in enumerate(item.items):
        _add_part(rows, stamp, child, product, part_id, index)


@lru_cache(maxsize=256)
def _tags_json(tags: tuple[str, ...]) -> str:
    """The JSON of a part's tags: the same few lists come again and again."""
    return _dumps(list(tags))


def _add_assets(
    rows: TreeRows,
    stamp: Stamp,
    assets: Sequence[AssetInput],
    product_id: UUID | None,
    part_id: UUID | None,
) -> None:
    """Assets of the order (no product, no part), of a product, or of a part (with its product)."""
    for position, given in enumerate(assets):
        asset_id = uuid.uuid4()
        rows.assets.append(
            (
                asset_id, stamp.order_id, product_id, part_id, position, given.client_id, given.name,
                given.url, given.is_public, given.kind.value, stamp.now,
            )
        )  # fmt: skip
        rows.versions += [
            (uuid.uuid4(), asset_id, index, version.url, version.date)
            for index, version in enumerate(given.versions)
        ]


def _created_event(order: OrderInput, rows: TreeRows, stamp: Stamp, actor: str) -> Row:
    products, parts = len(rows.products), len(rows.parts)
    data = {"thirdPartyOrderId": order.name, "products": products, "parts": parts, "flowKey": order.flow_key}
    return (
        uuid.uuid4(),
        stamp.order_id,
        ORDER_CREATED,
        f"Order {order.name} received: {_count(products, 'product')}, {_count(parts, 'part')}",
        _dumps(data),
        actor,
        stamp.now,
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
