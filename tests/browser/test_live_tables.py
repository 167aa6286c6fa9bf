"""Live tables in a real Chromium: an order sent through the REST API shows up in the open table."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import httpx

from server.domain.actors import SYSTEM, Actor
from server.models import Organization, Space
from server.services import auth
from tests.browser.conftest import sign_in
from tests.browser.test_ui import expect
from tests.conftest import EXAMPLES_DIR
from tests.graphql.seed import seed_orders

ORDER: dict[str, Any] = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]
COUNT_STREAMS = (
    "document.addEventListener('htmx:sseOpen', function () {"
    " window.streamsOpen = (window.streamsOpen || 0) + 1; });"
)
WITHIN = 2_000  # ms: what an operator waits for a new order to show up


def order_body(name: str, space_key: str = "demo-eyewear", **changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(ORDER)
    body.update(thirdPartyOrderId=name, spaceKey=space_key, **changes)
    body.pop("flowKey", None)
    return body


async def live_page(context: Any) -> Any:
    """A page that counts the table streams it opened (`window.streamsOpen`)."""
    page = await context.new_page()
    await page.add_init_script(COUNT_STREAMS)
    return page


async def stream_open(page: Any) -> None:
    await page.wait_for_function("window.streamsOpen > 0")


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
