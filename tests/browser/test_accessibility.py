"""Every page in Chromium: axe-core finds no serious or critical violation, and at 390 px wide nothing
overlaps and nothing is wider than the screen except inside a scrollable, named region.

A new page is one line in `PAGES`: its path, with `{order}`, `{product}`, `{part}` or `{flow}` for the
ids of the data made here.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest

from server.domain.actors import Actor
from server.models import Part
from server.services import flows
from tests.browser.conftest import sign_in
from tests.browser.test_ui import APPROVE, expect
from tests.graphql.seed import seed_orders

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1360, "height": 860}

# (path, who looks at it): "admin", or "anonymous" for pages seen signed out.
PAGES: list[tuple[str, str]] = [
    ("/login", "anonymous"),
    ("/orders", "admin"),
    ("/orders/{order}", "admin"),
    ("/products", "admin"),
    ("/products/{product}", "admin"),
    ("/parts", "admin"),
    ("/parts/{part}", "admin"),
    ("/tasks", "admin"),
    ("/flows", "admin"),
    ("/flows/new", "admin"),
    ("/flows/{flow}", "admin"),
    ("/flows/{flow}/diff", "admin"),
    ("/account", "admin"),
    ("/outbox", "admin"),
    ("/webhooks", "admin"),
    ("/spaces/demo-eyewear/webhooks", "admin"),
    ("/admin/users", "admin"),
    ("/admin/keys", "admin"),
    ("/admin/spaces", "admin"),
    (f"/orders/{uuid4()}", "admin"),  # the error page (no such order)
    ("/confirm/not-a-token", "anonymous"),  # a customer's confirmation link that is not valid
]

# Serious and critical violations of every rule axe runs by default: rule id → the elements.
AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")) }));
}"""

# What overlaps or sticks out at the current width.
LAYOUT_PROBLEMS = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const classes = el => typeof el.className === "string" && el.className.trim()
    ? "." + el.className.trim().split(/\\s+/).join(".") : "";
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes(el);
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " > " + width);
  }
  const items = [...document.querySelectorAll(".topbar a, .topbar button")].filter(shown);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i].getBoundingClientRect(), b = items[j].getBoundingClientRect();
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      const names = items[i].textContent.trim() + " / " + items[j].textContent.trim();
      if (overlap) problems.push("overlap: " + names);
    }
  }
  const scrolls = el => {
    const region = el.parentElement && el.parentElement.closest("[role=region][aria-label]");
    if (!region) return false;
    const style = getComputedStyle(region);
    const own = region.classList.contains("ace_editor");  // Ace draws its own scroll bars
    const fits = region.getBoundingClientRect().right <= width + 1;
    return (own || ["auto", "scroll"].includes(style.overflowX)) && fits;
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el) || el.closest(".visually-hidden")) continue;
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 && r.left >= -1) continue;
    if (scrolls(el)) continue;
    const where = Math.round(r.left) + "-" + Math.round(r.right);
    problems.push("wider than the screen: " + name(el) + " " + where);
  }
  return problems.slice(0, 20);
}"""


@pytest.fixture
async def axe_context(browser: Any, server_url: str, clean_db: str) -> AsyncIterator[Any]:
    """Like `context`, but axe (a file of the tests, not of the app) may be injected despite the CSP."""
    made = await browser.new_context(base_url=server_url, viewport=DESKTOP, bypass_csp=True)
    made.set_default_timeout(15_000)
    yield made
    await made.close()


async def every_kind_of_data(admin: Actor) -> dict[str, str]:
    """Orders with products and nested parts, a flow with two versions and a run waiting for a person."""
    await seed_orders("demo-eyewear", 3)
    made = await flows.create_flow(admin, "demo-eyewear", "Approve prints", json.dumps(APPROVE))
    changed = json.dumps(APPROVE, indent=2).replace("Check the print", "Check the print of {orderName}")
    await flows.update_flow(admin, made.flow.id, changed)
    part = await Part.filter(parent_id__not_isnull=True).select_related("product", "order").first()
    assert part is not None
    return {
        "order": str(part.order.id),
        "product": str(part.product.id),
        "part": str(part.id),
        "flow": str(made.flow.id),
        "order_name": part.order.name,
    }


async def start_the_flow(page: Any, order_id: str) -> None:
    await page.goto(f"/orders/{order_id}")
    await page.select_option("select[name=flow_id]", label="Approve prints")
    await page.click("button:has-text('Start')")
    await expect(page.locator("#manual-tasks button:has-text('Complete')")).to_be_visible()


async def open_page(page: Any, path: str) -> None:
    await page.goto(path)
    await page.wait_for_load_state("load")
    if await page.locator("textarea[data-editor=json]").count():
        await expect(page.locator(".code-editor .ace_gutter")).to_be_visible()


async def test_no_serious_violation_and_nothing_overlaps_at_390px_on_any_page(
    axe_context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    ids = await every_kind_of_data(admin)
    signed_out = await axe_context.new_page()
    page = await axe_context.new_page()
    await sign_in(page, "admin@example.com")
    await start_the_flow(page, ids["order"])
    await expect(page.locator("#manual-tasks")).to_contain_text(f"Check the print of {ids['order_name']}")

    violations: dict[str, Any] = {}
    layout: dict[str, Any] = {}
    for template, who in PAGES:
        path = template.format(**ids)
        viewer = signed_out if who == "anonymous" else page
        await viewer.set_viewport_size(DESKTOP)
        await open_page(viewer, path)
        await viewer.add_script_tag(path=str(AXE))
        if found := await viewer.evaluate(AXE_RUN):
            violations[path] = found
        await viewer.set_viewport_size(PHONE)
        await viewer.wait_for_timeout(50)  # one frame for the new layout
        if problems := await viewer.evaluate(LAYOUT_PROBLEMS):
            layout[path] = problems

    assert violations == {}
    assert layout == {}
