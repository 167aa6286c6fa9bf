"""The flow editor in Chromium: Ace with line numbers, JSON highlighting and folding; the server's
check marks problems at their line as you type; Tab indents, Esc then Tab leaves."""

from __future__ import annotations

import json
import re
from typing import Any

from server.domain.actors import Actor
from server.models import Flow, FlowVersion
from tests.browser.conftest import sign_in
from tests.browser.test_ui import APPROVE, expect

EDITOR = ".code-editor"
INPUT = ".code-editor textarea.ace_text-input"


async def replace_text(page: Any, text: str) -> None:
    """Select everything in the editor and type `text` over it (as a paste)."""
    await page.locator(INPUT).focus()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(text)


async def focused(page: Any) -> str:
    return str(
        await page.evaluate(
            "() => { const e = document.activeElement; if (!e || e === document.body) return 'body';"
            " return e.closest('.code-editor') ? 'editor' : (e.id || e.textContent.trim() || e.tagName); }"
        )
    )


async def test_line_numbers_highlighting_folding_and_problems_at_their_line(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/flows/new")

    await expect(page.locator(EDITOR)).to_be_visible()
    await expect(page.locator("textarea#source")).to_be_hidden()
    await expect(page.locator(f"{EDITOR} .ace_gutter-cell").first).to_have_text("1")
    await expect(page.locator(f"{EDITOR} .ace_string").first).to_be_visible()  # highlighted JSON
    await expect(page.locator("#source-hint")).to_contain_text("Esc")

    text = json.dumps(APPROVE, indent=2)
    broken = text.replace('"handlerKey": "manual-task"', '"handlerKey": "manual-tsk"')
    await replace_text(page, broken)
    wrong_line = broken.splitlines().index('          "handlerKey": "manual-tsk",') + 1
    await expect(page.locator("#flow-check .errors")).to_contain_text("manual-tsk")
    await expect(page.locator(EDITOR)).to_have_attribute("data-problem-lines", str(wrong_line))
    error_cell = page.locator(f"{EDITOR} .ace_gutter-cell.ace_error")
    await expect(error_cell).to_have_text(str(wrong_line))
    await expect(page.locator(f"{EDITOR} .problem-line")).to_have_count(1)

    await replace_text(page, '{\n  "stages": [\n    {"key": "x"\n')
    await expect(page.locator("#flow-check .errors li[data-line]")).to_have_count(1)
    syntax_line = await page.locator("#flow-check .errors li[data-line]").get_attribute("data-line")
    await expect(page.locator(EDITOR)).to_have_attribute("data-problem-lines", str(syntax_line))

    await replace_text(page, json.dumps(APPROVE, indent=2))
    await expect(page.locator("#flow-check")).to_contain_text("Valid · 1 stage, 1 task")
    await expect(page.locator("#flow-check-status")).to_have_text("Valid · 1 stage, 1 task")  # said once
    await expect(page.locator(EDITOR)).to_have_attribute("data-problem-lines", "")
    lines_before = await page.locator(f"{EDITOR} .ace_gutter-cell").count()
    await page.locator(f"{EDITOR} .ace_fold-widget").first.click()
    await expect(page.locator(f"{EDITOR} .ace_gutter-cell")).to_have_count(1)
    assert lines_before > 5

    await page.fill("input[name=name]", "Approve prints")
    await page.click("button:has-text('Create flow')")
    await page.wait_for_url(re.compile(r"/flows/[0-9a-f-]{36}$"))
    flow = await Flow.get(name="Approve prints")
    saved = await FlowVersion.filter(flow_id=flow.id).first()
    assert saved is not None and json.loads(saved.source) == APPROVE


async def test_tab_indents_and_esc_then_tab_leaves_the_editor(
    context: Any, admin: Actor, space_key: tuple[str, str]
) -> None:
    page = await context.new_page()
    await sign_in(page, "admin@example.com", target="/flows/new")
    await replace_text(page, "{}")
    await expect(page.locator("#flow-check .errors")).to_be_visible()  # no diagram to stop at
    await page.keyboard.press("Home")

    await page.keyboard.press("Tab")
    assert await focused(page) == "editor"
    await expect(page.locator("textarea#source")).to_have_value("  {}", timeout=2000)
    await page.keyboard.press("Escape")
    await page.keyboard.press("Tab")
    assert await focused(page) == "Create flow"
    await page.keyboard.press("Shift+Tab")
    assert await focused(page) == "editor"
    await page.keyboard.press("Escape")
    await page.keyboard.press("Shift+Tab")
    assert await focused(page) not in ("editor", "body")
