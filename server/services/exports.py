"""Exports of selected orders, products and parts: the rows (as the actor may see them), CSV
text, and zip files.

Cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return
at the start) get a leading apostrophe, so an exported order name cannot run anything.

A zip holds `csv/<kind>.csv` (the visible columns), for parts also `csv/manufacturing.csv`
(one row per part, one column per manufacturing value), and with files the current version of
each asset: files Fabflow stores go in under `files/<row>/`; files elsewhere are listed in
`files/links.csv` with their URL, never fetched by the server (an export must not make the
server call addresses taken from order data). Stored files stop being added past
`MAX_ZIP_FILE_BYTES`; the rest are listed as links too.
"""

from __future__ import annotations

import asyncio
import csv
import io
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, Literal
from uuid import UUID

from tortoise.models import Model
from tortoise.queryset import QuerySet

from server.domain.actors import Actor
from server.models import Order, Part, Product
from server.services import assets as stored_files
from server.services.errors import FieldError, NotFound, ValidationFailed
from server.services.orders.rows import OrderRow, PartRow, ProductRow, column_names
from server.services.orders.tree import TreeLoader
from server.services.permissions import require, space_filter

MAX_EXPORT_ROWS = 1000
MAX_ZIP_FILE_BYTES = 512 * 1024 * 1024
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
    """The rows of spaces in the actor's reach (`permissions.space_filter`)."""
    require(actor, "exportRows")
    return query.filter(**space_filter(actor, space_path))


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


def quote_price(part: Any) -> str:
    """The part's quoted price per unit ("12.34 EUR"), or "" before a quote task priced it."""
    data = part.manufacturing_data if isinstance(part.manufacturing_data, dict) else {}
    quote = data.get("quote") if isinstance(data.get("quote"), dict) else None
    return f"{quote['price']} {quote.get('currency', 'EUR')}" if quote and "price" in quote else ""


def manufacturing_table(parts: Sequence[Any]) -> tuple[list[str], list[list[object]]]:
    """Parts × their manufacturing values (nested values as `a.b` columns)."""
    flat = [(part, _flatten(part.manufacturing_data or {})) for part in parts]
    keys = sorted({key for _, values in flat for key in values})
    header = ["Part ID", "Part", "Product ID", "Order ID", *keys]
    rows = [
        [part.id, part.name, part.product_id, part.order_id, *(values.get(k, "") for k in keys)]
        for part, values in flat
    ]
    return header, rows


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = " ".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


async def _assets_of(kind: str, rows: Sequence[Any]) -> list[tuple[str, Any]]:
    """(folder name, asset with its versions) for each asset of the rows."""
    tree = TreeLoader()
    if kind == "products":
        tree.adopt_products(rows)
    else:
        tree.adopt_parts(rows)
    found = await tree.attach_assets(rows)
    await tree.attach_versions(found)
    pairs = []
    for row in rows:
        label = _folder(getattr(row, "title", None) or getattr(row, "name", "") or str(row.id), row.id)
        pairs += [(label, asset) for asset in row.assets or []]
    return pairs


def _folder(name: str, row_id: UUID) -> str:
    return f"{stored_files.safe_name(name)[:60]}-{str(row_id)[:8]}"


Progress = Callable[[int, int], None]  # (done, total)


def write_zip(
    kind: str,
    table: tuple[Sequence[str], Iterable[Sequence[object]]],
    parts: Sequence[Any] | None,
    files: Sequence[tuple[str, Any]],
    target: IO[bytes],
    progress: Progress | None = None,
) -> None:
    """Write the zip with the CSVs and the given files to `target`, telling `progress` file by file."""
    tell = progress or (lambda done, total: None)
    total = len(files) + 1
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"csv/{kind}.csv", to_csv(*table))
        if parts is not None:
            archive.writestr("csv/manufacturing.csv", to_csv(*manufacturing_table(parts)))
        tell(1, total)
        if files:
            links = _add_files(archive, files, lambda done: tell(1 + done, total))
            if links:
                archive.writestr("files/links.csv", to_csv(["Folder", "File", "URL"], links))


def _add_files(
    archive: zipfile.ZipFile, files: Sequence[tuple[str, Any]], tell: Callable[[int], None]
) -> list[list[object]]:
    links: list[list[object]] = []
    written = 0
    used: set[str] = set()
    for done, (folder, asset) in enumerate(files, start=1):
        tell(done - 1)
        current = asset.current_version
        url = current.url if current else asset.url
        path = _stored_path(url)
        size = path.stat().st_size if path else 0
        if path is None or written + size > MAX_ZIP_FILE_BYTES:
            links.append([folder, asset.name, url])
            continue
        name = _unique(f"files/{folder}/{stored_files.safe_name(asset.name or path.name)}", used)
        archive.write(path, name)
        written += size
    tell(len(files))
    return links


def _stored_path(url: str) -> Any:
    key = stored_files.key_of(url.split("?", 1)[0])
    if key is None:
        return None
    try:
        path = stored_files.file_path(key)
    except NotFound:
        return None
    return path if path.is_file() else None


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 1
    while candidate in used:
        number += 1
        stem, dot, ext = name.rpartition(".")
        candidate = f"{stem}-{number}.{ext}" if dot else f"{name}-{number}"
    used.add(candidate)
    return candidate


async def zip_files(kind: str, rows: Sequence[Any], with_files: bool) -> list[tuple[str, Any]]:
    """The files a zip of `rows` holds: none for orders or without files."""
    return await _assets_of(kind, rows) if with_files and kind != "orders" else []


async def zip_export(
    kind: Kind, rows: Sequence[Any], table: tuple[Sequence[str], Iterable[Sequence[object]]], with_files: bool
) -> IO[bytes]:
    """A zip of products or parts already loaded for the actor (`load_rows`), as a rewound temporary
    file that the caller closes."""
    files = await zip_files(kind, rows, with_files)
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 (the caller closes it)
    await asyncio.to_thread(write_zip, kind, table, rows if kind == "parts" else None, files, spool)
    spool.seek(0)
    return spool  # type: ignore[return-value]
