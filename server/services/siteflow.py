"""HP PrintOS Site Flow: each space's connection, the submissions of `siteflow-submit`, its postbacks.

The connection (base URL, API key, the secret sealed with the server's key, a default destination)
is set by admins; the secret is never shown again. Each connection has a static postback token:
Site Flow's account-wide triggers send it in their `Authorization` header to the space's fixed URL
`/api/v1/siteflow/spaces/<space key>`. A task's own URL `/api/v1/siteflow/tasks/<signed token>`
(the order's `postbackAddress`) needs no token: the signed link is the credential, and unlike a
confirmation link it takes any number of postbacks.

Postbacks are matched by `sourceOrderId`; each becomes a history entry of the order. The final ones
hand their outcome to the waiting task: Shipment Dispatched succeeds it, Cancelled and Errored fail it.
"""

from __future__ import annotations

import secrets as token_maker
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID, uuid4

from server import settings
from server.domain import siteflow
from server.domain.actors import SYSTEM, Actor
from server.models import SiteflowConnection, SiteflowSubmission, Space
from server.services import sealed_secrets, signed_links
from server.services.errors import Conflict, FieldError, NotFound, ServiceError, ValidationFailed
from server.services.flow_runs import resume_task
from server.services.orders import context as order_context
from server.services.permissions import require
from server.services.secrets import constant_time_equal

SITEFLOW_LINK = "siteflow"
TASK_PATH = "/api/v1/siteflow/tasks/"
SPACE_PATH = "/api/v1/siteflow/spaces/"
# Submissions in these states may still hear from Site Flow and resume their task.
OPEN_STATES = ("submitting", "retrying", "submitted")
FINAL_STATES = {
    siteflow.SHIPMENT_DISPATCHED: "shipped",
    siteflow.CANCELLED: "cancelled",
    siteflow.ERRORED: "errored",
}


class Unauthorized(ServiceError):
    """A postback at a space's URL without the space's token."""

    code = "unauthenticated"


# --- the connection -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    base_url: str
    api_key: str
    secret: str
    destination: str


@dataclass(frozen=True)
class ConnectionView:
    """What the integrations page and GraphQL show of a connection: never its secret."""

    space_key: str
    space_name: str
    configured: bool
    base_url: str
    api_key: str
    destination: str
    postback_url: str
    postback_token: str
    readable: bool  # False when the server's key changed since the secret was sealed
    updated_at: datetime | None
    updated_by: str


def space_postback_url(space_key: str) -> str:
    return settings.PUBLIC_URL.rstrip("/") + SPACE_PATH + space_key


def task_postback_url(task_run_id: UUID) -> str:
    return settings.PUBLIC_URL.rstrip("/") + TASK_PATH + signed_links.task_token(SITEFLOW_LINK, task_run_id)


def _view(space: Space, row: SiteflowConnection | None) -> ConnectionView:
    if row is None:
        return ConnectionView(space.key, space.name, False, "", "", "", "", "", True, None, "")
    try:
        token, readable = sealed_secrets.unseal(row.sealed_postback_token), True
        sealed_secrets.unseal(row.sealed_secret)
    except sealed_secrets.Unreadable:
        token, readable = "", False
    return ConnectionView(
        space.key,
        space.name,
        True,
        row.base_url,
        row.api_key,
        row.destination,
        space_postback_url(space.key),
        token,
        readable,
        row.updated_at,
        row.updated_by,
    )


async def _space(actor: Actor, operation: str, space_key: str) -> Space:
    require(actor, operation)
    missing = NotFound("No such space.", [FieldError("spaceKey", "names no space", "not_found")])
    space = await Space.get_or_none(key=space_key)
    if space is None:
        raise missing
    require(actor, operation, space, hidden=missing)
    return space


async def connection(actor: Actor, space_key: str) -> ConnectionView:
    space = await _space(actor, "siteflowConnection", space_key)
    return _view(space, await SiteflowConnection.get_or_none(space_id=space.id))


async def connections(actor: Actor, spaces: list[Space]) -> list[ConnectionView]:
    """The connection (or its absence) of each of `spaces`, in their order."""
    require(actor, "siteflowConnection")
    found = await SiteflowConnection.filter(space_id__in=[space.id for space in spaces])
    rows = {row.space_id: row for row in found}  # type: ignore[attr-defined]
    return [_view(space, rows.get(space.id)) for space in spaces]


def _checked_url(base_url: str) -> str:
    url = base_url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationFailed(
            "The base URL is not valid.",
            [FieldError("baseUrl", "must be an http(s) URL such as https://printos.api.hp.com/siteflow")],
        )
    if parts.query or parts.fragment:
        raise ValidationFailed("The base URL is not valid.", [FieldError("baseUrl", "must have no ? or #")])
    return url


async def set_connection(
    actor: Actor, space_key: str, base_url: str, api_key: str, secret: str, destination: str = ""
) -> ConnectionView:
    """Save a space's connection. An empty `secret` keeps the stored one (required the first time)."""
    space = await _space(actor, "setSiteflowConnection", space_key)
    url = _checked_url(base_url)
    problems = []
    if not api_key.strip():
        problems.append(FieldError("apiKey", "is required: the key of the Site Flow API credentials"))
    row = await SiteflowConnection.get_or_none(space_id=space.id)
    if row is None and not secret.strip():
        problems.append(FieldError("secret", "is required: the secret of the Site Flow API credentials"))
    if problems:
        raise ValidationFailed("The Site Flow connection is not complete.", problems)
    who = actor.event_actor
    if row is None:
        row = await SiteflowConnection.create(
            id=uuid4(),
            space=space,
            base_url=url,
            api_key=api_key.strip(),
            sealed_secret=sealed_secrets.seal(secret.strip()),
            destination=destination.strip(),
            sealed_postback_token=sealed_secrets.seal(token_maker.token_urlsafe(32)),
            updated_by=who,
        )
    else:
        row.base_url, row.api_key, row.destination, row.updated_by = (
            url,
            api_key.strip(),
            destination.strip(),
            who,
        )
        fields = ["base_url", "api_key", "destination", "updated_by", "updated_at"]
        if secret.strip():
            row.sealed_secret = sealed_secrets.seal(secret.strip())
            fields.append("sealed_secret")
        await row.save(update_fields=fields)
    return _view(space, row)


async def credentials(space_id: UUID) -> Credentials | None:
    """The space's connection with its secret unsealed; None without one. Raises `Unreadable`."""
    row = await SiteflowConnection.get_or_none(space_id=space_id)
    if row is None:
        return None
    return Credentials(row.base_url, row.api_key, sealed_secrets.unseal(row.sealed_secret), row.destination)


# --- submissions ----------------------------------------------------------------------------------


async def submission_of(task_run_id: UUID) -> SiteflowSubmission | None:
    return await SiteflowSubmission.get_or_none(task_run_id=task_run_id)


async def begin_submission(
    task_run_id: UUID, space_id: UUID, order_id: UUID, source_order_id: str
) -> SiteflowSubmission:
    """The task run's submission, made (and committed) before the order is POSTed."""
    found = await submission_of(task_run_id)
    if found is not None:
        return found
    return await SiteflowSubmission.create(
        id=uuid4(),
        task_run_id=task_run_id,
        space_id=space_id,
        order_id=order_id,
        source_order_id=source_order_id,
        state="submitting",
    )


async def set_state(submission: SiteflowSubmission, state: str, **values: Any) -> None:
    await SiteflowSubmission.filter(id=submission.id).update(state=state, **values)


async def request_cancel(task_run_id: UUID, moment: datetime) -> bool:
    """The run was cancelled: a submitted order is to be cancelled in Site Flow (rows only: the
    call itself is made after the commit, by the sweep). Whether there is one to cancel."""
    changed = await SiteflowSubmission.filter(
        task_run_id=task_run_id, state__in=OPEN_STATES, siteflow_order_id__isnull=False
    ).update(state="cancelling", next_cancel_at=moment)
    await SiteflowSubmission.filter(task_run_id=task_run_id, state__in=OPEN_STATES).update(state="cancelled")
    return bool(changed)


async def due_cancellations(moment: datetime, limit: int = 20) -> list[SiteflowSubmission]:
    return await SiteflowSubmission.filter(state="cancelling", next_cancel_at__lte=moment).limit(limit)


# --- postbacks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostbackAccepted:
    task_run_id: UUID
    source_order_id: str
    event: str
    handed_to_task: bool


def _problem(exc: siteflow.PostbackProblem) -> ValidationFailed:
    return ValidationFailed("The postback is not valid.", [FieldError(exc.field, exc.message)])


async def accept_task_postback(token: str, body: Any) -> PostbackAccepted:
    """A postback at a task's own signed URL. Raises `LinkError`, `ValidationFailed`, `NotFound`."""
    link = signed_links.read_task_token(SITEFLOW_LINK, token)
    try:
        postback = siteflow.read_postback(body, needs_source_order_id=False)
    except siteflow.PostbackProblem as exc:
        raise _problem(exc) from None
    submission = await submission_of(link.task_run_id)
    if submission is None:
        raise NotFound(
            "This task submitted nothing to Site Flow.",
            [FieldError("token", "names no submission", "not_found")],
        )
    if postback.source_order_id and postback.source_order_id != submission.source_order_id:
        message = f"is {submission.source_order_id!r} for this task, not {postback.source_order_id!r}"
        raise ValidationFailed("The postback is about another order.", [FieldError("sourceOrderId", message)])
    return await _accept(submission, postback)


async def accept_space_postback(space_key: str, authorization: str, body: Any) -> PostbackAccepted:
    """A postback of an account-wide trigger at the space's fixed URL, with the space's token.

    Raises `Unauthorized`, `ValidationFailed`, `NotFound`.
    """
    space = await Space.get_or_none(key=space_key)
    row = await SiteflowConnection.get_or_none(space_id=space.id) if space is not None else None
    given = authorization.strip()
    if given.lower().startswith("bearer "):
        given = given[7:].strip()
    if row is None or not given or not _token_matches(row, given):
        raise Unauthorized(
            "Send the space's Site Flow postback token in the Authorization header.",
            [
                FieldError(
                    "authorization", "is missing or is not this space's postback token", "unauthenticated"
                )
            ],
        )
    try:
        postback = siteflow.read_postback(body, needs_source_order_id=True)
    except siteflow.PostbackProblem as exc:
        raise _problem(exc) from None
    space_id = row.space_id  # type: ignore[attr-defined]
    submission = await SiteflowSubmission.get_or_none(
        space_id=space_id, source_order_id=postback.source_order_id
    )
    if submission is None:
        raise NotFound(
            "No order was submitted to Site Flow with this sourceOrderId.",
            [FieldError("sourceOrderId", "names no submission of this space", "not_found")],
        )
    return await _accept(submission, postback)


def _token_matches(row: SiteflowConnection, given: str) -> bool:
    try:
        return constant_time_equal(sealed_secrets.unseal(row.sealed_postback_token), given)
    except sealed_secrets.Unreadable:
        return False


async def _accept(submission: SiteflowSubmission, postback: siteflow.Postback) -> PostbackAccepted:
    """One history entry; the final events hand their outcome to the task if it still waits."""
    values: dict[str, Any] = {"last_event": postback.event}
    if postback.tracking_number:
        values["tracking_number"] = postback.tracking_number[:200]
    if postback.final:
        values["state"] = FINAL_STATES[postback.event]
    await SiteflowSubmission.filter(id=submission.id).update(**values)
    handed = False
    if postback.final:
        data = {
            "event": postback.event,
            "sourceOrderId": submission.source_order_id,
            "trackingNumber": postback.tracking_number,
            "message": postback.message,
        }
        try:
            await resume_task(submission.task_run_id, data, SYSTEM)
            handed = True
        except (Conflict, NotFound):
            handed = False  # the task ended or has its answer: the postback stays a history entry
    await _record(submission, postback, handed)
    return PostbackAccepted(submission.task_run_id, submission.source_order_id, postback.event, handed)


async def _record(submission: SiteflowSubmission, postback: siteflow.Postback, handed: bool) -> None:
    words = siteflow.EVENT_WORDS[postback.event]
    tracking = f" (tracking number {postback.tracking_number})" if postback.tracking_number else ""
    note = f": {postback.message}" if postback.message else ""
    late = "" if handed or not postback.final else " The task no longer waits for it."
    await order_context.record_event(
        submission.order_id,  # type: ignore[attr-defined]
        "siteflow.postback",
        f"Site Flow {words}{tracking}{note} (order {submission.source_order_id}).{late}",
        {
            "event": postback.event,
            "sourceOrderId": submission.source_order_id,
            "taskRunId": str(submission.task_run_id),
            "trackingNumber": postback.tracking_number,
            "body": postback.body,
        },
        actor="siteflow",
    )
