"""Live updates: SSE frames, the live filter, and the rows and order parts they carry."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest

from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.events import Backoff, EventBus, RedisEventBus, get_bus, set_bus
from server.live_messages import BusMessage, BusResumed, OrderCreated, OrderStatusChanged
from server.models import Order, Organization, Space, User
from tests.graphql.seed import seed_orders
from tests.redis_server import ThrowawayRedis
from tests.web.conftest import WebClient
from web import live

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)


def status_message(space: Space, order_id: object, status: str = "SUCCESS") -> OrderStatusChanged:
    return OrderStatusChanged(
        organization_id=str(space.organization_id),  # type: ignore[attr-defined]
        space_id=str(space.id),
        space_key=space.key,
        order_id=str(order_id),
        order_name="ORDER",
        previous_status="IN_PROGRESS",
        status=status,
        at=AT,
    )


async def next_frame(frames: AsyncIterator[str]) -> str:
    return await asyncio.wait_for(anext(frames), timeout=5)


def test_a_frame_puts_every_line_in_its_own_data_field() -> None:
    assert live.sse_frame("rows", "<a>\n<b>") == "event: rows\ndata: <a>\ndata: <b>\n\n"


async def test_the_filter_accepts_only_what_the_user_may_see_of_the_kinds_a_page_shows(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    space = await Space.get(key="demo-eyewear")
    accepts = live.live_filter(admin)
    mine = status_message(space, "x")
    created = OrderCreated(
        organization_id=mine.organization_id,
        space_id=mine.space_id,
        space_key=mine.space_key,
        order_id="x",
        order_name="ORDER",
        status="CREATED",
        at=AT,
    )

    assert accepts(mine)
    assert not accepts(replace(mine, organization_id=str(uuid.uuid4()), space_id="other"))
    assert not accepts(created)


async def test_a_status_change_sends_the_row_out_of_band_in_a_template(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 2)
    space = await Space.get(key="demo-eyewear")
    order = rows.orders[0]
    user = await User.get(email="admin@example.com")
    frames = live.stream(live.live_filter(admin), "rows", live.table_rows_renderer(admin, user), 10)
    assert await next_frame(frames) == ": connected\n\n"

    await Order.filter(id=order.id).update(status=OrderStatus.SUCCESS)
    await get_bus().publish(status_message(space, order.id))
    frame = await next_frame(frames)
    await frames.aclose()

    assert frame.startswith("event: rows\n")
    assert f'data: <template><tr id="orders-{order.id}"' in frame
    assert 'hx-swap-oob="outerHTML"' in frame and "Success" in frame


async def test_another_organizations_orders_are_never_sent(admin: Actor, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    space = await Space.get(key="demo-eyewear")
    elsewhere = await Organization.create(name="Elsewhere")
    await Space.filter(id=space.id).update(organization_id=elsewhere.id)
    await space.refresh_from_db()
    user = await User.get(email="admin@example.com")

    accepted = live.live_filter(admin)(status_message(space, rows.orders[0].id))
    html = await live.table_rows_renderer(admin, user)([status_message(space, rows.orders[0].id)])

    assert not accepted and html is None


async def test_the_order_stream_sends_the_changing_parts_of_the_page(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    order = rows.orders[0]
    user = await User.get(email="admin@example.com")
    render = live.order_page_renderer(admin, user, order.id, "token")
    await Order.filter(id=order.id).update(status=OrderStatus.FAILURE)

    html = await render([])
    unchanged = await render([])
    await Order.filter(id=order.id).update(status=OrderStatus.SUCCESS)
    changed = await render([])

    assert html is not None
    assert 'id="order-status" class="badge status-failure" hx-swap-oob="outerHTML"' in html
    assert 'id="flow-card"' in html and 'id="history"' in html and 'id="manual-tasks"' in html
    assert 'id="order-files" hx-swap-oob="outerHTML"' in html
    assert unchanged is None
    assert changed is not None and "status-success" in changed and 'id="manual-tasks"' not in changed


async def test_streams_of_orders_one_may_not_see_are_404(admin_web: WebClient) -> None:
    response = await admin_web.get("/live/orders/7d3c1a52-1111-4a4a-9c9c-000000000000")
    malformed = await admin_web.get("/live/orders/nope")

    assert response.status_code == 404 and malformed.status_code == 404


async def test_anonymous_streams_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/live/orders")

    assert response.status_code == 303


async def test_a_stream_ends_when_the_server_is_stopping(
    admin: Actor, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    frames = live.stream(live.live_filter(admin), "rows", _never_render, 60)
    assert await next_frame(frames) == ": connected\n\n"

    monkeypatch.setattr(live, "server_exiting", lambda: True)

    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(anext(frames), timeout=5)


async def _never_render(batch: list[BusMessage]) -> str | None:
    return None


async def test_after_the_bus_was_down_the_order_stream_sends_every_part_again(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    user = await User.get(email="admin@example.com")
    render = live.order_page_renderer(admin, user, rows.orders[0].id, "token")
    first = await render([])

    unchanged = await render([])
    again = await render([BusResumed(at=AT)])

    assert first is not None and unchanged is None
    assert again is not None and again.endswith(first)
    assert '<span id="live-note" class="muted" role="status" hx-swap-oob="true"></span>' in again


async def test_after_the_bus_was_down_the_table_stream_has_the_page_read_its_table_again(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    user = await User.get(email="admin@example.com")

    html = await live.table_rows_renderer(admin, user)([BusResumed(at=AT)])

    assert html is not None
    assert '<div id="live-resync" hidden hx-swap-oob="true" data-refresh="#table">' in html


async def test_a_stream_opened_while_the_bus_is_down_says_so(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    bus = get_bus()
    set_bus(_DownBus())
    try:
        frames = live.stream(live.live_filter(admin), "rows", _never_render, 10)
        assert await next_frame(frames) == ": connected\n\n"
        note = await next_frame(frames)
        await frames.aclose()
    finally:
        set_bus(bus)

    assert note.startswith("event: rows\n") and 'id="live-note"' in note and live.PAUSED in note


class _DownBus(EventBus):
    """In-process delivery that reports itself disconnected, as a Redis bus does during an outage."""

    @property
    def connected(self) -> bool:
        return False


@pytest.mark.redis
async def test_an_order_stream_across_a_redis_restart_says_it_paused_then_sends_the_page_again(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    user = await User.get(email="admin@example.com")
    order_id = rows.orders[0].id
    previous = get_bus()
    async with ThrowawayRedis() as redis:
        bus = RedisEventBus(redis.url, channel=f"fabflow:test:{uuid.uuid4().hex}", backoff=Backoff(0.05, 0.2))
        set_bus(bus)
        try:
            render = live.order_page_renderer(admin, user, order_id, "token")
            frames = live.stream(live.live_filter(admin), "order", render, 60)
            assert await next_frame(frames) == ": connected\n\n"
            redis.stop()
            paused = await next_frame(frames)
            await Order.filter(id=order_id).update(status=OrderStatus.SUCCESS)  # missed by the stream
            await redis.start()
            resumed = await next_frame(frames)
            await frames.aclose()
        finally:
            set_bus(previous)
            await bus.close()

    assert live.PAUSED in paused
    assert '<span id="live-note" class="muted" role="status" hx-swap-oob="true"></span>' in resumed
    assert 'id="order-status" class="badge status-success"' in resumed and 'id="history"' in resumed
