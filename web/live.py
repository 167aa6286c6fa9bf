"""Live updates over Server-Sent Events, fed by the event bus.

`/live/orders`, `/live/products` and `/live/parts` send the rows of a table as its page shows it
(the query string is the table's view): changed rows, and the rows of new orders, at the top of a
table sorted newest first or else counted in a "3 new orders — show" bar. `/live/orders/{id}`,
`/live/products/{id}` and `/live/parts/{id}` send the changing parts of one page. Both are HTML for
htmx's SSE extension, swapped out of band (table rows wrapped in `<template>`, since a bare `<tr>`
does not survive parsing). A subscriber only hears of what its user may see
(`live_messages.may_see`), and every row is read again through the read service with the user's
own visibility (and the table's filter) before it is sent. When the event bus was down and is back
(`BusResumed`), a page sends all its parts again and a table is re-read as the page shows it; while
the bus is down, the page says so. Streams end after `MAX_STREAM_SECONDS`, or when the server is
stopping; the browser reconnects, which re-checks the session.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from server.domain.actors import Actor
from server.events import get_bus
from server.live_messages import (
    BusMessage,
    BusResumed,
    FlowRunUpdated,
    OrderCreated,
    OrderMessage,
    OrderStatusChanged,
    OrderTagsChanged,
    TaskUpdated,
    may_see,
)
from server.models import User
from server.services.errors import NotFound
from server.services.exports import attach_context
from server.services.orders.lists import PageRequest, get_order, get_part, get_product
from server.sessions import csrf_token
from web.details import live_sections, part_sections, product_sections
from web.guard import actor_of, page, user_of
from web.lists import LISTERS
from web.tables import ORDERS, TABLES, Table, TableState, read_state
from web.templating import render_text

KEEPALIVE_SECONDS = 15.0
TICK_SECONDS = 1.0
MAX_STREAM_SECONDS = 30 * 60.0
COALESCE_SECONDS = 0.15
LIVE_TYPES = (OrderStatusChanged, OrderTagsChanged, FlowRunUpdated, TaskUpdated)
Render = Callable[[list[BusMessage]], Awaitable[str | None]]
Accepts = Callable[[BusMessage], bool]
PAUSED = "Live updates paused: reconnecting…"


def sse_frame(event: str, html: str) -> str:
    """One SSE message; every line of the HTML becomes a `data:` line."""
    lines = html.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return f"event: {event}\n" + "".join(f"data: {line}\n" for line in lines) + "\n"


def live_filter(actor: Actor) -> Accepts:
    """The messages a page of `actor` reacts to: those it may see, of the kinds a page shows."""

    def accepts(message: BusMessage) -> bool:
        return isinstance(message, LIVE_TYPES) and may_see(actor, message)

    return accepts


def live_note(text: str) -> str:
    """The page's line about its live updates, swapped out of band."""
    return render_text("_live_note.html", {"text": text})


def resumed(batch: list[BusMessage]) -> bool:
    return any(isinstance(message, BusResumed) for message in batch)


async def _batch(queue: asyncio.Queue[BusMessage], timeout: float) -> list[BusMessage]:
    """The next message and whatever follows within `COALESCE_SECONDS`; [] on timeout."""
    try:
        first = await asyncio.wait_for(queue.get(), timeout)
    except TimeoutError:
        return []
    batch = [first]
    await asyncio.sleep(COALESCE_SECONDS)
    while not queue.empty():
        batch.append(queue.get_nowait())
    return batch


def server_exiting() -> bool:
    """True once the uvicorn server of this process was told to stop (its signal handler says so).

    Streams end then, so a shutdown does not wait for open pages; False when not under uvicorn.
    """
    handler = signal.getsignal(signal.SIGINT)
    return bool(getattr(getattr(handler, "__self__", None), "should_exit", False))


async def stream(
    accepts: Accepts, event: str, render: Render, lifetime: float = MAX_STREAM_SECONDS
) -> AsyncIterator[str]:
    """SSE frames: one per batch of accepted messages that renders to something, pings in between.

    While the bus is down the page is told so, once; the renderers clear that note on `BusResumed`.
    """
    loop = asyncio.get_running_loop()
    ends = loop.time() + lifetime
    bus = get_bus()
    async with bus.subscribe(accepts) as subscription:
        yield ": connected\n\n"
        paused = False
        quiet_since = loop.time()
        while loop.time() < ends and not server_exiting():
            if paused != (not bus.connected):
                paused = not paused
                if paused:
                    yield sse_frame(event, live_note(PAUSED))
            batch = await _batch(subscription.queue, TICK_SECONDS)
            html = await render(batch) if batch else None
            if html:
                yield sse_frame(event, html)
                quiet_since = loop.time()
            elif loop.time() - quiet_since >= KEEPALIVE_SECONDS:
                yield ": ping\n\n"
                quiet_since = loop.time()


MAX_LIVE_ROWS = 200  # rows of one order a table stream sends at most (a product's parts, say)
NOUNS = {"orders": ("order", "orders"), "products": ("product", "products"), "parts": ("part", "parts")}


def table_filter(actor: Actor) -> Accepts:
    """A table hears of changes and of new orders (it may show them), as far as `actor` may see."""

    def accepts(message: BusMessage) -> bool:
        return isinstance(message, (*LIVE_TYPES, OrderCreated)) and may_see(actor, message)

    return accepts


@dataclass(frozen=True)
class LiveTable:
    """One open table: which, whose, and the view it shows (filters, sort, page)."""

    table: Table
    actor: Actor
    user: User
    view: TableState

    async def changed_rows(self, ids: list[str]) -> list[Any]:
        """Rows already shown may have changed: the orders of `ids` (or their products' or parts' rows)."""
        if self.table is ORDERS:
            return [row for order_id in ids if (row := await _visible_order(self.actor, order_id))]
        return [row for order_id in ids for row in await self.matching_rows(order_id)]

    async def matching_rows(self, order_id: str) -> list[Any]:
        """The rows of order `order_id` that the table's filter keeps and the actor may see."""
        try:
            wanted = UUID(order_id)
        except ValueError:
            return []
        if self.view.mine and not self.user.tags:
            return []
        narrowed = replace(self.view.list_filter(self.user.tags), order_id=wanted)
        page_request = PageRequest(first=MAX_LIVE_ROWS, with_count=False)
        found = await LISTERS[self.table.name](
            self.actor, narrowed, self.view.sort_request(self.table), page_request
        )
        return list(found.rows)


def table_rows_renderer(
    actor: Actor, user: User, table: Table = ORDERS, state: TableState | None = None
) -> Render:
    """The rows a table stream sends: changed rows swapped in place, and new orders' rows.

    A new row that matches the table's filter goes to the top when the page is the first one
    sorted newest first (`TableState.newest_first`); otherwise the stream counts it and sends the
    bar "3 new orders — show". Every row is read again with the user's visibility and the table's
    filter, so a row the user may not see is never sent.
    """
    live = LiveTable(table, actor, user, state or TableState())
    pending: dict[str, None] = {}  # ids of new rows not shown yet, in arrival order

    async def render(batch: list[BusMessage]) -> str | None:
        if resumed(batch):  # the page re-reads the table as it shows it (app.js)
            return live_note("") + render_text("_live_resync.html", {})
        created = _ids(m for m in batch if isinstance(m, OrderCreated))
        changed = [i for i in _ids(m for m in batch if not isinstance(m, OrderCreated)) if i not in created]
        await user.refresh_from_db(fields=["preferences", "tags"])  # columns chosen since the page loaded
        rows = await live.changed_rows(changed)
        new_rows = [row for order_id in created for row in await live.matching_rows(order_id)]
        if not rows and not new_rows:
            return None
        if new_rows and not live.view.newest_first:
            pending.update((str(row.id), None) for row in new_rows)
            new_rows = []
        await attach_context(table.name, [*rows, *new_rows])
        return render_text("_live_rows.html", _rows_context(live, rows, new_rows, len(pending)))

    return render


def _rows_context(live: LiveTable, rows: list[Any], new_rows: list[Any], pending: int) -> dict[str, Any]:
    view = live.view
    return {
        "table": live.table,
        "columns": live.table.visible_columns(live.user.preferences),
        "rows": rows,
        "new_rows": new_rows,
        "mine": list(live.user.tags),
        "pending": pending,
        "noun": NOUNS[live.table.name][0 if pending == 1 else 1],
        "show_query": view.query() if view.sort == "created" else view.current_query(),
    }


def _ids(messages: Iterable[BusMessage]) -> list[str]:
    return list(dict.fromkeys(m.order_id for m in messages if isinstance(m, OrderMessage)))


async def _visible_order(actor: Actor, order_id: str) -> Any:
    with contextlib.suppress(ValueError):
        return await get_order(actor, UUID(order_id))
    return None


Sections = Callable[[], Awaitable[dict[str, str]]]


def sections_renderer(sections_now: Sections) -> Render:
    """Sends only the parts of a page that changed since the stream last sent them, so a part
    someone is typing in (a manual task's comment) is not replaced by an update of another part."""
    sent: dict[str, str] = {}

    async def render(batch: list[BusMessage]) -> str | None:
        note = ""
        if resumed(batch):  # what was missed meanwhile is unknown: send every part again
            sent.clear()
            note = live_note("")
        try:
            sections = await sections_now()
        except NotFound:  # no longer the user's to see: send nothing more
            return note or None
        changed = [html for name, html in sections.items() if sent.get(name) != html]
        sent.update(sections)
        return note + "".join(changed) or None

    return render


def order_page_renderer(actor: Actor, user: User, order_id: UUID, csrf: str) -> Render:
    return sections_renderer(lambda: live_sections(actor, order_id, user, csrf))


def _sse(frames: AsyncIterator[str]) -> Response:
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(frames, media_type="text/event-stream", headers=headers)


def table_stream(table: Table) -> Callable[[Request], Awaitable[Response]]:
    """The live rows of `table` as its page shows it: the query string is the table's state."""

    @page()
    async def endpoint(request: Request) -> Response:
        actor = actor_of(request)
        state = read_state(table, request.query_params)
        render = table_rows_renderer(actor, user_of(request), table, state)
        return _sse(stream(table_filter(actor), "rows", render))

    return endpoint


@page()
async def order_stream(request: Request) -> Response:
    actor = actor_of(request)
    try:
        order_id = UUID(request.path_params["order_id"])
    except ValueError:
        return Response(status_code=404)
    if await get_order(actor, order_id) is None:
        return Response(status_code=404)
    visible = live_filter(actor)

    def accepts(message: BusMessage) -> bool:
        return visible(message) and getattr(message, "order_id", None) == str(order_id)

    render = order_page_renderer(actor, user_of(request), order_id, csrf_token(request.session))
    return _sse(stream(accepts, "order", render))


def _of_order(actor: Actor, order_id: UUID) -> Accepts:
    visible = live_filter(actor)

    def accepts(message: BusMessage) -> bool:
        return visible(message) and getattr(message, "order_id", None) == str(order_id)

    return accepts


@page()
async def product_stream(request: Request) -> Response:
    """The product page's parts, printing and files, sent again when its order changes."""
    actor = actor_of(request)
    product = await get_product(actor, _path_uuid(request, "product_id"))
    if product is None:
        return Response(status_code=404)
    user = user_of(request)
    render = sections_renderer(lambda: product_sections(actor, product.id, user))
    return _sse(stream(_of_order(actor, product.order_id), "page", render))


@page()
async def part_stream(request: Request) -> Response:
    """The part page's items, printing, files and manufacturing data, sent again when its order changes."""
    actor = actor_of(request)
    part = await get_part(actor, _path_uuid(request, "part_id"))
    if part is None:
        return Response(status_code=404)
    user = user_of(request)
    render = sections_renderer(lambda: part_sections(actor, part.id, user))
    return _sse(stream(_of_order(actor, part.order_id), "page", render))


def _path_uuid(request: Request, name: str) -> UUID:
    try:
        return UUID(request.path_params[name])
    except ValueError:
        return UUID(int=0)  # names nothing: the stream answers 404


routes: list[BaseRoute] = [
    *(Route(f"/live/{t.name}", table_stream(t), methods=["GET"]) for t in TABLES.values()),
    Route("/live/orders/{order_id}", order_stream, methods=["GET"]),
    Route("/live/products/{product_id}", product_stream, methods=["GET"]),
    Route("/live/parts/{part_id}", part_stream, methods=["GET"]),
]
