"""Signed, expiring, single-use links of a task: e-mail confirmations and connector feedback.

A token carries the task run's id, signed with the secret key under a salt per purpose, so a
confirmation token is no feedback token. Using one records its SHA-256 in `UsedLink`; a second use
is refused. Asset links (`asset_token`) are signed the same way but may be used any number of times.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from tortoise.exceptions import IntegrityError

from server import settings
from server.models import UsedLink
from server.services.secrets import digest

CONFIRM = "confirm"
FEEDBACK = "feedback"
ASSET = "asset"


class LinkError(Exception):
    """A token that cannot be used; `reason` is "expired", "invalid" or "used"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class TaskLink:
    task_run_id: UUID
    token: str


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key(), salt=f"fabflow.{purpose}")


def make_token(purpose: str, subject: str) -> str:
    return _serializer(purpose).dumps(subject)


def read_token(purpose: str, token: str, max_age: int | None = None) -> str:
    """The subject a token was made for; raises `LinkError` when it is expired or not genuine."""
    age = settings.TASK_LINK_MAX_AGE if max_age is None else max_age
    try:
        subject = _serializer(purpose).loads(token, max_age=age)
    except SignatureExpired as exc:
        raise LinkError("expired", "This link has expired.") from exc
    except BadSignature as exc:
        raise LinkError("invalid", "This link is not valid: it was changed or was never issued.") from exc
    if not isinstance(subject, str):
        raise LinkError("invalid", "This link is not valid.")
    return subject


def task_token(purpose: str, task_run_id: UUID) -> str:
    return make_token(purpose, str(task_run_id))


def read_task_token(purpose: str, token: str) -> TaskLink:
    subject = read_token(purpose, token)
    try:
        return TaskLink(UUID(subject), token)
    except ValueError as exc:
        raise LinkError("invalid", "This link is not valid.") from exc


def task_url(purpose: str, task_run_id: UUID) -> str:
    """The absolute URL of a task's confirmation page or feedback endpoint."""
    base = settings.PUBLIC_URL.rstrip("/")
    path = "/confirm/" if purpose == CONFIRM else "/api/v1/feedback/"
    return base + path + task_token(purpose, task_run_id)


async def is_used(token: str) -> bool:
    return await UsedLink.exists(digest=digest(token))


async def claim(purpose: str, link: TaskLink, actor: str = "") -> None:
    """Mark a link used; raises `LinkError("used")` when it was used before (also by a racing request)."""
    try:
        await UsedLink.create(
            digest=digest(link.token), purpose=purpose, task_run_id=link.task_run_id, actor=actor
        )
    except IntegrityError as exc:
        raise LinkError("used", "This link has been used already.") from exc


async def release(link: TaskLink) -> None:
    """Undo a claim whose use did not go through, so the link can be tried again."""
    await UsedLink.filter(digest=digest(link.token)).delete()
