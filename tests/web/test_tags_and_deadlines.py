"""The web side of tags (order page, table filter, highlight) and of deadlines and times."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import lxml.html

from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.models import HistoryEntry, Order, Product
from server.services import flows
from server.services.orders.intake import create_order
from tests.conftest import EXAMPLES_DIR
from tests.web.conftest import WebClient
from web.templating import ago, deadline_state, iso

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
FLOW = {
    "tags": ["production"],
    "stages": [
        {
            "key": "wait",
            "initialTaskDefinitionKeys": ["hold"],
            "taskDefinitions": [
                {"key": "hold", "handlerKey": "manual-task", "payload": {"title": "Hold"}, "next": []}
            ],
        }
    ],
}


def order(name: str, tags: list[str] | None = None, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]
    body.pop("flowKey", None)
    body.update(thirdPartyOrderId=name, tags=tags or [], **changes)
    return body


def row_of(html: str, order_id: object) -> str:
    found = re.search(rf'<tr id="orders-{order_id}"[^>]*>.*?</tr>', html, re.S)
    assert found is not None, f"no row of {order_id}"
    return found.group(0)


async def test_the_order_page_marks_flow_tags_and_an_operator_adds_and_removes_tags(
    operator_web: WebClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Tagging flow", json.dumps(FLOW))
    made = await create_order(admin, order("PAGE-1", ["rush"], flowKey="tagging-flow"))
    url = f"/orders/{made.order.id}"

    page = (await operator_web.get(url)).text
    added = await operator_web.post(f"{url}/tags", {"add": "Fragile, b2b"}, headers={"HX-Request": "true"})
    removed = await operator_web.post(f"{url}/tags", {"remove": "rush"})

    specs = page[page.index('id="order-specs"') :]
    assert re.search(r">production</span> <span class=\"muted from-flow\">from flow</span>", specs)
    assert not re.search(r">rush</span> <span class=\"muted from-flow\">", specs)
    assert 'aria-label="Remove tag rush"' in specs
    assert added.status_code == 200 and 'id="order-specs" hx-swap-oob="outerHTML"' in added.text
    assert ">fragile</span>" in added.text and "Tags fragile, b2b added." in added.text
    assert removed.status_code == 303
    assert (await Order.get(id=made.order.id)).tags == ["production", "fragile", "b2b"]
    assert await HistoryEntry.exists(order_id=made.order.id, kind="order.tags", actor="user:op@example.com")


async def test_orders_sent_with_tags_are_highlighted_for_users_with_one_and_kept_by_my_orders(
    operator_web: WebClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    mine = await create_order(admin, order("MINE-1", ["Eyewear", "rush"]))
    other = await create_order(admin, order("OTHER-1", ["b2b"]))

    table = (await operator_web.get("/orders")).text
    only_mine = (await operator_web.get("/orders?mine=1")).text

    assert 'class="mine"' in row_of(table, mine.order.id)
    assert "mine" not in row_of(table, other.order.id).split(">")[0]
    assert f"orders-{mine.order.id}" in only_mine and f"orders-{other.order.id}" not in only_mine


async def test_tables_filter_by_tag(admin_web: WebClient, space_key: tuple[str, str], admin: Actor) -> None:
    rush = await create_order(admin, order("RUSH-1", ["rush"]))
    b2b = await create_order(admin, order("B2B-1", ["b2b"]))

    orders = (await admin_web.get("/orders?tag=RUSH")).text
    products = (await admin_web.get("/products?tag=b2b")).text

    assert f"orders-{rush.order.id}" in orders and f"orders-{b2b.order.id}" not in orders
    assert 'name="tag" value="rush"' in orders
    assert "B2B-1" in products and "RUSH-1" not in products


async def test_deadlines_of_open_orders_are_flagged_in_words(
    admin_web: WebClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    now = datetime.now(UTC)
    late = await create_order(admin, order("LATE-1"))
    soon = await create_order(admin, order("SOON-1"))
    done = await create_order(admin, order("DONE-1"))
    await Order.filter(id=late.order.id).update(deadline=now - timedelta(hours=2))
    await Order.filter(id=soon.order.id).update(deadline=now + timedelta(hours=5))
    await Order.filter(id=done.order.id).update(deadline=now - timedelta(days=2), status=OrderStatus.SUCCESS)

    table = (await admin_web.get("/orders")).text
    page = (await admin_web.get(f"/orders/{late.order.id}")).text

    assert "Overdue" in row_of(table, late.order.id)
    assert "Due within 24 h" in row_of(table, soon.order.id)
    assert "Overdue" not in row_of(table, done.order.id)
    assert re.search(
        r"<dt>Deadline</dt><dd><time [^>]*>2 h ago</time> <span class=\"flag flag-overdue\">Overdue", page
    )


async def test_times_are_relative_with_the_exact_time_on_hover(
    admin_web: WebClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    made = await create_order(admin, order("TIME-1"))
    created = datetime.now(UTC) - timedelta(hours=3, minutes=5)
    await Order.filter(id=made.order.id).update(created_at=created)

    row = row_of((await admin_web.get("/orders")).text, made.order.id)

    exact = iso(created)
    assert f'<time datetime="{exact}" title="{exact}">3 h ago</time>' in row


def test_relative_times_read_as_people_say_them() -> None:
    assert ago(NOW - timedelta(seconds=20), NOW) == "just now"
    assert ago(NOW - timedelta(minutes=5, seconds=30), NOW) == "5 min ago"
    assert ago(NOW - timedelta(hours=3, minutes=59), NOW) == "3 h ago"
    assert ago(NOW - timedelta(hours=47), NOW) == "47 h ago"
    assert ago(NOW - timedelta(days=3, hours=5), NOW) == "3 d ago"
    assert ago(NOW + timedelta(days=2, hours=1), NOW) == "in 2 d"
    assert ago(NOW - timedelta(days=45), NOW) == "2026-04-17"
    assert iso(datetime(2026, 5, 1, 16, 3, 7, 999, tzinfo=UTC)) == "2026-05-01T16:03:07Z"


def test_relative_times_at_their_edges_and_moments_in_other_zones() -> None:
    assert ago(NOW - timedelta(seconds=59, microseconds=999_999), NOW) == "just now"
    assert ago(NOW - timedelta(minutes=1), NOW) == "1 min ago"
    assert ago(NOW + timedelta(minutes=59, seconds=59), NOW) == "in 59 min"
    assert ago(NOW - timedelta(hours=1), NOW) == "1 h ago"
    assert ago(NOW - timedelta(days=2), NOW) == "2 d ago"
    assert ago(NOW - timedelta(days=29, hours=23), NOW) == "29 d ago"
    assert ago(NOW + timedelta(days=30), NOW) == "2026-07-01"
    assert ago(datetime(2026, 6, 1, 11, 0), NOW) == "1 h ago"  # naive: UTC
    warsaw = timezone(timedelta(hours=2))
    assert iso(datetime(2026, 5, 1, 18, 3, 7, 500_000, tzinfo=warsaw)) == "2026-05-01T16:03:07Z"
    assert iso(datetime(2026, 5, 1, 16, 3, 7)) == "2026-05-01T16:03:07Z"
    assert iso(None) == ""


def test_only_open_orders_are_overdue_or_due_soon() -> None:
    assert deadline_state(NOW - timedelta(minutes=1), "IN_PROGRESS", NOW) == "overdue"
    assert deadline_state(NOW, OrderStatus.CREATED, NOW) == "overdue"
    assert deadline_state(NOW + timedelta(hours=24), "UNHEALTHY", NOW) == "due-soon"
    assert deadline_state(NOW + timedelta(hours=24, seconds=1), "IN_PROGRESS", NOW) == ""
    assert deadline_state(NOW - timedelta(days=1), "SUCCESS", NOW) == ""
    assert deadline_state(NOW - timedelta(days=1), "FAILURE", NOW) == ""
    assert deadline_state(None, "IN_PROGRESS", NOW) == ""


def sunglasses(name: str) -> dict[str, Any]:
    """Sunglasses as the demo makes them: hinges under the front, lenses last."""
    hinges: list[dict[str, Any]] = [
        {"id": f"hinge-{side}", "data": {"name": f"Hinge {side}"}} for side in ("left", "right")
    ]
    screw = {"id": "screw", "data": {"name": "Screw"}}
    hinges[0]["items"] = [screw]
    items = [
        {"id": "front", "data": {"name": "Front"}, "items": hinges},
        {"id": "temples", "data": {"name": "Temples"}},
        {"id": "lenses", "data": {"name": "Lenses"}},
    ]
    body = order(name)
    body["orderLines"] = [{**body["orderLines"][0], "title": "Sunglasses — Boreal", "items": items}]
    return body


def parent_of(tree: Any, name: str) -> str | None:
    """The name of the part whose list item holds the one named `name`, or None at the top."""
    [link] = tree.xpath(f'//ul[contains(@class, "part-tree")]//a[text()="{name}"]')
    holders = link.xpath("ancestor::li[2]/a")  # its own item is the nearest; the next one, its parent's
    return holders[0].text if holders else None


async def test_the_product_page_draws_each_part_under_its_real_parent_at_any_depth(
    admin_web: WebClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    made = await create_order(admin, sunglasses("TREE-1"))
    product = await Product.get(order_id=made.order.id)

    tree = lxml.html.fromstring((await admin_web.get(f"/products/{product.id}")).text)

    assert parent_of(tree, "Front") is None and parent_of(tree, "Lenses") is None
    assert parent_of(tree, "Hinge left") == "Front" and parent_of(tree, "Hinge right") == "Front"
    assert parent_of(tree, "Screw") == "Hinge left"
