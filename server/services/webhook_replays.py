"""Replays: every failed delivery of one endpoint made since a moment, sent again by a background job.

`start` writes the job row (how many deliveries it will resend, counted then) and hands its id to
the dispatcher; the `replay_webhooks` actor calls `run`, which claims the job with a lease and
resends the deliveries in batches of `BATCH`, oldest first. Each batch reopens its deliveries
(same body, same `webhook-id`) and moves the job's cursor and count in one transaction, so a job
taken up again after a stop (the sweep re-dispatches a running job whose lease lapsed) resends
nothing twice. Only deliveries made before the job count, so it ends.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server import settings
from server.dispatch import dispatcher
from server.models import WebhookDelivery, WebhookEndpoint, WebhookReplay
from server.services.effects import now

logger = logging.getLogger(__name__)

BATCH = 200
LEASE = timedelta(seconds=60)
RUNNING, DONE, FAILED = "running", "done", "failed"
ENDED = ("succeeded", "failed")  # the delivery states `reopen` takes back to pending


@dataclass(frozen=True)
class Progress:
    """What the UI shows of a job."""

    state: str
    total: int
    resent: int

    @property
    def percent(self) -> int:
        if self.state != RUNNING or self.total == 0:
            return 100
        return min(99, self.resent * 100 // self.total)


def progress(job: WebhookReplay) -> Progress:
    return Progress(job.state, job.total, job.resent)


def _failed_since(endpoint_id: UUID, since: datetime, until: datetime) -> QuerySet[WebhookDelivery]:
    return WebhookDelivery.filter(
        endpoint_id=endpoint_id, state="failed", created_at__gte=since, created_at__lte=until
    )


async def reopen(delivery_ids: list[UUID]) -> int:
    """Take ended deliveries back to pending, due now, their schedule from the start; how many."""
    if not delivery_ids:
        return 0
    return await WebhookDelivery.filter(id__in=delivery_ids, state__in=ENDED).update(
        state="pending", tries=0, next_attempt_at=now(), ended_at=None
    )


async def running_job(endpoint_id: UUID) -> WebhookReplay | None:
    return await WebhookReplay.filter(endpoint_id=endpoint_id, state=RUNNING).first()


async def start(endpoint: WebhookEndpoint, since: datetime, created_by: str) -> WebhookReplay:
    """A job for the endpoint's failed deliveries made since `since`; sent to a worker at once."""
    moment = now()
    total = await _failed_since(endpoint.id, since, moment).count()
    job = await WebhookReplay.create(
        id=uuid4(),
        space_id=endpoint.space_id,  # type: ignore[attr-defined]
        endpoint_id=endpoint.id,
        since=since,
        state=RUNNING if total else DONE,
        total=total,
        created_by=created_by,
        created_at=moment,
        ended_at=None if total else moment,
    )
    if total:
        dispatcher().replay_webhooks(job.id)
    return job


async def run(job_id: UUID) -> None:
    """The actor's work: claim the job, resend batch after batch, end it. A duplicate message is a no-op."""
    moment = now()
    claimed = (
        await WebhookReplay.filter(id=job_id, state=RUNNING)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lte=moment))
        .update(lease_until=moment + LEASE)
    )
    if not claimed:
        return
    job = await WebhookReplay.get_or_none(id=job_id)
    try:
        while job is not None and await _next_batch(job):
            pass
    except Exception as exc:
        logger.exception("webhook replay %s stopped", job_id)
        await WebhookReplay.filter(id=job_id, state=RUNNING).update(
            state=FAILED, error=f"{type(exc).__name__}: {exc}"[:500], ended_at=now(), lease_until=None
        )


async def _next_batch(job: WebhookReplay) -> bool:
    """Resend the next batch after the job's cursor; False once nothing is left (the job is done)."""
    query = _failed_since(job.endpoint_id, job.since, job.created_at)  # type: ignore[attr-defined]
    if job.cursor_at is not None:
        query = query.filter(
            Q(created_at__gt=job.cursor_at) | Q(created_at=job.cursor_at, id__gt=job.cursor_id)
        )
    rows = await query.order_by("created_at", "id").limit(BATCH).values_list("id", "created_at")
    if not rows:
        await WebhookReplay.filter(id=job.id, state=RUNNING).update(
            state=DONE, ended_at=now(), lease_until=None
        )
        return False
    ids = [UUID(str(row[0])) for row in rows]
    last_at, last_id = rows[-1][1], ids[-1]
    async with in_transaction():
        reopened = await reopen(ids)
        moved = await WebhookReplay.filter(id=job.id, state=RUNNING).update(
            resent=F("resent") + reopened, cursor_at=last_at, cursor_id=last_id, lease_until=now() + LEASE
        )
    if not moved:  # the job was deleted with its endpoint
        return False
    for delivery_id in ids:
        dispatcher().deliver_webhook(delivery_id, 0)
    job.cursor_at, job.cursor_id = last_at, last_id
    return True


async def sweep(moment: datetime | None = None) -> list[UUID]:
    """Running jobs nobody holds (their message was lost, their worker stopped): sent again."""
    moment = moment or now()
    stale = moment - timedelta(seconds=settings.WEBHOOK_REDISPATCH_AFTER)
    lapsed = (
        await WebhookReplay.filter(state=RUNNING)
        .filter(Q(lease_until__lte=moment) | Q(lease_until__isnull=True, created_at__lte=stale))
        .values_list("id", flat=True)
    )
    ids = [UUID(str(i)) for i in lapsed]
    for job_id in ids:
        dispatcher().replay_webhooks(job_id)
    return ids
