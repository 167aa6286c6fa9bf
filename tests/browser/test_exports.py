"""Exports in a real Chromium: ticks kept across pages, nothing ticked, all matching rows of a filter,
and a background export from its progress bar to its download."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any

from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.models import Order
from tests.browser.conftest import sign_in
from tests.graphql.seed import Shape, seed_orders

SMALL = Shape(products=1, parts=0, assets=0, versions=0, children=False)


def expect(target: Any) -> Any:
    from playwright.async_api import expect as playwright_expect

    return playwright_expect(target)


def rows_of(page: Any) -> Any:
    return page.locator("#table tbody tr")


async def downloaded_csv(page: Any, click: Any, tmp_path: Path) -> list[list[str]]:
    async with page.expect_download() as waiting:
        await click()
    saved = tmp_path / "export.csv"
    await (await waiting.value).save_as(saved)
    return list(csv.reader(saved.read_text(encoding="utf-8-sig").splitlines()))


async def test_rows_ticked_on_two_pages_export_together(
    context: Any, admin: Actor, space_key: tuple[str, str], tmp_path: Path
) -> None:
    await seed_orders("demo-eyewear", 30, SMALL)
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/orders?sort=name&dir=asc&size=25")

    await rows_of(page).nth(1).locator("input[name=id]").check()
    await page.click("a[rel=next]")
    await expect(rows_of(page).first).to_contain_text("ORD-0025")
    await rows_of(page).nth(2).locator("input[name=id]").check()
    await expect(page.locator("#ticked")).to_have_text("2 selected")
    await page.click("a:has-text('First page')")
    await expect(rows_of(page).first).to_contain_text("ORD-0000")
    await expect(rows_of(page).nth(1).locator("input[name=id]")).to_be_checked()
    rows = await downloaded_csv(page, lambda: page.click("#export"), tmp_path)

    assert [r[0] for r in rows[1:]] == ["ORD-0001", "ORD-0027"]
    await page.reload()
    await expect(page.locator("#ticked")).to_have_text("2 selected")
    await page.click("#clear-ticks")
    await expect(page.locator("#ticked")).to_have_text("")
    await expect(rows_of(page).nth(1).locator("input[name=id]")).not_to_be_checked()


async def test_export_selected_with_nothing_ticked_says_so(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 2, SMALL)
    page = await context.new_page()
    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    await sign_in(page, "admin@example.com")

    await page.click("#export")

    await expect(page.locator("#export-status")).to_contain_text("Nothing is selected")
    assert downloads == []


async def test_export_all_matching_a_filter_from_the_progress_bar_to_the_download(
    context: Any, admin: Actor, space_key: tuple[str, str], tmp_path: Path
) -> None:
    rows = await seed_orders("demo-eyewear", 40, SMALL)
    await Order.filter(id__in=[o.id for o in rows.orders[::4]]).update(status=OrderStatus.FAILURE)
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/orders?size=25")

    await page.click("label.chip:has-text('Failure')")
    await expect(rows_of(page)).to_have_count(10)
    await page.click("#export-all")
    await expect(page.locator("#export-status progress")).to_be_attached()
    await expect(page.locator("#export-status")).to_contain_text("The CSV is ready (10 orders)")
    exported = await downloaded_csv(
        page, lambda: page.click("#export-status a:has-text('Download')"), tmp_path
    )

    assert exported[0][:2] == ["Order", "Status"]
    assert sorted(r[0] for r in exported[1:]) == sorted(o.name for o in rows.orders[::4])
    assert {r[1] for r in exported[1:]} == {"Failure"}


async def test_a_zip_with_files_is_made_in_the_background(
    context: Any, admin: Actor, space_key: tuple[str, str], tmp_path: Path
) -> None:
    await seed_orders("demo-eyewear", 2, Shape(assets=0))
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/products")

    await rows_of(page).nth(0).locator("input[name=id]").check()
    await page.select_option("#export-format", "zip-files")
    await page.click("#export")
    await expect(page.locator("#export-status progress")).to_be_attached()
    await expect(page.locator("#export-status")).to_contain_text("The zip is ready (1 product)")
    async with page.expect_download() as waiting:
        await page.click("#export-status a:has-text('Download')")
    saved = tmp_path / "export.zip"
    await (await waiting.value).save_as(saved)

    with zipfile.ZipFile(saved) as archive:
        assert "csv/products.csv" in archive.namelist()
