"""Live tables: new orders reach every open table that would show them, for users who may see them."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from typing import Any

from server.domain.actors import Actor
from server.events import get_bus
from server.live_messages import OrderCreated, OrderTagsChanged
from server.models import Organization, Part, Space, User
from server.services import auth
from server.services.orders.intake import create_order
from tests.conftest import EXAMPLES_DIR
from tests.graphql.seed import seed_orders
from web import details, live
from web.tables import ORDERS, PARTS, PRODUCTS, Table, read_state

Json = dict[str, Any]


class Query(dict[str, list[str]]):
    """A query string as `read_state` reads it (a multi-dict)."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        for pair in filter(None, text.split("&")):
            key, _, value = pair.partition("=")
            self.setdefault(key, []).append(value)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        values = super().get(key)
        return values[-1] if values else default

    def getlist(self, key: str) -> list[str]:
        return list(super().get(key, []))


def eyewear(name: str, **changes: Any) -> Json:
    order: Json = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]
    order["thirdPartyOrderId"] = name
    order.pop("flowKey", None)
    order.update(changes)
    return order


async def frames_of(actor: Actor, user: User, table: Table, query: str = "") -> AsyncIterator[str]:
    render = live.table_rows_renderer(actor, user, table, read_state(table, Query(query)))
    frames = live.stream(live.table_filter(actor), "rows", render, 10)
    assert await anext(frames) == ": connected\n\n"
    return frames


async def next_frame(frames: AsyncIterator[str]) -> str:
    return await asyncio.wait_for(anext(frames), timeout=5)


async def test_a_new_order_goes_to_the_top_of_a_table_sorted_newest_first(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 2)
    user = await User.get(email="admin@example.com")
    frames = await frames_of(admin, user, ORDERS)

    created = await create_order(admin, eyewear("NEW-1"))
    frame = await next_frame(frames)
    await frames.aclose()

    assert 'hx-swap-oob="afterbegin:#rows-orders"' in frame
    assert f'<tr id="orders-{created.order.id}" class="fresh">' in frame
    assert 'id="rows-orders-empty" hx-swap-oob="delete"' in frame
    assert "new order" not in frame


async def test_sorted_otherwise_the_table_counts_new_orders_in_a_bar(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    user = await User.get(email="admin@example.com")
    frames = await frames_of(admin, user, ORDERS, "sort=name&dir=asc")

    await create_order(admin, eyewear("NEW-1"))
    first = await next_frame(frames)
    await create_order(admin, eyewear("NEW-2"))
    second = await next_frame(frames)
    await frames.aclose()

    assert "<tr" not in first and "1 new order — show" in first
    assert "2 new orders — show" in second
    link = re.search(r'hx-get="([^"]+)"', second)
    assert link is not None and link.group(1) == "/orders?sort=name&amp;dir=asc"


async def test_a_new_order_outside_the_filter_is_not_sent(admin: Actor, space_key: tuple[str, str]) -> None:
    user = await User.get(email="admin@example.com")
    frames = await frames_of(admin, user, ORDERS, "q=wanted")

    await create_order(admin, eyewear("OTHER-1"))
    await create_order(admin, eyewear("WANTED-1"))
    frame = await next_frame(frames)
    await frames.aclose()

    assert "WANTED-1" in frame and "OTHER-1" not in frame


async def test_a_new_order_of_another_organization_never_reaches_the_table(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    elsewhere = await Organization.create(name="Elsewhere")
    stranger = await auth.create_user(admin, "stranger@example.com", "correct horse battery")
    await User.filter(id=stranger.id).update(organization_id=elsewhere.id)
    stranger = await User.get(id=stranger.id)
    actor = auth.actor_for_user(stranger)
    space = await Space.get(key="demo-eyewear")
    render = live.table_rows_renderer(actor, stranger, ORDERS, read_state(ORDERS, Query()))
    created = await create_order(admin, eyewear("SECRET-1"))
    message = OrderCreated(
        organization_id=str(elsewhere.id),  # even a message that claims the stranger's organization
        space_id=str(space.id),
        space_key=space.key,
        order_id=str(created.order.id),
        order_name="SECRET-1",
        status="CREATED",
        at=created.order.created_at,
    )

    assert await render([message]) is None


async def test_products_and_parts_tables_get_the_new_orders_rows(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    user = await User.get(email="admin@example.com")
    products = await frames_of(admin, user, PRODUCTS)
    parts = await frames_of(admin, user, PARTS, "q=front")

    await create_order(admin, eyewear("NEW-1"))
    product_frame, part_frame = await next_frame(products), await next_frame(parts)
    await products.aclose()
    await parts.aclose()

    assert "afterbegin:#rows-products" in product_frame and product_frame.count('<tr id="products-') >= 1
    assert "afterbegin:#rows-parts" in part_frame
    names = re.findall(r'<a href="/parts/[^"]+">([^<]+)</a>', part_frame)
    assert names and all("front" in name.lower() for name in names)


async def test_the_table_page_listens_to_its_own_view(admin_web: Any, space_key: tuple[str, str]) -> None:
    page = await admin_web.get("/orders?q=abc&sort=name&dir=asc")

    assert 'sse-connect="/live/orders?q=abc&amp;sort=name&amp;dir=asc"' in page.text
    for table in ("products", "parts"):
        html = (await admin_web.get(f"/{table}")).text
        assert f'sse-connect="/live/{table}?sort=created&amp;dir=desc"' in html


async def test_the_intake_announces_each_new_order_once(admin: Actor, space_key: tuple[str, str]) -> None:
    async with get_bus().subscribe(lambda m: isinstance(m, OrderCreated)) as subscription:
        await create_order(admin, eyewear("ONCE-1"))
        await create_order(admin, eyewear("ONCE-1"))  # the same order again
        await create_order(admin, eyewear("ONCE-2"))  # announced after anything the resend announced
        announced = [await asyncio.wait_for(subscription.queue.get(), 5) for _ in range(2)]
    assert all(isinstance(message, OrderCreated) for message in announced)
    assert [message.order_name for message in announced] == ["ONCE-1", "ONCE-2"]  # type: ignore[union-attr]


async def test_the_product_and_part_pages_send_what_changed_in_their_order(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    product = rows.products[0]
    part = next(p for p in rows.parts if p.product_id == product.id and p.parent_id is None)  # type: ignore[attr-defined]
    user = await User.get(email="admin@example.com")
    product_page = live.sections_renderer(lambda: details.product_sections(admin, product.id, user))
    part_page = live.sections_renderer(lambda: details.part_sections(admin, part.id, user))
    first = (await product_page([]), await part_page([]))

    await Part.filter(id=part.id).update(manufacturing_data={"volumeMm3": 1234})
    await Part.filter(id=part.id).update(name="Renamed part")
    product_change, part_change = await product_page([]), await part_page([])

    assert all(html and 'hx-swap-oob="outerHTML"' in html for html in first)
    assert product_change is not None and "Renamed part" in product_change
    assert 'id="product-files"' not in product_change  # only what changed is sent again
    assert part_change is not None and "1234" in part_change and 'id="part-items"' not in part_change


async def test_page_streams_hear_only_of_their_own_order_and_only_what_the_user_may_see(
    admin_web: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 2)
    product = rows.products[0]

    missing = await admin_web.get("/live/products/7d3c1a52-1111-4a4a-9c9c-000000000000")
    malformed = await admin_web.get("/live/parts/nope")
    accepts = live._of_order(admin, product.order_id)  # type: ignore[attr-defined]
    space = await Space.get(key="demo-eyewear")
    about = {
        "organization_id": str(space.organization_id),  # type: ignore[attr-defined]
        "space_id": str(space.id),
        "space_key": space.key,
        "order_name": "X",
        "at": rows.orders[0].created_at,
    }

    assert missing.status_code == 404 and malformed.status_code == 404
    assert accepts(OrderTagsChanged(order_id=str(product.order_id), **about))  # type: ignore[attr-defined]
    assert not accepts(OrderTagsChanged(order_id=str(rows.orders[1].id), **about))
    assert not accepts(OrderTagsChanged(order_id=str(product.order_id), **{**about, "organization_id": "x"}))  # type: ignore[attr-defined]
