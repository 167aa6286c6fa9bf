"""Sending webhook deliveries: one attempt at a time, retried on the schedule, every attempt logged.

A worker calls `attempt` with a delivery id only, so a message delivered twice or late is harmless:
the delivery is claimed from `pending` with a conditional UPDATE. The body was fixed when the
delivery was made; `webhook-timestamp` and `webhook-signature` are made afresh for each attempt, and
`webhook-id` (the delivery id) stays the same on retries and resends.

Outcomes: 2xx succeeds; 410 gives up and disables the endpoint; other 4xx but 408 and 429 give up;
anything else (5xx, 408, 429, no answer) tries again on `settings.WEBHOOK_RETRY_SCHEDULE`, or after
the `Retry-After` of a 429 or 503, until the schedule is used up. An endpoint whose attempts all
failed for `WEBHOOK_DISABLE_AFTER` is disabled and the organization's admins get a mail.
With `ordered`, a delivery waits until the one before it (same endpoint, same order) has ended.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from html import escape
from uuid import UUID, uuid4

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import settings
from server.dispatch import dispatcher
from server.domain.statuses import Role
from server.models import Space, User, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from server.services import mail, outbound, webhook_events, webhook_outbox
from server.services.effects import Effects, now
from server.services.webhooks import (
    RefusedUrl,
    rotate_non_standard_secrets,
    signature_headers,
    signing_secrets,
    url_policy,
)

logger = logging.getLogger(__name__)

USER_AGENT = "Fabflow-Webhooks/1"
MAX_RETRY_AFTER = 24 * 3600.0
PENDING, SENDING, SUCCEEDED, FAILED = "pending", "sending", "succeeded", "failed"
ACTIVE = (PENDING, SENDING)


async def attempt(delivery_id: UUID) -> None:
    """Make the next attempt of a due delivery, if it is still due and nobody else makes it."""
    moment = now()
    claimed = await WebhookDelivery.filter(
        id=delivery_id, state=PENDING, next_attempt_at__lte=moment + timedelta(milliseconds=20)
    ).update(state=SENDING, lease_until=moment + timedelta(seconds=settings.WEBHOOK_LEASE))
    if not claimed:
        return
    delivery = await WebhookDelivery.get(id=delivery_id).select_related("endpoint")
    endpoint: WebhookEndpoint | None = delivery.endpoint
    if endpoint is not None and not endpoint.enabled:
        await _end(delivery, endpoint, FAILED, "The endpoint is disabled.")
        return
    if endpoint is not None and endpoint.ordered and await _wait_for_predecessor(delivery):
        return
    await _send(delivery, endpoint)


async def _wait_for_predecessor(delivery: WebhookDelivery) -> bool:
    """Hand the delivery back when an earlier one of its endpoint and order has not ended yet.

    The predecessor's end sends this one (`_send_successor`). It may end while this one is being
    handed back, and find nothing pending to send: so once handed back, look again, and send it now
    if the predecessor has ended meanwhile.
    """
    before = await _active_predecessor(delivery)
    if before is None:
        return False
    due = max(before.next_attempt_at or now(), now())
    await WebhookDelivery.filter(id=delivery.id, state=SENDING).update(
        state=PENDING, lease_until=None, next_attempt_at=due
    )
    if await _active_predecessor(delivery) is None:
        await WebhookDelivery.filter(id=delivery.id, state=PENDING).update(next_attempt_at=now())
        dispatcher().deliver_webhook(delivery.id, 0)
    return True


async def _active_predecessor(delivery: WebhookDelivery) -> WebhookDelivery | None:
    return (
        await WebhookDelivery.filter(
            endpoint_id=delivery.endpoint_id,  # type: ignore[attr-defined]
            order_id=delivery.order_id,  # type: ignore[attr-defined]
            sequence__lt=delivery.sequence,
            state__in=ACTIVE,
        )
        .order_by("sequence")
        .first()
    )


async def _send(delivery: WebhookDelivery, endpoint: WebhookEndpoint | None) -> None:
    body = delivery.body.encode()
    secrets = endpoint_secrets(endpoint) if endpoint is not None else await signing_secrets(delivery.space_id)  # type: ignore[attr-defined]
    headers = {
        **signature_headers(secrets, str(delivery.id), body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }
    started = now()
    try:
        result = await outbound.post(
            delivery.url, body, headers, policy=url_policy(), timeout=settings.WEBHOOK_TIMEOUT
        )
    except RefusedUrl as exc:
        result = outbound.CallResult(delivery.url, None, 0, "", f"Refused: {exc}")
    number = delivery.attempts + 1
    await WebhookAttempt.create(
        id=uuid4(),
        delivery_id=delivery.id,
        number=number,
        request_headers=headers,
        status_code=result.status_code,
        response_excerpt=result.excerpt,
        error=result.error,
        duration_ms=result.duration_ms,
        created_at=started,
    )
    delivery.attempts, delivery.tries = number, delivery.tries + 1
    delivery.last_status_code, delivery.last_error = result.status_code, result.error
    await _after(delivery, endpoint, result)


def endpoint_secrets(endpoint: WebhookEndpoint) -> list[str]:
    """The endpoint's current secret, and the previous one during the grace period after a rotation."""
    secrets = [endpoint.secret]
    rotated = endpoint.secret_rotated_at
    grace = timedelta(seconds=settings.SIGNING_SECRET_GRACE)
    if endpoint.previous_secret and rotated and now() - rotated < grace:
        secrets.append(endpoint.previous_secret)
    return secrets


async def _after(
    delivery: WebhookDelivery, endpoint: WebhookEndpoint | None, result: outbound.CallResult
) -> None:
    code = result.status_code
    if code is not None and 200 <= code < 300:
        await _end(delivery, endpoint, SUCCEEDED)
        if endpoint is not None and endpoint.failing_since is not None:
            await WebhookEndpoint.filter(id=endpoint.id).update(failing_since=None)
        return
    if endpoint is not None and code == 410:  # disabled first: once the delivery ended, it is
        await disable(endpoint, "The endpoint answered 410 Gone.")
        await _end(delivery, endpoint, FAILED)
        return
    if result.error.startswith("Refused: ") or (
        code is not None and 400 <= code < 500 and code not in (408, 429)
    ):
        await _end(delivery, endpoint, FAILED)
        await _note_failure(endpoint)
        return
    delay = next_delay(delivery.tries, code, result.retry_after)
    if delay is None:
        await _end(delivery, endpoint, FAILED)
    else:
        due = now() + timedelta(seconds=delay)
        await _save(delivery, state=PENDING, next_attempt_at=due)

        dispatcher().deliver_webhook(delivery.id, int(delay * 1000))
    await _note_failure(endpoint)


def next_delay(tries: int, code: int | None, retry_after: str) -> float | None:
    """Seconds until the next attempt after `tries` attempts, or None when the schedule is used up."""
    schedule = settings.WEBHOOK_RETRY_SCHEDULE
    if tries >= len(schedule):
        return None
    delay = schedule[tries] * random.uniform(0.9, 1.1)
    if code in (429, 503) and retry_after:
        asked = _retry_after_seconds(retry_after)
        if asked is not None:
            delay = min(asked, MAX_RETRY_AFTER)
    return delay


def _retry_after_seconds(value: str) -> float | None:
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - now()).total_seconds())
    except (TypeError, ValueError):
        return None


async def _save(delivery: WebhookDelivery, **changes: object) -> None:
    await WebhookDelivery.filter(id=delivery.id).update(
        attempts=delivery.attempts,
        tries=delivery.tries,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        lease_until=None,
        **changes,
    )


async def _end(
    delivery: WebhookDelivery, endpoint: WebhookEndpoint | None, state: str, error: str | None = None
) -> None:
    if error is not None:
        delivery.last_error = error
    await _save(delivery, state=state, ended_at=now(), next_attempt_at=None)
    if endpoint is not None and endpoint.ordered and delivery.order_id is not None:  # type: ignore[attr-defined]
        await _send_successor(delivery)


async def _send_successor(delivery: WebhookDelivery) -> None:
    """An ordered endpoint's next delivery of the same order may go now."""
    following = (
        await WebhookDelivery.filter(
            endpoint_id=delivery.endpoint_id,  # type: ignore[attr-defined]
            order_id=delivery.order_id,  # type: ignore[attr-defined]
            sequence__gt=delivery.sequence,
            state=PENDING,
        )
        .order_by("sequence")
        .first()
    )
    if following is not None:
        await WebhookDelivery.filter(id=following.id, state=PENDING).update(next_attempt_at=now())
        dispatcher().deliver_webhook(following.id, 0)


async def _note_failure(endpoint: WebhookEndpoint | None) -> None:
    if endpoint is None:
        return
    moment = now()
    if endpoint.failing_since is None:
        await WebhookEndpoint.filter(id=endpoint.id, failing_since__isnull=True).update(failing_since=moment)
        return
    if moment - endpoint.failing_since >= timedelta(seconds=settings.WEBHOOK_DISABLE_AFTER):
        await disable(endpoint, "Every attempt failed for too long.", tell_admins=True)


async def disable(endpoint: WebhookEndpoint, reason: str, tell_admins: bool = False) -> None:
    """Disable the endpoint (once), announce it, and forget the space's cached receivers everywhere.

    The `webhook_endpoint.disabled` event goes, in the same transaction, to the space's other
    endpoints that subscribed to it; with `tell_admins`, the organization's admins get a mail.
    """
    effects = Effects()
    async with in_transaction():
        changed = await WebhookEndpoint.filter(id=endpoint.id, enabled=True).update(
            enabled=False, disabled_reason=reason
        )
        if changed:
            await Space.filter(id=endpoint.space_id).update(webhooks_version=F("webhooks_version") + 1)  # type: ignore[attr-defined]
            space = await Space.get(id=endpoint.space_id)  # type: ignore[attr-defined]
            data = webhook_events.endpoint_disabled_data(endpoint, reason, now())
            await webhook_outbox.record(space, None, [("webhook_endpoint.disabled", data)], effects)
    if not changed:
        return
    await effects.carry_out()
    logger.warning("webhook endpoint %s (%s) disabled: %s", endpoint.id, endpoint.url, reason)
    if tell_admins:
        await _mail_admins(endpoint, reason)


async def _mail_admins(endpoint: WebhookEndpoint, reason: str) -> None:
    space = await Space.get(id=endpoint.space_id)  # type: ignore[attr-defined]
    admins = await User.filter(
        organization_id=space.organization_id,  # type: ignore[attr-defined]
        role=Role.ADMIN,
        is_active=True,
    ).values_list("email", flat=True)
    if not admins:
        return
    html = (
        f"<p>The webhook endpoint <b>{escape(endpoint.url)}</b> of space <b>{escape(space.key)}</b> "
        f"was disabled: {escape(reason)}</p><p>Enable it again once it answers; "
        "failed deliveries can be replayed.</p>"
    )
    message = mail.Mail(tuple(str(a) for a in admins), f"Webhook endpoint disabled ({space.key})", html)
    try:
        await mail.send(message)
    except mail.MailError:
        logger.exception("the mail about disabled webhook endpoint %s could not be sent", endpoint.id)


async def resend(delivery: WebhookDelivery) -> None:
    """Send an ended delivery again, with the same body and `webhook-id`, the schedule from its start."""
    await WebhookDelivery.filter(id=delivery.id, state__in=(SUCCEEDED, FAILED)).update(
        state=PENDING, tries=0, next_attempt_at=now(), ended_at=None
    )


# --------------------------------------------------------------------------------------------------
# The sweep's part


async def sweep(moment: datetime | None = None) -> tuple[list[UUID], int]:
    """Deliveries due but not picked up (their message was lost), lapsed claims; and the pruning.

    Returns the ids it handed to the dispatcher and how many old deliveries it deleted.
    """
    moment = moment or now()
    stale = moment - timedelta(seconds=settings.WEBHOOK_REDISPATCH_AFTER)
    await WebhookDelivery.filter(state=SENDING, lease_until__lte=moment).update(
        state=PENDING, lease_until=None
    )
    due = (
        await WebhookDelivery.filter(state=PENDING, next_attempt_at__lte=stale)
        .limit(500)
        .values_list("id", flat=True)
    )
    ids = [UUID(str(i)) for i in due]
    if ids:  # due from now: re-sent once per WEBHOOK_REDISPATCH_AFTER, not at every sweep of a backlog
        await WebhookDelivery.filter(id__in=ids, state=PENDING).update(next_attempt_at=moment)
    for delivery_id in ids:
        dispatcher().deliver_webhook(delivery_id, 0)
    cutoff = moment - timedelta(days=settings.WEBHOOK_RETENTION_DAYS)
    pruned = await WebhookDelivery.filter(created_at__lt=cutoff).delete()
    await rotate_non_standard_secrets()
    return ids, pruned
