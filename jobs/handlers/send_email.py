"""`send-email`: an HTML e-mail whose recipients, subject and body may hold {placeholders}."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from jobs.handlers.base import (
    EMAIL_LIST,
    STRING,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Succeeded,
    TaskContext,
)
from server.domain.variables import render, render_all
from server.services import mail
from server.services.orders import context as order_context

RECIPIENTS = Field("recipients", EMAIL_LIST, True, ("recipient",), "the e-mail addresses to write to.")
CC = Field("cc", EMAIL_LIST, description="addresses to copy.")
BCC = Field("bcc", EMAIL_LIST, description="addresses to copy blind.")
SUBJECT = Field("subject", STRING, True, description="the subject line; {placeholders} are filled in.")
SPEC = HandlerSpec(
    "send-email",
    "Sends an HTML e-mail.",
    (
        RECIPIENTS,
        SUBJECT,
        Field("body", STRING, True, ("message",), "the HTML body; {placeholders} are filled in."),
        CC,
        BCC,
    ),
)

ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+$")


@dataclass(frozen=True)
class Composed:
    mail: mail.Mail
    missing: tuple[str, ...]  # placeholders that resolved to nothing
    dropped: tuple[str, ...]  # recipients that were not an address once filled in


def compose(payload: dict[str, Any], variables: dict[str, Any], context: TaskContext) -> Composed:
    """The mail a normalized payload describes, with its placeholders filled in."""
    subject = render(str(payload["subject"]), variables)
    body = render(str(payload["body"]), variables, html_body=True)
    to, to_missing, to_dropped = _addresses(payload.get("recipients"), variables)
    cc, cc_missing, cc_dropped = _addresses(payload.get("cc"), variables)
    bcc, bcc_missing, bcc_dropped = _addresses(payload.get("bcc"), variables)
    message = mail.Mail(
        recipients=to,
        subject=" ".join(subject.text.split()),
        html=body.text,
        cc=cc,
        bcc=bcc,
        headers={"X-Fabflow-Order": str(context.order_id), "X-Fabflow-Task-Run": str(context.task_run_id)},
    )
    missing = (*to_missing, *cc_missing, *bcc_missing, *subject.missing, *body.missing)
    return Composed(message, tuple(dict.fromkeys(missing)), (*to_dropped, *cc_dropped, *bcc_dropped))


def _addresses(
    templates: list[str] | None, variables: dict[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    texts, missing = render_all(templates or [], variables)
    kept = [text.strip() for text in texts if ADDRESS.match(text.strip())]
    dropped = [text for text in texts if text.strip() and not ADDRESS.match(text.strip())]
    return tuple(dict.fromkeys(kept)), missing, tuple(dropped)


async def deliver(composed: Composed, context: TaskContext) -> HandlerResult:
    """Send a composed mail, leave the history entries, and say how the task ends."""
    await order_context.warn_missing(context.order_id, context.task_key, composed.missing)
    if composed.dropped:
        await _warn_dropped(context, composed.dropped)
    if not composed.mail.recipients:
        return Failed(
            "No recipient is left once the placeholders are filled in.", {"dropped": composed.dropped}
        )
    try:
        delivery = await mail.send(composed.mail, order_id=context.order_id, task_run_id=context.task_run_id)
    except mail.MaybeSent as exc:
        # Not sent again: the recipient may have it already. An operator's retry sends it anew.
        await order_context.record_event(
            context.order_id,
            "email-uncertain",
            f"Task {context.task_key}: {exc}",
            {"task": context.task_key, "messageId": exc.message_id},
        )
        return Failed(str(exc), {"recipients": list(composed.mail.recipients), "messageId": exc.message_id})
    except mail.MailError as exc:
        return Failed(str(exc), {"recipients": list(composed.mail.recipients)})
    summary = _summary(composed.mail, delivery)
    await _record_sent(context.order_id, context.task_key, summary)
    return Succeeded(summary)


def _summary(message: mail.Mail, delivery: mail.Delivery) -> dict[str, Any]:
    return {
        "recipients": list(message.recipients),
        "cc": list(message.cc),
        "bccCount": len(message.bcc),
        "subject": message.subject,
        "via": delivery.via,
        "messageId": delivery.message_id,
    }


async def _record_sent(order_id: UUID, task_key: str, summary: dict[str, Any]) -> None:
    where = "kept in the outbox" if summary["via"] == "outbox" else "sent"
    to = ", ".join(summary["recipients"])
    await order_context.record_event(
        order_id,
        "email-sent",
        f"E-mail “{summary['subject']}” {where} to {to}.",
        {**summary, "task": task_key},
    )


async def _warn_dropped(context: TaskContext, dropped: tuple[str, ...]) -> None:
    listed = ", ".join(repr(text) for text in dropped)
    await order_context.record_event(
        context.order_id,
        "warning",
        f"Task {context.task_key}: {listed} is not an e-mail address; it was left out.",
        {"task": context.task_key, "notAddresses": list(dropped)},
    )


class SendEmail:
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        variables = await order_context.variables_of(context.order_id)
        return await deliver(compose(payload, variables, context), context)

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        return Failed("send-email does not wait; there is nothing to resume.")


HANDLER = SendEmail()
