"""Exports of orders, products and parts: the rows (as the actor may see them), CSV text, and
zip files.

Cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return
at the start) get a leading apostrophe, so an exported order name cannot run anything.

A zip holds `csv/<kind>.csv` (the visible columns), for parts also `csv/manufacturing.csv`
(one row per part, one column per manufacturing value), and with files the current version of
each asset under `files/<row>/`: a product's own files, and the production files of its parts at
any depth (`files/<product>/<part>/<child part>/…`); a part's own files and the production files of
its child parts at any depth (`files/<part>/<child part>/…`). Files Fabflow stores are
copied from the asset store; files at outside URLs are fetched (only by background exports, see
`export_jobs`) through `outbound.get_file`: the connectors' address rules on every redirect, at most
`EXPORT_FETCH_MAX_BYTES` and `EXPORT_FETCH_TIMEOUT` seconds each. `files/manifest.csv` lists every
file with where it is in the zip, or why it is not (refused address, too large, too slow, an error
answer, the zip's own cap `MAX_ZIP_FILE_BYTES`).
"""

from __future__ import annotations

import asyncio
import csv
import io
import shutil
import tempfile
import zipfile
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal
from uuid import UUID

from tortoise.models import Model
from tortoise.queryset import QuerySet

from server import settings
from server.domain.actors import Actor
from server.domain.statuses import AssetKind
from server.models import Order, Part, Product
from server.services import assets as stored_files
from server.services import outbound
from server.services.errors import FieldError, NotFound, ValidationFailed
from server.services.orders.rows import OrderRow, PartRow, ProductRow, column_names
from server.services.orders.tree import TreeLoader
from server.services.permissions import require, space_filter
from server.services.webhooks import url_policy

# The most ticked rows downloaded at once; more are exported in the background (`export_jobs`).
MAX_DIRECT_ROWS = 1000
MAX_ZIP_FILE_BYTES = 512 * 1024 * 1024
Kind = Literal["orders", "products", "parts"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_MODELS: dict[str, tuple[type[Model], type, str]] = {
    "orders": (Order, OrderRow, "space"),
    "products": (Product, ProductRow, "order__space"),
    "parts": (Part, PartRow, "order__space"),
}


def parse_ids(values: Iterable[str], limit: int | None = MAX_DIRECT_ROWS) -> list[UUID]:
    """The distinct ids among `values` (others are skipped); ValidationFailed past `limit`."""
    ids: dict[UUID, None] = {}
    for value in values:
        try:
            ids.setdefault(UUID(str(value)), None)
        except ValueError:
            continue
    if limit is not None and len(ids) > limit:
        raise ValidationFailed(
            "Too many rows for a direct download.",
            [FieldError("id", f"at most {limit} rows download at once; export more in the background")],
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
    """(folder, asset with its versions) for each file of the rows: a product's or part's own files
    and the production files of the parts below it at any depth (in a folder per part, nested like
    the parts)."""
    tree = TreeLoader()
    owners: list[Any] = list(rows)
    if kind == "products":
        tree.adopt_products(rows)
        level = await tree.attach_parts(rows)
    else:
        level = await tree.attach_children(tree.adopt_parts(rows))
    while level:
        owners += level
        level = await tree.attach_children(level)
    found = await tree.attach_assets(owners)
    await tree.attach_versions(found)
    pairs: list[tuple[str, Any]] = []
    for row in rows:
        label = _folder(getattr(row, "title", None) or getattr(row, "name", "") or str(row.id), row.id)
        pairs += [(label, asset) for asset in row.assets or []]
        below = row.parts if kind == "products" else row.children
        pairs += _production_files(below or [], label)
    return pairs


def _production_files(parts: Sequence[Any], prefix: str) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for part in parts:
        folder = f"{prefix}/{_folder(part.name or part.client_id, part.id)}"
        pairs += [(folder, a) for a in part.assets or [] if a.kind == AssetKind.PRODUCTION]
        pairs += _production_files(part.children or [], folder)
    return pairs


def _folder(name: str, row_id: UUID) -> str:
    return f"{stored_files.safe_name(name)[:60]}-{str(row_id)[:8]}"


Progress = Callable[[int, int], Awaitable[None]]  # (done, total)
# Fetches a file at an outside URL into the target, at most the given bytes.
Fetcher = Callable[[str, IO[bytes], int], Awaitable[outbound.FetchResult]]
MANIFEST_HEADER = ["Folder", "File", "URL", "In the zip as", "Not in the zip because"]
NOT_FETCHED = "files at outside addresses are fetched only by exports made in the background"


async def fetch_outside(url: str, target: IO[bytes], max_bytes: int) -> outbound.FetchResult:
    """The background exports' fetcher: the connectors' address rules and the export caps."""
    return await outbound.get_file(
        url,
        target,
        policy=url_policy(),
        max_bytes=min(max_bytes, settings.EXPORT_FETCH_MAX_BYTES),
        timeout=settings.EXPORT_FETCH_TIMEOUT,
    )


@dataclass
class ZipBuilder:
    """A zip written entry by entry (blocking work off the loop), with the manifest of its files."""

    target: IO[bytes]
    fetch: Fetcher | None = None  # None: files at outside URLs are listed, not fetched
    budget: int = MAX_ZIP_FILE_BYTES
    manifest: list[list[object]] = field(default_factory=list)
    _used: set[str] = field(default_factory=set)
    _written: int = 0

    def __post_init__(self) -> None:
        self.archive = zipfile.ZipFile(self.target, "w", zipfile.ZIP_DEFLATED)

    async def add_text(self, name: str, text: str) -> None:
        await asyncio.to_thread(self.archive.writestr, name, text)

    async def add_spool(self, name: str, spool: IO[bytes]) -> None:
        spool.seek(0)
        await asyncio.to_thread(self._copy, spool, name)

    def _copy(self, source: IO[bytes], name: str) -> None:
        with self.archive.open(name, "w", force_zip64=True) as entry:
            shutil.copyfileobj(source, entry, 1024 * 1024)

    async def add_file(self, folder: str, asset: Any) -> None:
        current = asset.current_version
        url = current.url if current else asset.url
        name = stored_files.safe_name(asset.name or url.rsplit("/", 1)[-1] or "file")
        entry, reason = await self._add(folder, name, url)
        self.manifest.append([folder, asset.name, url, entry, reason])

    async def _add(self, folder: str, name: str, url: str) -> tuple[str, str]:
        """Put the file in the zip: (its name in the zip, "") or ("", why it could not be)."""
        full = f"the zip reached its limit of {self.budget:,} bytes"
        room = self.budget - self._written
        if stored_files.key_of(url.split("?", 1)[0]) is not None:
            path = _stored_path(url)
            if path is None:
                return "", "missing from the file store"
            size = path.stat().st_size
            if size > room:
                return "", full
            entry = _unique(f"files/{folder}/{name}", self._used)
            await asyncio.to_thread(self.archive.write, path, entry)
            self._written += size
            return entry, ""
        if self.fetch is None:
            return "", NOT_FETCHED
        if room <= 0:
            return "", full
        with tempfile.TemporaryFile() as spool:
            result = await self.fetch(url, spool, room)
            if not result.ok:
                return "", result.reason
            entry = _unique(f"files/{folder}/{name}", self._used)
            await self.add_spool(entry, spool)
            self._written += result.size
        return entry, ""

    async def close(self) -> None:
        if self.manifest:
            await self.add_text("files/manifest.csv", to_csv(MANIFEST_HEADER, self.manifest))
        await asyncio.to_thread(self.archive.close)


def _stored_path(url: str) -> Path | None:
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
    kind: Kind, rows: Sequence[Any], table: tuple[Sequence[str], Iterable[Sequence[object]]]
) -> IO[bytes]:
    """A zip of the CSVs of products or parts already loaded for the actor (`load_rows`), as a
    rewound temporary file that the caller closes."""
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 (the caller closes it)
    builder = ZipBuilder(spool)  # type: ignore[arg-type]
    await builder.add_text(f"csv/{kind}.csv", to_csv(*table))
    if kind == "parts":
        await builder.add_text("csv/manufacturing.csv", to_csv(*manufacturing_table(rows)))
    await builder.close()
    spool.seek(0)
    return spool  # type: ignore[return-value]
