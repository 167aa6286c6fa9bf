"""asset-email: links to matching assets, and the confirmation link that makes the task wait."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from jobs.handlers.asset_email import HANDLER
from jobs.handlers.base import Succeeded, TaskContext, Wait
from server import settings
from server.domain.flows.payload_specs import handler_spec
from server.domain.statuses import AssetKind, TaskState
from server.models import HistoryEntry, Order, TaskRun
from server.services import assets
from tests.handlers.conftest import ContextFactory, Inbox, html_part

ZIP_FILTER = r"^\s*(.*\.[zZ][iI][pP])\s*$"
PAYLOAD: dict[str, Any] = {
    "filter": ZIP_FILTER,
    "recipients": ["{customerEmail}", "test@example.com"],
    "subject": "Your files for {orderName}",
    "body": "Dear customer,<br><br>Your files:<br>{assetOverview}<br>Best regards",
    "needConfirmation": False,
}


@pytest.fixture
async def zip_asset(order: Order, asset_dir: Path) -> str:
    stored = assets.store(order.id, "production files.zip", b"PK\x05\x06" + b"\0" * 18)
    await assets.add_version(
        assets.Owner(order.id), client_id="production-zip", url=stored.url, kind=AssetKind.PRODUCTION
    )
    return stored.url


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


async def test_the_overview_links_the_current_versions_of_matching_assets(
    smtp_server: Inbox, make_context: ContextFactory, zip_asset: str, client: httpx.AsyncClient
) -> None:
    outcome = await HANDLER.run(await make_context("asset-email", PAYLOAD))

    assert isinstance(outcome, Succeeded)
    [message] = smtp_server.messages()
    assert message["To"] == "ada@example.com, test@example.com"
    body = html_part(message)
    assert "production-files.zip</a>" in body
    assert "temples" not in body and "front" not in body
    [link] = links(body)
    assert link.startswith(zip_asset + "?sig=")
    path = link.removeprefix(settings.PUBLIC_URL).replace("&amp;", "&")
    assert (await client.get(path)).content.startswith(b"PK")
    assert (await client.get(zip_asset.removeprefix(settings.PUBLIC_URL))).status_code == 404
    forged = await client.get(zip_asset.removeprefix(settings.PUBLIC_URL) + "?sig=abc")
    assert forged.status_code == 404


async def test_no_match_sends_an_empty_overview_and_warns(
    smtp_server: Inbox, make_context: ContextFactory, order: Order
) -> None:
    outcome = await HANDLER.run(await make_context("asset-email", PAYLOAD))

    assert isinstance(outcome, Succeeded)
    assert "(no files)" in html_part(smtp_server.messages()[0])
    assert await HistoryEntry.filter(order_id=order.id, kind="warning").count() == 1


async def test_the_overview_reaches_assets_of_parts_by_current_version(
    smtp_server: Inbox, make_context: ContextFactory
) -> None:
    outcome = await HANDLER.run(await make_context("asset-email", {**PAYLOAD, "filter": r"\.stl$"}))

    assert isinstance(outcome, Succeeded)
    assert links(html_part(smtp_server.messages()[0])) == ["https://cdn.example.com/cfg-8f2a/temples-v2.stl"]


async def confirmation_link(inbox: Inbox) -> str:
    [link] = [href for href in links(html_part(inbox.messages()[0])) if "/confirm/" in href]
    return link.removeprefix(settings.PUBLIC_URL)


async def waiting_for_confirmation(make_context: ContextFactory) -> TaskContext:
    context = await make_context("asset-email", {**PAYLOAD, "needConfirmation": True})
    outcome = await HANDLER.run(context)
    assert isinstance(outcome, Wait)
    await TaskRun.filter(id=context.task_run_id).update(state=TaskState.WAITING, response=outcome.response)
    return context


async def test_with_confirmation_the_task_waits_until_the_link_is_used_once(
    smtp_server: Inbox, make_context: ContextFactory, zip_asset: str, client: httpx.AsyncClient, order: Order
) -> None:
    context = await waiting_for_confirmation(make_context)
    path = await confirmation_link(smtp_server)

    page = await client.get(path)
    confirmed = await client.post(path)
    again = await client.post(path)
    shown_again = await client.get(path)

    assert page.status_code == 200
    assert order.name in page.text and "production-files.zip" in page.text
    assert "<form" in page.text
    assert confirmed.status_code == 200 and "confirmed" in confirmed.text
    task = await TaskRun.get(id=context.task_run_id)
    assert task.resume_data is not None and task.resume_data["data"]["confirmed"] is True
    assert again.status_code == 409 and "Already confirmed" in again.text
    assert shown_again.status_code == 409
    assert await HistoryEntry.filter(order_id=order.id, kind="confirmation-received").count() == 1


async def test_forged_and_expired_confirmation_links_get_a_clear_page(
    smtp_server: Inbox, make_context: ContextFactory, client: httpx.AsyncClient, monkeypatch: Any
) -> None:
    await waiting_for_confirmation(make_context)
    path = await confirmation_link(smtp_server)

    forged = await client.get(path[:-4] + "AAAA")
    garbage = await client.post("/confirm/not-a-token")
    monkeypatch.setattr(settings, "TASK_LINK_MAX_AGE", -1)
    expired = await client.get(path)

    assert forged.status_code == 404 and "not valid" in forged.text
    assert garbage.status_code == 404
    assert expired.status_code == 410 and "expired" in expired.text


async def test_resuming_with_a_confirmation_succeeds(make_context: ContextFactory) -> None:
    from jobs.handlers.base import Resumption

    context = await make_context("asset-email", {**PAYLOAD, "needConfirmation": True})

    outcome = await HANDLER.resume(context, Resumption({"confirmed": True, "by": "the e-mail recipient"}))

    assert isinstance(outcome, Succeeded)


@pytest.mark.parametrize(
    ("pattern", "valid"),
    [
        (ZIP_FILTER, True),
        (r"\p{L}+\.stl$", True),
        (r"(?i)\.ZIP$", True),
        (r"a\Z", False),
        (r"a{1001}", False),
        (r"(zip", False),
        (r"^(?!tmp).*\.zip$", False),
    ],
)
def test_filters_are_validated_by_re2(pattern: str, valid: bool) -> None:
    spec = handler_spec("asset-email")
    assert spec is not None
    errors = spec.payload.check({**PAYLOAD, "filter": pattern}, "/payload", "The payload")
    assert (errors == []) is valid, errors
