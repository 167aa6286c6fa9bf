"""The integrations page in a real Chromium: an admin connects a space to HP Site Flow."""

from __future__ import annotations

from typing import Any

from server.domain.actors import Actor
from tests.browser.conftest import sign_in
from tests.browser.test_ui import expect

SECRET = "browser-secret-never-shown"


async def test_an_admin_connects_a_space_to_site_flow(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    page = await context.new_page()
    await sign_in(page, "admin@example.com")

    await page.click("nav.nav a:has-text('Integrations')")
    card = page.locator("section.siteflow[data-space='demo-eyewear']")
    await expect(card).to_contain_text("not connected")
    await card.locator("input[name=base_url]").fill("https://stage.printos.api.hp.com/siteflow")
    await card.locator("input[name=api_key]").fill("key-from-printos")
    await card.locator("input[name=secret]").fill(SECRET)
    await card.locator("input[name=destination]").fill("hp.psp")
    await card.locator("button[type=submit]").click()

    await expect(page.locator("p[role=status]")).to_contain_text("connection of demo-eyewear is saved")
    card = page.locator("section.siteflow[data-space='demo-eyewear']")
    await expect(card.locator(".pill.ok")).to_have_text("connected")
    await expect(card.locator(".postback-url")).to_contain_text("/api/v1/siteflow/spaces/demo-eyewear")
    await expect(card.locator(".postback-header")).to_contain_text("Authorization: ")
    assert await card.locator("input[name=secret]").input_value() == ""
    assert SECRET not in await page.content()
