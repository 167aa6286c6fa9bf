"""Live tables in a real Chromium: an order sent through the REST API shows up in the open table."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from server.domain.actors import SYSTEM, Actor
from server.domain.statuses import OrderStatus
from server.models import Order, Organization, Product, Space
from server.services import auth, flows
from server.services.orders.intake import create_order
from tests.browser.conftest import sign_in
from tests.browser.test_ui import expect
from tests.conftest import EXAMPLES_DIR
from tests.graphql.seed import seed_orders

ORDER: dict[str, Any] = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]
COUNT_STREAMS = (
    "document.addEventListener('htmx:sseOpen', function () {"
    " window.streamsOpen = (window.streamsOpen || 0) + 1; });"
)
TAGGING_FLOW = {
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
WITHIN = 2_000  # ms: what an operator waits for a new order to show up


def order_body(name: str, space_key: str = "demo-eyewear", **changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(ORDER)
    body.pop("flowKey", None)
    body.update(thirdPartyOrderId=name, spaceKey=space_key, **changes)
    return body


async def live_page(context: Any) -> Any:
    """A page that counts the table streams it opened (`window.streamsOpen`)."""
    page = await context.new_page()
    await page.add_init_script(COUNT_STREAMS)
    return page


async def stream_open(page: Any, within: float = 10.0) -> None:
    """Waits until the page has opened a table stream.

    Polled with `page.evaluate` from here: `wait_for_function` compiles its predicate inside the page,
    which the pages' Content Security Policy (no 'unsafe-eval') refuses.
    """
    deadline = asyncio.get_running_loop().time() + within
    while not await page.evaluate("(window.streamsOpen || 0) > 0"):
        assert asyncio.get_running_loop().time() < deadline, f"no table stream opened within {within} s"
        await asyncio.sleep(0.05)


async def send(server_url: str, secret: str, body: dict[str, Any]) -> str:
    async with httpx.AsyncClient(base_url=server_url) as http:
        answer = await http.post(
            "/api/v1/orders", json=body, headers={"Authorization": f"Bearer {secret}"}, timeout=10
        )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["order"]["id"])


async def other_organizations_key() -> tuple[str, str]:
    """A space of another organization and a secret key of it."""
    elsewhere = await Organization.create(name="Elsewhere")
    key = f"hidden-{uuid.uuid4().hex[:6]}"
    await Space.create(
        id=uuid.uuid4(), organization_id=elsewhere.id, key=key, name="Hidden", signing_secret="x" * 40
    )
    created = await auth.create_api_key(SYSTEM, key, "elsewhere")
    return key, created.secret


async def test_an_order_sent_through_the_api_appears_in_the_open_table(
    context: Any, server_url: str, admin: Actor, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 3)
    hidden_space, hidden_secret = await other_organizations_key()
    page = await live_page(context)
    await sign_in(page, "admin@example.com")
    await expect(page.locator("#table tbody tr")).to_have_count(3)
    await stream_open(page)

    hidden = await send(server_url, hidden_secret, order_body("HIDDEN-1", hidden_space))
    shown = await send(server_url, space_key[1], order_body("CURL-1", tags=["rush"]))

    first_row = page.locator("#table tbody tr").first
    await expect(first_row).to_have_id(f"orders-{shown}", timeout=WITHIN)
    await expect(first_row).to_contain_text("CURL-1")
    await expect(page.locator("#table tbody tr")).to_have_count(4)
    assert await page.locator(f"#orders-{hidden}").count() == 0
    assert "HIDDEN-1" not in await page.locator("#table").inner_text()


async def test_a_table_sorted_otherwise_offers_the_new_orders(
    context: Any, server_url: str, admin: Actor, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 2)
    page = await live_page(context)
    await sign_in(page, "admin@example.com", target="/orders?sort=name&dir=asc")
    await expect(page.locator("#table tbody tr")).to_have_count(2)
    await stream_open(page)

    await send(server_url, space_key[1], order_body("AAA-NEW-1"))
    await send(server_url, space_key[1], order_body("AAA-NEW-2"))

    bar = page.locator("#live-new")
    await expect(bar).to_have_text("2 new orders — show", timeout=WITHIN)
    await expect(page.locator("#table tbody tr")).to_have_count(2)
    await bar.get_by_role("link").click()
    await expect(page.locator("#table tbody tr")).to_have_count(4)
    await expect(page.locator("#table tbody tr td.col-name a").first).to_have_text("AAA-NEW-1")
    await expect(bar).to_have_text("")


async def test_an_order_sent_with_tags_is_highlighted_for_a_user_with_one_of_them(
    context: Any, server_url: str, operator_user: Actor, space_key: tuple[str, str]
) -> None:
    page = await live_page(context)
    await sign_in(page, "op@example.com")
    await stream_open(page)

    mine = await send(server_url, space_key[1], order_body("TAGGED-1", tags=["Eyewear", "rush"]))
    other = await send(server_url, space_key[1], order_body("TAGGED-2", tags=["b2b"]))

    await expect(page.locator(f"#orders-{mine}")).to_have_class("mine fresh", timeout=WITHIN)
    await expect(page.locator(f"#orders-{other}")).to_have_class("fresh")
    await page.click("label.chip:has-text('My orders')")
    await expect(page.locator("#table tbody tr")).to_have_count(1)
    await expect(page.locator("#table tbody tr")).to_have_id(f"orders-{mine}")


async def test_an_operator_adds_and_removes_tags_and_sees_the_flows_tags_marked(
    context: Any, server_url: str, admin: Actor, operator_user: Actor, space_key: tuple[str, str]
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Tagging flow", json.dumps(TAGGING_FLOW))
    made = await create_order(admin, order_body("TAGS-1", tags=["rush"], flowKey="tagging-flow"))
    order_id = made.order.id
    page = await context.new_page()
    await sign_in(page, "op@example.com", target=f"/orders/{order_id}")
    specs = page.locator("#order-specs")
    await expect(specs.locator(".order-tags li:has-text('production')")).to_contain_text("from flow")
    await expect(specs.locator(".order-tags li:has-text('rush')")).not_to_contain_text("from flow")

    await specs.get_by_label("Tags to add, separated by commas").fill("fragile, b2b")
    await specs.get_by_role("button", name="Add tags").click()
    await expect(specs.locator(".order-tags .tag")).to_have_text(["rush", "production", "fragile", "b2b"])
    await specs.get_by_role("button", name="Remove tag rush").click()
    await expect(specs.locator(".order-tags .tag")).to_have_text(["production", "fragile", "b2b"])

    history = page.locator("#history")
    await expect(history).to_contain_text("Tags rush removed. · op@example.com")
    await expect(history).to_contain_text("Tags fragile, b2b added. · op@example.com")
    await expect(history).to_contain_text('Tags production added by flow "Tagging flow".')


async def test_the_product_page_shows_the_hinges_under_the_front(
    context: Any, server_url: str, admin: Actor, space_key: tuple[str, str]
) -> None:
    body = order_body("TREE-1")
    hinges = [{"id": f"hinge-{side}", "data": {"name": f"Hinge {side}"}} for side in ("left", "right")]
    items = [
        {"id": "front", "data": {"name": "Front"}, "items": hinges},
        {"id": "temples", "data": {"name": "Temples"}},
        {"id": "lenses", "data": {"name": "Lenses"}},
    ]
    body["orderLines"] = [{**body["orderLines"][0], "title": "Sunglasses — Boreal", "items": items}]
    await send(server_url, space_key[1], body)
    product = await Product.get(title="Sunglasses — Boreal")
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target=f"/products/{product.id}")

    front = page.locator("#product-parts li").filter(has=page.get_by_role("link", name="Front", exact=True))
    lenses = page.locator("#product-parts li").filter(has=page.get_by_role("link", name="Lenses", exact=True))
    await expect(front.locator("ul.part-tree > li > a")).to_have_text(["Hinge left", "Hinge right"])
    await expect(lenses.locator("ul.part-tree")).to_have_count(0)


async def test_overdue_deadlines_are_flagged_in_words_and_times_show_the_exact_moment(
    context: Any, server_url: str, admin: Actor, space_key: tuple[str, str]
) -> None:
    order_id = await send(server_url, space_key[1], order_body("LATE-1"))
    deadline = datetime.now(UTC) - timedelta(hours=3)
    await Order.filter(id=order_id).update(deadline=deadline, status=OrderStatus.IN_PROGRESS)
    page = await context.new_page()
    await sign_in(page, "admin@example.com")

    cell = page.locator(f"#orders-{order_id} td.col-deadline")
    await expect(cell).to_contain_text("3 h ago")
    await expect(cell.locator(".flag")).to_have_text("Overdue")
    exact = deadline.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    await expect(cell.locator("time")).to_have_attribute("title", exact)
    await page.goto(f"/orders/{order_id}")
    await expect(page.locator("#order-specs")).to_contain_text("Overdue")
