"""Live updates over Server-Sent Events, fed by the event bus.

`/live/orders` sends the changed rows of the orders table; `/live/orders/{id}` sends the
changing parts of one order's page. Both are HTML for htmx's SSE extension, swapped out of
band (table rows wrapped in `<template>`, since a bare `<tr>` does not survive parsing).
A subscriber only hears of what its user may see (`live_messages.may_see`), and every row is
read again through the read service with the user's own visibility before it is sent. When the
event bus was down and is back (`BusResumed`), an order page sends all its parts again and the
orders table is re-read as the page shows it; while the bus is down, the page says so. Streams end after
`MAX_STREAM_SECONDS`, or when the server is stopping; the browser reconnects, which re-checks
the session.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
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
    OrderStatusChanged,
    TaskUpdated,
    may_see,
)
from server.models import User
from server.services.exports import attach_context
from server.services.orders.lists import get_order
from server.sessions import csrf_token
from web.details import live_sections
from web.guard import actor_of, page, user_of
from web.tables import ORDERS
from web.templating import render_text

KEEPALIVE_SECONDS = 15.0
TICK_SECONDS = 1.0
MAX_STREAM_SECONDS = 30 * 60.0
COALESCE_SECONDS = 0.15
LIVE_TYPES = (OrderStatusChanged, FlowRunUpdated, TaskUpdated)
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


def table_rows_renderer(actor: Actor, user: User) -> Render:
    async def render(batch: list[BusMessage]) -> str | None:
        if resumed(batch):  # the page re-reads the table as it shows it (app.js)
            return live_note("") + render_text("_live_resync.html", {})
        ids = list(dict.fromkeys(m.order_id for m in batch if isinstance(m, OrderStatusChanged)))
        rows = [row for order_id in ids if (row := await _visible_order(actor, order_id))]
        if not rows:
            return None
        await attach_context("orders", rows)
        await user.refresh_from_db(fields=["preferences", "tags"])  # columns chosen since the page loaded
        columns = ORDERS.visible_columns(user.preferences)
        context = {"table": ORDERS, "columns": columns, "rows": rows, "mine": list(user.tags)}
        return render_text("_live_rows.html", context)

    return render


async def _visible_order(actor: Actor, order_id: str) -> Any:
    with contextlib.suppress(ValueError):
        return await get_order(actor, UUID(order_id))
    return None


def order_page_renderer(actor: Actor, user: User, order_id: UUID, csrf: str) -> Render:
    """Sends only the parts that changed since the stream last sent them, so a part someone is
    typing in (a manual task's comment) is not replaced by an update of another part."""
    sent: dict[str, str] = {}

    async def render(batch: list[BusMessage]) -> str | None:
        note = ""
        if resumed(batch):  # what was missed meanwhile is unknown: send every part again
            sent.clear()
            note = live_note("")
        sections = await live_sections(actor, order_id, user, csrf)
        changed = [html for name, html in sections.items() if sent.get(name) != html]
        sent.update(sections)
        return note + "".join(changed) or None

    return render


def _sse(frames: AsyncIterator[str]) -> Response:
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(frames, media_type="text/event-stream", headers=headers)


@page()
async def orders_stream(request: Request) -> Response:
    actor = actor_of(request)
    return _sse(stream(live_filter(actor), "rows", table_rows_renderer(actor, user_of(request))))


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


routes: list[BaseRoute] = [
    Route("/live/orders", orders_stream, methods=["GET"]),
    Route("/live/orders/{order_id}", order_stream, methods=["GET"]),
]
