"""Exports of selected orders, products and parts: the rows (as the actor may see them) and CSV text.

Cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return
at the start) get a leading apostrophe, so an exported order name cannot run anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Literal
from uuid import UUID

from tortoise.models import Model
from tortoise.queryset import QuerySet

from server.domain.actors import Actor, ActorKind
from server.models import Order, Part, Product
from server.services.errors import FieldError, Unauthenticated, ValidationFailed
from server.services.order_rows import OrderRow, PartRow, ProductRow, column_names
from server.services.order_tree import TreeLoader

MAX_EXPORT_ROWS = 1000
Kind = Literal["orders", "products", "parts"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_MODELS: dict[str, tuple[type[Model], type, str]] = {
    "orders": (Order, OrderRow, "space"),
    "products": (Product, ProductRow, "order__space"),
    "parts": (Part, PartRow, "order__space"),
}


def parse_ids(values: Iterable[str]) -> list[UUID]:
    ids: dict[UUID, None] = {}
    for value in values:
        try:
            ids.setdefault(UUID(str(value)), None)
        except ValueError:
            continue
    if len(ids) > MAX_EXPORT_ROWS:
        raise ValidationFailed(
            "Too many rows selected.", [FieldError("id", f"select at most {MAX_EXPORT_ROWS} rows")]
        )
    return list(ids)


def _visible(query: QuerySet[Any], actor: Actor, space_path: str) -> QuerySet[Any]:
    if actor.kind is ActorKind.SPACE_KEY:
        return query.filter(**{f"{space_path}_id": actor.space_id})
    if actor.kind is ActorKind.USER:
        return query.filter(**{f"{space_path}__organization_id": actor.organization_id})
    if actor.kind is ActorKind.SYSTEM:
        return query
    raise Unauthenticated("Sign in first.")


async def load_rows(actor: Actor, kind: Kind, ids: Sequence[UUID]) -> list[Any]:
    """The visible rows among `ids`, in the order given, with their space, order and product attached."""
    model, row_type, space_path = _MODELS[kind]
    if not ids:
        return []
    query = _visible(model.filter(id__in=list(ids)), actor, space_path)
    records = await query.values(*column_names(row_type))
    by_id = {record["id"]: row_type(**record) for record in records}
    rows = [by_id[i] for i in ids if i in by_id]
    await attach_context(kind, rows)
    return rows


async def attach_context(kind: str, rows: Sequence[Any], tree: TreeLoader | None = None) -> TreeLoader:
    """What the tables show beside a row's own columns: an order's space, a product's order, a part's both."""
    tree = tree or TreeLoader()
    if kind == "orders":
        tree.adopt_orders(rows)
        await tree.attach_spaces(rows)
    elif kind == "products":
        await tree.attach_order(rows)
    elif kind == "parts":
        await tree.attach_order(rows)
        await tree.attach_product(rows)
    return tree


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
