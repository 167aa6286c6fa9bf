"""The web UI in a real Chromium: sign in, tables, CSV export, flows, roles, manual tasks, live rows."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from server.domain.actors import Actor
from server.models import Flow, Order
from server.services import flows
from tests.browser.conftest import sign_in
from tests.graphql.seed import seed_orders

APPROVE = {
    "stages": [
        {
            "key": "approve",
            "initialTaskDefinitionKeys": ["check"],
            "taskDefinitions": [
                {
                    "key": "check",
                    "handlerKey": "manual-task",
                    "payload": {"title": "Check the print"},
                    "next": [],
                }
            ],
        }
    ]
}


def expect(target: Any) -> Any:
    from playwright.async_api import expect as playwright_expect

    return playwright_expect(target)


def first_cells(page: Any) -> Any:
    return page.locator("#table tbody tr td.col-name a")


async def test_sign_in_then_filter_and_sort_the_orders(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 12)
    page = await context.new_page()

    await sign_in(page, "admin@example.com")
    await expect(first_cells(page)).to_have_count(12)
    await page.fill("input[name=q]", "ord-0007")
    await expect(first_cells(page)).to_have_count(1)
    await expect(first_cells(page).first).to_have_text("ORD-0007")
    assert "q=ord-0007" in page.url
    await page.fill("input[name=q]", "")
    await expect(first_cells(page)).to_have_count(12)
    await page.click("th.col-name a")
    await expect(first_cells(page).first).to_have_text("ORD-0000")
    await page.click("th.col-name a")
    await expect(first_cells(page).first).to_have_text("ORD-0011")
    await page.click("label.chip:has-text('Success')")
    await expect(page.locator("#table tr.empty")).to_be_visible()


async def test_export_the_selected_rows_as_csv(
    context: Any, admin: Actor, space_key: tuple[str, str], tmp_path: Path
) -> None:
    await seed_orders("demo-eyewear", 3)
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/orders?sort=name&dir=asc")

    await page.locator("#table tbody tr").nth(0).locator("input[name=id]").check()
    await page.locator("#table tbody tr").nth(2).locator("input[name=id]").check()
    async with page.expect_download() as waiting:
        await page.click("#export")
    download = await waiting.value
    saved = tmp_path / "export.csv"
    await download.save_as(saved)

    rows = list(csv.reader(saved.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Order", "Status", "Value"]
    assert [r[0] for r in rows[1:]] == ["ORD-0000", "ORD-0002"]


async def test_create_a_flow_with_an_invalid_then_a_valid_definition(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/flows/new")

    await page.fill("input[name=name]", "Approve prints")
    editor = page.locator(".code-editor textarea.ace_text-input")
    await editor.focus()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text('{\n  "stages": [\n    {"key": "x"\n')
    await expect(page.locator("#flow-check .errors")).to_contain_text("Line")
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(json.dumps(APPROVE, indent=2))
    await expect(page.locator("#flow-check")).to_contain_text("Valid")
    await expect(page.locator("#flow-check svg [data-task=check]")).to_have_count(1)
    await page.click("button:has-text('Create flow')")

    await page.wait_for_url(re.compile(r"/flows/[0-9a-f-]{36}$"))
    flow = await Flow.get(name="Approve prints")
    assert page.url.endswith(f"/flows/{flow.id}")


async def test_an_operator_cannot_open_admin_pages(context: Any, operator_user: Actor) -> None:
    page = await context.new_page()
    await sign_in(page, "op@example.com")

    await expect(page.locator("nav.nav")).not_to_contain_text("Users")
    response = await page.goto("/admin/users")

    assert response is not None and response.status == 403
    await expect(page.locator("h1")).to_have_text("Admins only")


async def test_complete_a_manual_task_and_watch_the_row_change_live(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    flow = await flows.create_flow(admin, "demo-eyewear", "Approve prints", json.dumps(APPROVE))
    space_id = flow.flow.space_id  # type: ignore[attr-defined]
    order = await Order.create(space_id=space_id, name="LIVE-1", intake_hash="-", tags=["eyewear"])
    table = await context.new_page()
    await sign_in(table, "admin@example.com")
    row = table.locator(f"#orders-{order.id}")
    await expect(row).to_contain_text("Created")
    details = await context.new_page()
    await details.goto(f"/orders/{order.id}")

    await details.click("button:has-text('Start')")
    await expect(details.locator("#manual-tasks")).to_contain_text("Check the print")
    await expect(row).to_contain_text("In progress")
    await details.fill("#manual-tasks input[name=comment]", "looks right")
    await details.click("#manual-tasks button:has-text('Complete')")

    await expect(details.locator("#order-status")).to_have_text("Success")
    await expect(row).to_contain_text("Success")
    await expect(details.locator("#flow-card svg .state-succeeded")).to_have_count(1)
    await expect(details.locator("#history")).to_contain_text("looks right")
