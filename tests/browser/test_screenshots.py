"""The demo data in the browser: the tables and an order page render; with `FABFLOW_SCREENSHOTS=DIR`
the test also saves the screenshots shown in the README."""

from __future__ import annotations

from typing import Any

import pytest

from server import settings
from server.demo import loader as demo
from server.models import Flow, Order, Part, User
from server.services import auth, webhook_endpoints
from tests.browser.conftest import screenshot_path, sign_in


def expect(target: Any) -> Any:
    from playwright.async_api import expect as playwright_expect

    return playwright_expect(target)


async def test_demo_pages_render(context: Any, server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "PUBLIC_URL", server_url)  # the demo's file links point at this server
    access = await demo.prepare_demo()
    await demo.make_demo_orders(count=80)
    assert access.admin_password is not None
    page = await context.new_page()

    await sign_in(page, access.admin_email, access.admin_password)
    await expect(page.locator("#table tbody tr")).to_have_count(50)
    if path := screenshot_path("orders.png"):
        await page.screenshot(path=str(path))
    order = await Order.filter(flow_key="standard-production").order_by("-created_at").first()
    assert order is not None
    await page.goto(f"/orders/{order.id}")
    await expect(page.locator("#order-status")).to_be_visible()
    if path := screenshot_path("order.png"):
        # The demo's orders were made here, with no job system: the server's sweep starts their tasks.
        await expect(page.locator("#manual-tasks button:has-text('Complete')")).to_be_visible(timeout=90_000)
        await page.screenshot(path=str(path), full_page=True)
    nested = await Part.filter(parent_id__not_isnull=True, product__title__startswith="Sunglasses").first()
    assert nested is not None
    await page.goto(f"/products/{nested.product_id}")
    await expect(page.locator("main h1")).to_be_visible()
    if path := screenshot_path("product.png"):
        await page.screenshot(path=str(path), full_page=True)
    await page.goto("/flows")
    await expect(page.locator("table.grid tbody tr").first).to_be_visible()
    flow = await Flow.filter(key="standard-production").first()
    assert flow is not None
    await page.goto(f"/flows/{flow.id}")
    await expect(page.locator(".code-editor .ace_gutter-cell").first).to_have_text("1")
    if path := screenshot_path("flow-editor.png"):
        await page.screenshot(path=str(path), full_page=True)
    admin = auth.actor_for_user(await User.get(email=access.admin_email))
    await webhook_endpoints.create_endpoint(
        admin, "demo-eyewear", "http://127.0.0.1:8765/fabflow-hook", ["*"], "Web shop order updates"
    )
    await page.goto("/spaces/demo-eyewear/webhooks")
    await expect(page.locator("main h1")).to_be_visible()
    if path := screenshot_path("webhooks.png"):
        await page.screenshot(path=str(path), full_page=True)
