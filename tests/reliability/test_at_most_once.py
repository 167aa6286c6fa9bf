"""A task's e-mail leaves at most once; feedback that its task refuses stores nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from jobs.handlers.base import Failed, Succeeded
from jobs.handlers.send_email import HANDLER
from server.domain.statuses import TaskState
from server.models import Asset, AssetVersion, HistoryEntry, Order, SentMail, TaskRun
from server.services import mail, signed_links, task_links
from tests.handlers.conftest import ContextFactory, Inbox
from tests.handlers.test_feedback import FEEDBACK

PAYLOAD: dict[str, Any] = {
    "recipient": ["test-order@example.com"],
    "subject": "Order {orderName} received",
    "body": "Thanks",
}


async def test_a_second_run_after_the_send_sends_nothing(
    smtp_server: Inbox, make_context: ContextFactory
) -> None:
    context = await make_context("send-email", PAYLOAD)

    first = await HANDLER.run(context)
    second = await HANDLER.run(context)  # the same run message delivered again

    assert isinstance(first, Succeeded) and isinstance(second, Succeeded)
    assert len(smtp_server.envelopes) == 1
    assert first.response is not None and second.response is not None
    assert first.response["messageId"] == second.response["messageId"]
    assert smtp_server.messages()[0]["Message-ID"] == first.response["messageId"]


async def test_a_run_stopped_between_the_send_and_its_record_is_not_sent_again(
    smtp_server: Inbox, make_context: ContextFactory, order: Order, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = await make_context("send-email", PAYLOAD)

    async def worker_dies(task_run_id: Any) -> None:
        raise ConnectionResetError("the worker stopped here")

    mark_sent = mail.mark_sent
    monkeypatch.setattr(mail, "mark_sent", worker_dies)
    with pytest.raises(ConnectionResetError):
        await HANDLER.run(context)
    monkeypatch.setattr(mail, "mark_sent", mark_sent)
    [sending] = await SentMail.filter(task_run_id=context.task_run_id)
    assert sending.state == "sending"
    assert sending.message_id == smtp_server.messages()[0]["Message-ID"]

    again = await HANDLER.run(context)  # redelivered: found "sending" without "sent"

    assert isinstance(again, Failed)
    assert "may not have been sent" in again.reason
    assert len(smtp_server.envelopes) == 1
    [entry] = await HistoryEntry.filter(order_id=order.id, kind="email-uncertain")
    assert "may not have been sent" in entry.message and sending.message_id in entry.message


async def test_a_new_task_run_sends_again(smtp_server: Inbox, make_context: ContextFactory) -> None:
    first = await make_context("send-email", PAYLOAD)
    retry = await make_context("send-email", PAYLOAD)  # an operator's retry is a new task run

    assert isinstance(await HANDLER.run(first), Succeeded)
    assert isinstance(await HANDLER.run(retry), Succeeded)
    assert len(smtp_server.envelopes) == 2
    assert await SentMail.filter(state="sent").count() == 2


def refuse_now(*args: Any) -> None:
    raise mail.MailError("The SMTP server refused some recipients: refused@example.com")


async def test_a_refused_send_can_be_tried_again(
    make_context: ContextFactory, smtp_server: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = await make_context("send-email", PAYLOAD)

    deliver = mail._deliver
    monkeypatch.setattr(mail, "_deliver", refuse_now)
    assert isinstance(await HANDLER.run(context), Failed)
    monkeypatch.setattr(mail, "_deliver", deliver)
    assert not await SentMail.filter(task_run_id=context.task_run_id).exists()
    assert isinstance(await HANDLER.run(context), Succeeded)
    assert len(smtp_server.envelopes) == 1


async def test_feedback_the_task_refuses_stores_no_asset(
    client: httpx.AsyncClient, make_context: ContextFactory, order: Order, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = await make_context("consume-rest-api", {"uri": "https://example.com/x", "sendsFeedback": True})
    await TaskRun.filter(id=context.task_run_id).update(state=TaskState.WAITING)
    assets_before = await Asset.filter(order_id=order.id).count()
    versions_before = await AssetVersion.filter(asset__order_id=order.id).count()
    opened = task_links.open_link

    async def task_ends_meanwhile(*args: Any) -> task_links.LinkedTask:
        linked = await opened(*args)
        await TaskRun.filter(id=context.task_run_id).update(state=TaskState.SUCCEEDED)
        return linked

    monkeypatch.setattr(task_links, "open_link", task_ends_meanwhile)
    token = signed_links.task_token(signed_links.FEEDBACK, context.task_run_id)

    response = await client.post(f"/api/v1/feedback/{token}", json=FEEDBACK)

    assert response.status_code == 409, response.text
    assert await Asset.filter(order_id=order.id).count() == assets_before
    assert await AssetVersion.filter(asset__order_id=order.id).count() == versions_before
    assert not await signed_links.is_used(token)
