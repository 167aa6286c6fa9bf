"""The Orders, Products and Parts tables: one URL, the whole page or (for htmx) just the table."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import IO, Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from server.domain.actors import Actor
from server.models import User
from server.services import exports
from server.services.errors import ValidationFailed
from server.services.orders.lists import (
    Page,
    list_order_summaries,
    list_parts,
    list_products,
    reads_side_by_side,
)
from server.services.users import save_preference
from web.guard import FORM_MAX_FIELDS, actor_of, page, user_of
from web.tables import (
    ORDERS,
    PAGE_SIZES,
    PARTS,
    PRODUCTS,
    Column,
    Table,
    TableState,
    read_state,
    state_of_query,
)
from web.templating import is_partial, page_response, page_text, status_label, table_rows

# Ticked rows come as one `id` field each; the body limit (FABFLOW_MAX_BODY_BYTES) bounds them.
EXPORT_FORM_FIELDS = FORM_MAX_FIELDS
# How long a table waits for its count once its rows are in (PostgreSQL, where both run at once).
COUNT_WAIT = 0.05
Lister = Callable[..., Awaitable[Page[Any]]]
# The orders table reads only the columns it can show (`OrderSummaryRow`).
LISTERS: dict[str, Lister] = {"orders": list_order_summaries, "products": list_products, "parts": list_parts}


async def load_page(
    table: Table,
    actor: Actor,
    user: User,
    state: TableState,
    columns: list[Column] | None = None,
    on_rows: Callable[[Page[Any]], None] | None = None,
) -> Page[Any]:
    """A page of the table; with `columns`, an order's space is loaded only when its column shows.

    `on_rows` is called with the page once its rows are in, before the count is waited for: on
    PostgreSQL, where the count runs beside the rows, what it does costs no time of its own.
    """
    if state.mine and not user.tags:
        return Page(total_count=0)
    lister = LISTERS[table.name]
    flt, sort, wanted = state.list_filter(user.tags), state.sort_request(table), state.page_request()
    with_context = columns is None or table.name != "orders" or any(c.key == "space" for c in columns)
    side_by_side = reads_side_by_side()

    async def rows() -> Page[Any]:
        found = await lister(actor, flt, sort, replace(wanted, with_count=not side_by_side))
        if with_context:
            await exports.attach_context(table.name, found.rows)
        if on_rows is not None:
            on_rows(found)
        return found

    if side_by_side:
        return await _rows_then_count(rows(), lister(actor, flt, sort, replace(wanted, with_rows=False)))
    return await rows()


async def _rows_then_count(rows: Awaitable[Page[Any]], count: Awaitable[Page[Any]]) -> Page[Any]:
    """The rows (and what `load_page`'s `on_rows` made of them), with the count when it comes at most
    `COUNT_WAIT` after; else the count stays None and the pager asks for it (`/…/count`), so a slow
    count never holds the table back."""
    counting = asyncio.ensure_future(count)
    try:
        await asyncio.sleep(0)  # the count (the longer read) is sent first, the rows' read after it
        found = await rows
        done, _ = await asyncio.wait({counting}, timeout=COUNT_WAIT)
    finally:
        if not counting.done():
            counting.cancel()
        elif not counting.cancelled():
            counting.exception()  # retrieved here: raised below, or the rows' own failure goes up
    if done:
        counted = counting.result()
        found.total_count, found.total_count_is_exact = counted.total_count, counted.total_count_is_exact
    return found


def _empty_message(state: TableState, user: User) -> str:
    if state.mine and not user.tags:
        return "You have no tags yet: an admin can give you some on the Users page."
    return "Nothing matches these filters." if state.after is None else "No more rows."


async def _render_table(request: Request, table: Table, state: TableState, whole: bool) -> Response:
    """The table page (or partial). It is made as soon as its rows are in, while the count may
    still run, with an unguessable mark where the count goes: the page is cut there and encoded,
    so that once the count is in, only its few bytes are left to make and put between the two."""
    user = user_of(request)
    columns = table.visible_columns(user.preferences)
    name = "table.html" if whole else "_table.html"
    mark = secrets.token_hex(16)
    made: list[tuple[bytes, bytes | None]] = []  # the page before the mark, and after it (None: no mark)

    def context(found: Page[Any], rows_html: Markup, count_html: Markup) -> dict[str, Any]:
        return {
            "table": table,
            "state": state,
            "page": found,
            "rows_html": rows_html,
            "count_html": count_html,
            "columns": columns,
            "page_sizes": PAGE_SIZES,
            "empty_message": _empty_message(state, user),
        }

    def make_page(found: Page[Any]) -> None:  # while the count is still running
        rows_html = table_rows(table, columns, found.rows, user.tags)
        text = page_text(request, name, context(found, rows_html, Markup(mark)))
        before, found_mark, after = text.partition(mark)
        made.append((before.encode(), after.encode() if found_mark else None))

    try:
        found = await load_page(table, actor_of(request), user, state, columns, make_page)
    except (ValidationFailed, ValueError):
        if state.after is None:
            raise
        state = replace(state, after=None, page_number=1)  # a cursor from elsewhere: start over
        made.clear()
        found = await load_page(table, actor_of(request), user, state, columns, make_page)
    count_html = count_markup(table, state, found)
    if not made:  # no rows were read (*My orders* without tags)
        return page_response(page_text(request, name, context(found, Markup(), count_html)))
    before, after = made[-1]
    return page_response(before if after is None else b"".join((before, count_html.encode(), after)))


def count_markup(table: Table, state: TableState, found: Page[Any]) -> Markup:
    """The pager's "of 1,234" ("of 10,000+"), or, when the count did not come with the rows, the
    element that asks for it (`/…/count`)."""
    if found.total_count is None:
        url = f"{table.path}/count?{state.current_query()}"
        return Markup('<span hx-get="{}" hx-trigger="load" hx-swap="outerHTML">of …</span>').format(url)
    more = "" if found.total_count_is_exact else "+"
    return Markup(f"of {found.total_count:,}{more}")


def list_view(table: Table) -> Callable[[Request], Awaitable[Response]]:
    @page()
    async def view(request: Request) -> Response:
        state = state_of_query(table, request.scope["query_string"])
        return await _render_table(request, table, state, whole=not is_partial(request))

    return view


def count_view(table: Table) -> Callable[[Request], Awaitable[Response]]:
    """The pager's "of 1,234" (or "of 10,000+") for a table whose count did not come with its rows."""

    @page()
    async def view(request: Request) -> Response:
        state = read_state(table, request.query_params)
        user = user_of(request)
        if state.mine and not user.tags:
            counted: Page[Any] = Page(total_count=0)
        else:
            wanted = replace(state.page_request(), with_rows=False)
            counted = await LISTERS[table.name](
                actor_of(request), state.list_filter(user.tags), state.sort_request(table), wanted
            )
        more = "" if counted.total_count_is_exact else "+"
        return HTMLResponse(f"of {counted.total_count or 0:,}{more}", headers={"Vary": "HX-Request"})

    return view


def columns_view(table: Table) -> Callable[[Request], Awaitable[Response]]:
    """Save which columns the user shows; answer with the table as the filters describe it."""

    @page("savePreferences")
    async def view(request: Request) -> Response:
        form = await request.form()
        keys = [key for key in form.getlist("column") if table.column(str(key))]
        user = user_of(request)
        user.preferences = await save_preference(user.id, ("columns", table.name), keys)
        return await _render_table(request, table, read_state(table, form), whole=False)

    return view


@dataclass(frozen=True)
class Selection:
    """The rows ticked in a table (as the user may see them), in the columns it shows."""

    rows: list[Any]
    header: list[str]
    values: list[list[object]]


async def read_selection(request: Request, table: Table) -> Selection:
    """The form's `id`s and `column`s; ValidationFailed when too many rows are ticked."""
    form = await request.form(max_fields=EXPORT_FORM_FIELDS)
    ids = exports.parse_ids(str(v) for v in form.getlist("id"))
    chosen = [c for k in form.getlist("column") if (c := table.column(str(k)))]
    columns = chosen or table.visible_columns(user_of(request).preferences)
    rows = await exports.load_rows(actor_of(request), table.name, ids)  # type: ignore[arg-type]
    values = [[csv_value(c, r) for c in columns] for r in rows]
    return Selection(rows, [c.title for c in columns], values)


def export_view(table: Table) -> Callable[[Request], Awaitable[Response]]:
    """The ticked rows (at most `exports.MAX_DIRECT_ROWS`) as CSV (or, for parts, a zip of the CSVs),
    with the columns the table shows; a zip with files and more rows are made in the background
    (`web.export_jobs`)."""

    @page("exportRows")
    async def view(request: Request) -> Response:
        kind = (await request.form(max_fields=EXPORT_FORM_FIELDS)).get("format")
        if kind == "zip-files":
            return _refusal("A zip with files is made in the background: use the page's export buttons.")
        try:
            chosen = await read_selection(request, table)
        except ValidationFailed as exc:
            return _refusal(exc.errors[0].message)
        if not chosen.rows:
            return _refusal("Nothing is selected: tick rows (on any page), or use Export all matching.")
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        if kind == "zip" and table.name != "orders":
            table_data = (chosen.header, chosen.values)
            spool = await exports.zip_export(table.name, chosen.rows, table_data)  # type: ignore[arg-type]
            return _download(_chunks(spool), "application/zip", f"fabflow-{table.name}-{stamp}.zip")
        body = exports.to_csv(chosen.header, chosen.values).encode("utf-8-sig")
        return _download(iter([body]), "text/csv; charset=utf-8", f"fabflow-{table.name}-{stamp}.csv")

    return view


def _refusal(message: str) -> Response:
    return Response(message, status_code=400, media_type="text/plain")


def _download(body: Iterator[bytes], media_type: str, filename: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"}
    return StreamingResponse(body, media_type=media_type, headers=headers)


def _chunks(spool: IO[bytes], size: int = 256 * 1024) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(size):
            yield chunk


def csv_value(column: Column, row: Any) -> object:
    value = column.get(row)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if column.kind == "status":
        return status_label(str(value))
    return value


def _table_routes(table: Table) -> list[BaseRoute]:
    return [
        Route(table.path, list_view(table), methods=["GET"], name=f"{table.name}_list"),
        Route(f"{table.path}/columns", columns_view(table), methods=["POST"]),
        Route(f"{table.path}/count", count_view(table), methods=["GET"]),
        Route(f"{table.path}/export", export_view(table), methods=["POST"]),
    ]


routes: list[BaseRoute] = [route for table in (ORDERS, PRODUCTS, PARTS) for route in _table_routes(table)]
