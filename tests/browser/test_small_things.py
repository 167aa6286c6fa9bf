"""The small things of the operator's day in Chromium: page sizes, ISO day filters, the favicon, the
Tasks page, a rejected task's person, thumbnails, and a live row update that keeps the focus."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from server.domain.actors import Actor
from server.domain.search_text import search_words
from server.models import Order, Space
from server.services import flows
from tests.browser.conftest import sign_in
from tests.browser.test_ui import APPROVE, expect, first_cells
from tests.graphql.seed import BASE_TIME, seed_orders


async def test_page_sizes_day_filters_favicon_and_thumbnails(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 4)
    first = await Order.get(name="ORD-0000")
    first.thumbnail_url = "/static/favicon.svg"
    await first.save()
    await Order.filter(name="ORD-0002").update(thumbnail_url="/static/no-such-preview.png")
    page = await context.new_page()
    await sign_in(page, "admin@example.com")

    sizes = page.locator(".pager .sizes li")
    await expect(sizes).to_have_text(["25", "50", "100", "200"])
    await expect(page.locator(".pager .sizes [aria-current=true]")).to_have_text("50")
    boxes = [await sizes.nth(i).bounding_box() for i in range(4)]
    assert all(a["x"] + a["width"] < b["x"] for a, b in itertools.pairwise(boxes))
    await page.locator(".pager .sizes a", has_text="25").click()
    await expect(page.locator(".pager .sizes [aria-current=true]")).to_have_text("25")

    day = page.locator("input[name=from]")
    await expect(day).to_have_attribute("placeholder", "YYYY-MM-DD")
    later = BASE_TIME.date().replace(year=BASE_TIME.year + 1).isoformat()
    await day.fill(later)
    await day.press("Enter")
    await expect(page.locator("#table tr.empty")).to_be_visible()
    assert f"from={later}" in page.url
    await day.fill(BASE_TIME.date().isoformat())
    await day.press("Enter")
    await expect(first_cells(page)).to_have_count(4)

    thumb = page.locator("#table .with-thumb:has-text('ORD-0000') img.thumb-small")
    await expect(thumb).to_have_attribute("src", "/static/favicon.svg")
    await expect(page.locator("#table .with-thumb:has-text('ORD-0001') img")).to_have_count(0)
    broken = page.locator("#table .with-thumb:has-text('ORD-0002')")  # its image fails: an empty box
    await expect(broken.locator("img")).to_have_count(0)
    await expect(broken.locator("span.thumb-small")).to_have_count(1)
    icon = await page.locator("link[rel=icon]").get_attribute("href")
    response = await page.request.get(icon)
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")


async def test_tasks_link_their_order_and_a_rejection_names_the_person_while_the_focused_row_updates(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    titled = json.loads(json.dumps(APPROVE).replace("Check the print", "Check the print of {orderName}"))
    await flows.create_flow(admin, "demo-eyewear", "Approve prints", json.dumps(titled))
    space = await Space.get(key="demo-eyewear")
    order = await Order.create(
        space_id=space.id, name="REJ-1", intake_hash="-", search_text=search_words(["REJ-1"])
    )
    details = await context.new_page()
    await sign_in(details, "admin@example.com", target=f"/orders/{order.id}")
    await details.click("#flow-card button:has-text('Start')")
    await expect(details.locator("#manual-tasks")).to_contain_text("Check the print of REJ-1")

    tasks = await context.new_page()
    await tasks.goto("/tasks")
    await expect(tasks.locator("table.grid tbody tr td a").first).to_have_text("Check the print of REJ-1")
    await tasks.get_by_role("link", name="REJ-1", exact=True).click()
    await tasks.wait_for_url(re.compile(f"/orders/{order.id}$"))

    table = await context.new_page()
    await table.goto("/orders")
    box = table.locator(f"#orders-{order.id} input[name=id]")
    await box.focus()
    await table.keyboard.press("Space")
    await expect(box).to_be_checked()

    await details.click("#manual-tasks button:has-text('Reject')")
    await expect(details.locator("#order-status")).to_have_text("Failure")
    await expect(details.locator("#flow-card")).to_contain_text("rejected by admin@example.com")
    await expect(details.locator("#flow-card")).not_to_contain_text("user:")

    await expect(table.locator(f"#orders-{order.id}")).to_contain_text("Failure")
    await expect(box).to_be_focused()
    await expect(box).to_be_checked()
    await expect(table.locator("#announcer")).to_have_text("REJ-1: Failure")
