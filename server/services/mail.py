"""Sending e-mail: over SMTP when it is configured, else into the outbox that the web UI shows.

SMTP runs in a worker thread (`smtplib`), with a timeout, so a server that is down or slow ends in a
`MailError` the caller records, never in a task that hangs.

A task's mail is sent at most once: a `SentMail` row with its Message-ID is committed before the
SMTP server is called and marked sent after. A second run of the same task run (a message delivered
again after a worker died) finds the row: sent, it sends nothing and reports the first delivery;
still "sending", it sends nothing and raises `MaybeSent`, since the mail may or may not have left.
"""

from __future__ import annotations

import asyncio
import html
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from uuid import UUID

from tortoise.exceptions import IntegrityError

from server import settings
from server.models import OutboxMail, SentMail

SECURITY_MODES = ("starttls", "tls", "none")


class MailError(Exception):
    """The mail could not be handed to the SMTP server; the message says why."""


class MaybeSent(MailError):
    """An earlier run of the task began sending this mail and stopped before it was confirmed."""

    def __init__(self, message_id: str) -> None:
        super().__init__(
            f"The mail {message_id} may not have been sent: an earlier attempt was stopped while "
            "handing it to the SMTP server. It is not sent again by itself; retry the task to send it anew."
        )
        self.message_id = message_id


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    user: str = ""
    password: str = ""
    security: str = "starttls"  # one of SECURITY_MODES
    timeout: float = 15.0


@dataclass(frozen=True)
class Mail:
    recipients: tuple[str, ...]
    subject: str
    html: str
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Delivery:
    via: str  # "smtp" or "outbox"
    message_id: str
    sender: str


def smtp_settings() -> SmtpSettings | None:
    """The SMTP server of the settings, or None when mails go to the outbox."""
    if not settings.SMTP_HOST:
        return None
    security = settings.SMTP_TLS.strip().lower()
    if security not in SECURITY_MODES:
        raise MailError(f"FABFLOW_SMTP_TLS must be one of {', '.join(SECURITY_MODES)}, not {security!r}.")
    return SmtpSettings(
        host=settings.SMTP_HOST,
        port=settings.SMTP_PORT,
        sender=settings.SMTP_FROM,
        user=settings.SMTP_USER,
        password=settings.SMTP_PASSWORD,
        security=security,
        timeout=settings.SMTP_TIMEOUT,
    )


async def send(mail: Mail, *, order_id: UUID | None = None, task_run_id: UUID | None = None) -> Delivery:
    """Send `mail` (or keep it in the outbox); raises `MailError` when the SMTP server refuses or is away."""
    if not mail.recipients:
        raise MailError("The mail has no recipient.")
    config = smtp_settings()
    if config is None:
        return await _keep(mail, order_id, task_run_id)
    message = build_message(mail, config.sender)
    message_id = str(message["Message-ID"])
    if task_run_id is not None:
        earlier = await _begin_sending(task_run_id, order_id, message_id)
        if earlier is not None:
            return Delivery("smtp", earlier, config.sender)
    try:
        await asyncio.to_thread(_deliver, config, message, _envelope(mail))
    except MailError:
        if task_run_id is not None:  # refused: nothing left, so a later run may try again
            await SentMail.filter(task_run_id=task_run_id, state="sending").delete()
        raise
    if task_run_id is not None:
        await mark_sent(task_run_id)
    return Delivery("smtp", message_id, config.sender)


async def _begin_sending(task_run_id: UUID, order_id: UUID | None, message_id: str) -> str | None:
    """Record (committed) that the task run's mail is being sent; the Message-ID of an earlier, sent one.

    Raises `MaybeSent` when an earlier run began and never confirmed.
    """
    try:
        await SentMail.create(
            task_run_id=task_run_id, order_id=order_id, message_id=message_id, state="sending"
        )
        return None
    except IntegrityError:
        earlier = await SentMail.get(task_run_id=task_run_id)
    if earlier.state == "sent":
        return earlier.message_id
    raise MaybeSent(earlier.message_id)


async def mark_sent(task_run_id: UUID) -> None:
    await SentMail.filter(task_run_id=task_run_id).update(state="sent", sent_at=datetime.now(UTC))


async def _keep(mail: Mail, order_id: UUID | None, task_run_id: UUID | None) -> Delivery:
    if task_run_id is not None:  # kept already by an earlier run of the task run: one copy
        kept = await OutboxMail.filter(task_run_id=task_run_id).first()
        if kept is not None:
            return Delivery("outbox", f"<outbox-{kept.id}@fabflow>", kept.sender)
    row = await OutboxMail.create(
        order_id=order_id,
        task_run_id=task_run_id,
        sender=settings.SMTP_FROM,
        recipients=list(mail.recipients),
        cc=list(mail.cc),
        bcc=list(mail.bcc),
        subject=mail.subject[:1000],
        html=mail.html,
    )
    return Delivery("outbox", f"<outbox-{row.id}@fabflow>", settings.SMTP_FROM)


async def outbox(limit: int = 100, order_id: UUID | None = None) -> list[OutboxMail]:
    """The newest kept mails, for the outbox page."""
    query = OutboxMail.all() if order_id is None else OutboxMail.filter(order_id=order_id)
    return await query.order_by("-created_at").limit(limit)


def build_message(mail: Mail, sender: str) -> EmailMessage:
    """A multipart message: a plain-text rendering of the body and the HTML itself (Bcc stays off it)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(mail.recipients)
    if mail.cc:
        message["Cc"] = ", ".join(mail.cc)
    message["Subject"] = mail.subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    for name, value in mail.headers.items():
        message[name] = value
    message.set_content(html_to_text(mail.html))
    message.add_alternative(mail.html, subtype="html")
    return message


_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h\d|/tr)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def html_to_text(body: str) -> str:
    """A readable plain-text version of an HTML body: line breaks kept, tags dropped."""
    text = _TAGS.sub("", _BREAKS.sub("\n", body))
    return html.unescape(text).strip() + "\n"


def _envelope(mail: Mail) -> list[str]:
    return list(dict.fromkeys([*mail.recipients, *mail.cc, *mail.bcc]))


def _deliver(config: SmtpSettings, message: EmailMessage, recipients: list[str]) -> None:
    try:
        with _connect(config) as smtp:
            if config.user:
                smtp.login(config.user, config.password)
            refused = smtp.send_message(message, from_addr=config.sender, to_addrs=recipients)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(
            f"The SMTP server {config.host}:{config.port} did not take the mail: {_say(exc)}"
        ) from exc
    if refused:
        raise MailError(f"The SMTP server refused some recipients: {', '.join(sorted(refused))}")


def _connect(config: SmtpSettings) -> smtplib.SMTP:
    if config.security == "tls":
        context = ssl.create_default_context()
        return smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout, context=context)
    smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
    if config.security == "starttls":
        try:
            smtp.starttls(context=ssl.create_default_context())
        except BaseException:
            smtp.close()
            raise
    return smtp


def _say(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        detail = (
            exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        )
        return f"{exc.smtp_code} {detail}"
    return str(exc) or type(exc).__name__
