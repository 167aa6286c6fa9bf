"""send-email through a real SMTP server, and into the outbox without one."""

from __future__ import annotations

from typing import Any

from jobs.handlers.base import Failed, Succeeded
from jobs.handlers.send_email import HANDLER
from server import settings
from server.models import Order, OutboxMail
from tests.handlers.conftest import ContextFactory, Inbox, free_port

BODY = (
    "Order url: {orderUrl}<br>Name: {customerInfo.name}<br>Email: {customerInfo.email}"
    "<br>Phone: {customerInfo.phone}<br>Missing: {customerInfo.fax}"
)
PAYLOAD: dict[str, Any] = {
    "recipient": ["test-order@example.com", "{customerEmail}"],
    "subject": "Order {orderName} received",
    "body": BODY,
    "cc": ["copy@example.com"],
    "bcc": ["hidden@example.com"],
}


async def test_the_mail_reaches_the_smtp_server_with_placeholders_filled_in(
    smtp_server: Inbox, make_context: ContextFactory, order: Order, events_of: Any
) -> None:
    context = await make_context("send-email", PAYLOAD)

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Succeeded)
    [envelope] = smtp_server.envelopes
    assert envelope.mail_from == "orders@fabflow.test"
    assert envelope.rcpt_tos == [
        "test-order@example.com",
        "ada@example.com",
        "copy@example.com",
        "hidden@example.com",
    ]
    [message] = smtp_server.messages()
    assert message["Subject"] == "Order WEB-2026-001842 received"
    assert message["Cc"] == "copy@example.com"
    assert message["Bcc"] is None
    html = next(part for part in message.walk() if part.get_content_type() == "text/html")
    text = html.get_payload(decode=True).decode()
    assert f"/orders/{order.id}" in text
    assert "Name: Ada Peeters" in text
    assert "Phone: +32 470 12 34 56" in text
    [sent] = await events_of("email-sent")
    assert sent.data["recipients"] == ["test-order@example.com", "ada@example.com"]
    assert sent.data["subject"] == "Order WEB-2026-001842 received"
    [warning] = await events_of("warning")
    assert warning.data["missingPlaceholders"] == ["customerInfo.fax"]


async def test_values_are_html_escaped_in_the_body(
    smtp_server: Inbox, make_context: ContextFactory, order: Order
) -> None:
    order.data = {"customerInfo": {"name": "<script>x</script>", "email": "ada@example.com"}}
    await order.save()
    context = await make_context("send-email", {**PAYLOAD, "body": "Hi {customerInfo.name}"})

    await HANDLER.run(context)

    html = next(part for part in smtp_server.messages()[0].walk() if part.get_content_type() == "text/html")
    assert "Hi &lt;script&gt;x&lt;/script&gt;" in html.get_payload(decode=True).decode()


async def test_the_step_list_message_alias_is_the_body(
    smtp_server: Inbox, make_context: ContextFactory
) -> None:
    payload = {"recipients": ["ops@example.com"], "subject": "Success subject", "message": "Success message"}
    outcome = await HANDLER.run(await make_context("send-email", payload))

    assert isinstance(outcome, Succeeded)
    assert "Success message" in smtp_server.envelopes[0].content.decode()  # type: ignore[union-attr]


async def test_without_smtp_the_mail_is_kept_in_the_outbox(
    no_smtp: None, make_context: ContextFactory, order: Order, events_of: Any
) -> None:
    outcome = await HANDLER.run(await make_context("send-email", PAYLOAD))

    assert isinstance(outcome, Succeeded) and outcome.response is not None
    assert outcome.response["via"] == "outbox"
    [kept] = await OutboxMail.filter(order_id=order.id)
    assert kept.recipients == ["test-order@example.com", "ada@example.com"]
    assert kept.subject == "Order WEB-2026-001842 received"
    assert "Ada Peeters" in kept.html
    [sent] = await events_of("email-sent")
    assert "outbox" in sent.message


async def test_an_smtp_server_that_is_down_is_a_recorded_failure(
    monkeypatch: Any, make_context: ContextFactory, events_of: Any
) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", free_port())
    monkeypatch.setattr(settings, "SMTP_TLS", "none")

    outcome = await HANDLER.run(await make_context("send-email", PAYLOAD))

    assert isinstance(outcome, Failed)
    assert "did not take the mail" in outcome.reason
    assert await events_of("email-sent") == []


async def test_a_wrong_password_is_a_recorded_failure(
    smtp_server: Inbox, monkeypatch: Any, make_context: ContextFactory
) -> None:
    monkeypatch.setattr(settings, "SMTP_PASSWORD", "wrong")
    monkeypatch.setattr(settings, "SMTP_TIMEOUT", 2.0)

    outcome = await HANDLER.run(await make_context("send-email", PAYLOAD))

    assert isinstance(outcome, Failed)
    assert "did not take the mail" in outcome.reason
    assert smtp_server.envelopes == []


async def test_no_recipient_left_fails(
    smtp_server: Inbox, make_context: ContextFactory, order: Order, events_of: Any
) -> None:
    order.data = {}
    await order.save()
    payload = {"recipients": ["{customerEmail}", "{channel}"], "subject": "s", "body": "b"}

    outcome = await HANDLER.run(await make_context("send-email", payload))

    assert isinstance(outcome, Failed)
    assert "No recipient" in outcome.reason
    assert smtp_server.envelopes == []
