"""With the keyboard alone: skip to the content, sort, tick, export the ticked rows, start a flow and
complete its manual task; the focus never drops to the page's body, and the status change is said
in the polite status region."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from server.domain.actors import Actor
from server.domain.search_text import search_words
from server.models import Order, Space
from server.services import flows
from tests.browser.conftest import sign_in
from tests.browser.test_ui import APPROVE, expect
from tests.graphql.seed import seed_orders

FOCUSED_IS_BODY = "() => !document.activeElement || document.activeElement === document.body"


async def tab_until(page: Any, selector: str, backwards: bool = False, most: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    for _ in range(most):
        await page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if await page.evaluate("s => document.activeElement?.matches(s) === true", selector):
            return
    raise AssertionError(f"{selector} was not reached with the keyboard in {most} key presses")


async def assert_focus_kept(page: Any) -> None:
    await page.wait_for_timeout(100)  # the swap has settled
    assert not await page.evaluate(FOCUSED_IS_BODY), "the focus dropped to the page's body"


async def test_sort_tick_export_and_complete_a_task_with_the_keyboard_alone(
    context: Any, admin: Actor, space_key: tuple[str, str], tmp_path: Path
) -> None:
    await seed_orders("demo-eyewear", 3)
    titled = json.loads(json.dumps(APPROVE).replace("Check the print", "Check the print of {orderName}"))
    await flows.create_flow(admin, "demo-eyewear", "Approve prints", json.dumps(titled))
    space = await Space.get(key="demo-eyewear")
    order = await Order.create(
        space_id=space.id, name="KEY-1", intake_hash="-", search_text=search_words(["KEY-1"])
    )
    page = await context.new_page()
    await sign_in(page, "admin@example.com")

    await page.keyboard.press("Tab")
    await expect(page.locator(".skip-link")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.locator("main#main")).to_be_focused()

    await tab_until(page, "th.col-name a")
    await page.keyboard.press("Enter")
    await expect(page.locator("th.col-name")).to_have_attribute("aria-sort", "ascending")
    await expect(page.locator("th.col-name a")).to_be_focused()
    await expect(page.locator("#table tbody tr td.col-name a").first).to_have_text("KEY-1")

    await tab_until(page, "tbody input[name=id]")
    box = page.locator("tbody input[name=id]").first
    await expect(box).to_have_attribute("aria-label", "Select order KEY-1")
    await page.keyboard.press("Space")
    await expect(box).to_be_checked()
    await expect(box).to_be_focused()

    await tab_until(page, "#export", backwards=True)
    async with page.expect_download() as waiting:
        await page.keyboard.press("Enter")
    saved = tmp_path / "export.csv"
    await (await waiting.value).save_as(saved)
    rows = list(csv.reader(saved.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == ["KEY-1"]

    await page.goto(f"/orders/{order.id}")
    await tab_until(page, "#flow-card button[type=submit]")
    await page.keyboard.press("Enter")
    await expect(page.locator("#manual-tasks")).to_contain_text("Check the print of KEY-1")
    await assert_focus_kept(page)

    await tab_until(page, "#manual-tasks input[name=comment]")
    await page.keyboard.type("checked by keyboard")
    await page.keyboard.press("Tab")
    await expect(page.locator("#manual-tasks button:has-text('Complete')")).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.locator("#order-status")).to_have_text("Success")
    await assert_focus_kept(page)
    focused_task = await page.evaluate("() => document.activeElement.closest('#manual-tasks li') !== null")
    assert focused_task, "the focus is not on the task that was completed"
    await expect(page.locator("#announcer")).to_have_text(re.compile(r"KEY-1: Success"))
