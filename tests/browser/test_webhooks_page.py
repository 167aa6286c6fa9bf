"""The Webhooks page in a real Chromium: create an endpoint, see its secret once, send a test to a real
receiver on 127.0.0.1 and find the delivery in the log."""

from __future__ import annotations

import re
from typing import Any

from standardwebhooks.webhooks import Webhook

from server.domain.actors import Actor
from tests.browser.conftest import screenshot_path, sign_in
from tests.e2e.support import until
from tests.web.receiver import Receiver

SECRET = re.compile(r"^whsec_[A-Za-z0-9+/]{43}=$")  # standard base64 of 32 bytes


def expect(target: Any) -> Any:
    from playwright.async_api import expect as playwright_expect

    return playwright_expect(target)


async def test_create_an_endpoint_see_the_secret_once_and_a_test_delivery_in_the_log(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    receiver = Receiver()
    try:
        page = await context.new_page()
        await sign_in(page, "admin@example.com")
        await page.get_by_role("link", name="Webhooks").click()
        await page.get_by_role("link", name="demo-eyewear").click()
        await page.get_by_label("URL").fill(receiver.url)
        await page.get_by_label("Description").fill("test receiver")
        await expect(page.get_by_role("checkbox", name="All events")).to_be_checked()
        await page.get_by_role("button", name="Create endpoint").click()

        shown = page.locator("#new-secret")
        await expect(shown).to_have_text(SECRET)
        secret = (await shown.text_content() or "").strip()
        row = page.locator("#endpoints tbody tr", has_text=receiver.url)
        await expect(row).to_have_count(1)
        if shot := screenshot_path("webhooks.png"):
            await page.screenshot(path=str(shot), full_page=True)

        await page.reload()
        await expect(page.locator("#new-secret")).to_have_count(0)
        assert secret not in await page.content()

        await row.get_by_role("button", name="Send test").click()
        await page.get_by_role("status").get_by_role("link", name="its delivery log").click()
        await expect(page.get_by_role("heading", name=f"Deliveries to {receiver.url}")).to_be_visible()
        await until(lambda: _received(receiver), timeout=15)

        delivery = page.locator("#deliveries tbody tr").first

        async def succeeded() -> bool:
            await page.reload()
            return "succeeded" in (await delivery.text_content() or "")

        await until(succeeded, timeout=15)
        await expect(delivery).to_contain_text("webhook.test")
        await delivery.locator("summary").click()
        await expect(delivery).to_contain_text("Attempt 1")
        await expect(delivery).to_contain_text("webhook-signature")
        headers, body = receiver.calls[0]
        await expect(delivery.locator("summary")).to_contain_text(headers["webhook-id"])
        if shot := screenshot_path("webhook-deliveries.png"):
            await page.screenshot(path=str(shot), full_page=True)
        assert Webhook(secret).verify(body, headers)["type"] == "webhook.test"
    finally:
        receiver.server.shutdown()


async def _received(receiver: Receiver) -> bool:
    return bool(receiver.calls)
