"""Webhook endpoints of a space: create, change, delete, rotate the secret, test; their deliveries.

Admins of the organization and the space's own secret keys manage endpoints; operators of the
organization read them and their deliveries (`_may_manage`, `_may_read`). Every change bumps the
space's `webhooks_version` in the same transaction, so every process re-reads its receivers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

from tortoise.expressions import F
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from server.domain.actors import Actor
from server.models import Order, Space, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookReplay
from server.services import permissions, webhook_events, webhook_replays, webhook_sending
from server.services.auth import space_by_key
from server.services.effects import Effects, now
from server.services.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from server.services.webhooks import (
    RefusedUrl,
    UnresolvedHost,
    check_url,
    new_signing_secret,
    url_policy,
)

RATE_WINDOW = timedelta(hours=24)


def _may_read(actor: Actor, space: Space) -> bool:
    return permissions.allows(actor, "webhookEndpoints") and permissions.in_reach(actor, space)


def _may_manage(actor: Actor, space: Space) -> bool:
    return permissions.allows(actor, "createWebhookEndpoint") and permissions.in_reach(actor, space)


def _refuse_unless_manager(actor: Actor, space: Space) -> None:
    if not _may_manage(actor, space):
        raise PermissionDenied("Webhook endpoints are managed by admins and the space's own keys.")


async def _endpoint(actor: Actor, endpoint_id: UUID, manage: bool) -> WebhookEndpoint:
    endpoint = await WebhookEndpoint.get_or_none(id=endpoint_id).select_related("space")
    if endpoint is None or not _may_read(actor, endpoint.space):
        raise NotFound(
            "No such webhook endpoint.", [FieldError("id", "names no webhook endpoint", "not_found")]
        )
    if manage:
        _refuse_unless_manager(actor, endpoint.space)
    return endpoint


async def endpoint(actor: Actor, endpoint_id: UUID) -> WebhookEndpoint:
    """One endpoint the caller may read (with its space)."""
    return await _endpoint(actor, endpoint_id, manage=False)


def may_manage(actor: Actor, space: Space) -> bool:
    """Whether the caller may change the space's endpoints (pages show the buttons only then)."""
    return _may_manage(actor, space)


async def _checked_url(url: str) -> str:
    url = url.strip()
    try:
        await check_url(url, url_policy())
    except (RefusedUrl, UnresolvedHost) as exc:
        raise ValidationFailed("The URL may not be called.", [FieldError("url", str(exc))]) from exc
    if not url.lower().startswith("https://") and not url_policy().lists_host(_host(url)):
        raise ValidationFailed("The URL may not be called.", [FieldError("url", "must be https")])
    return url


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


def _checked_events(events: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(name.strip() for name in events if name.strip()))
    if not cleaned:
        raise ValidationFailed("No events.", [FieldError("events", "name at least one event, or *")])
    unknown = webhook_events.unknown_names(cleaned)
    if unknown:
        raise ValidationFailed(
            "Unknown event types.", [FieldError("events", f"unknown event type: {', '.join(unknown)}")]
        )
    return cleaned


async def _bump(space_id: UUID) -> None:
    await Space.filter(id=space_id).update(webhooks_version=F("webhooks_version") + 1)


async def create_endpoint(
    actor: Actor, space_key: str, url: str, events: list[str], description: str = "", ordered: bool = False
) -> WebhookEndpoint:
    """A new endpoint; its `secret` is shown to the caller this once."""
    permissions.require(actor, "createWebhookEndpoint")
    space = await space_by_key(actor, space_key)
    _refuse_unless_manager(actor, space)
    checked_events = _checked_events(events)
    checked_url = await _checked_url(url)
    async with in_transaction():
        endpoint = await WebhookEndpoint.create(
            id=uuid4(),
            space=space,
            url=checked_url,
            events=checked_events,
            description=description.strip(),
            ordered=ordered,
            secret=new_signing_secret(),
            created_by=actor.event_actor,
        )
        await _bump(space.id)
    return endpoint


async def update_endpoint(
    actor: Actor,
    endpoint_id: UUID,
    *,
    url: str | None = None,
    events: list[str] | None = None,
    enabled: bool | None = None,
    description: str | None = None,
    ordered: bool | None = None,
) -> WebhookEndpoint:
    permissions.require(actor, "updateWebhookEndpoint")
    endpoint = await _endpoint(actor, endpoint_id, manage=True)
    if url is not None:
        endpoint.url = await _checked_url(url)
    if events is not None:
        endpoint.events = _checked_events(events)
    if description is not None:
        endpoint.description = description.strip()
    if ordered is not None:
        endpoint.ordered = ordered
    if enabled is not None:
        endpoint.enabled = enabled
        if enabled:
            endpoint.disabled_reason, endpoint.failing_since = "", None
    async with in_transaction():
        await endpoint.save()
        await _bump(endpoint.space_id)  # type: ignore[attr-defined]
    return endpoint


async def delete_endpoint(actor: Actor, endpoint_id: UUID) -> WebhookEndpoint:
    permissions.require(actor, "deleteWebhookEndpoint")
    endpoint = await _endpoint(actor, endpoint_id, manage=True)
    async with in_transaction():
        await WebhookEndpoint.filter(id=endpoint.id).delete()
        await _bump(endpoint.space_id)  # type: ignore[attr-defined]
    return endpoint


async def rotate_secret(actor: Actor, endpoint_id: UUID) -> WebhookEndpoint:
    """A new secret; the old one keeps signing as a second signature for the grace period."""
    permissions.require(actor, "rotateWebhookSecret")
    endpoint = await _endpoint(actor, endpoint_id, manage=True)
    endpoint.previous_secret, endpoint.secret = endpoint.secret, new_signing_secret()
    endpoint.secret_rotated_at = datetime.now(UTC)
    await endpoint.save(update_fields=["previous_secret", "secret", "secret_rotated_at", "updated_at"])
    return endpoint


async def send_test(actor: Actor, endpoint_id: UUID) -> WebhookDelivery:
    """A `webhook.test` delivery to this endpoint only, sent and logged like any other."""
    permissions.require(actor, "sendTestWebhook")
    endpoint = await _endpoint(actor, endpoint_id, manage=True)
    moment, effects = now(), Effects()
    delivery_id = uuid4()
    data = {"endpoint": {"id": str(endpoint.id), "url": endpoint.url}, "at": moment.isoformat()}
    body = webhook_events.envelope("webhook.test", str(delivery_id), moment, endpoint.space.key, 0, data)
    delivery = await WebhookDelivery.create(
        id=delivery_id,
        space_id=endpoint.space_id,  # type: ignore[attr-defined]
        endpoint_id=endpoint.id,
        url=endpoint.url,
        event_type="webhook.test",
        body=body,
        next_attempt_at=moment,
        created_at=moment,
    )
    effects.deliveries.append(delivery.id)
    await effects.carry_out()
    return delivery


async def list_endpoints(actor: Actor, space_key: str) -> list[WebhookEndpoint]:
    space = await space_by_key(actor, space_key)
    if not _may_read(actor, space):
        raise PermissionDenied("You may not read this space's webhooks.")
    return await WebhookEndpoint.filter(space_id=space.id).select_related("space").order_by("created_at")


async def deliveries(
    actor: Actor, endpoint_id: UUID, offset: int, limit: int
) -> tuple[list[WebhookDelivery], int]:
    """A page of the endpoint's deliveries, newest first, and how many there are."""
    endpoint = await _endpoint(actor, endpoint_id, manage=False)
    query = WebhookDelivery.filter(endpoint_id=endpoint.id)
    rows = await query.order_by("-created_at", "-sequence").offset(offset).limit(limit)
    return list(rows), await query.count()


async def order_deliveries(
    actor: Actor, order_id: UUID, offset: int, limit: int
) -> tuple[list[WebhookDelivery], int]:
    """A page of the deliveries about one order (to its `updateUrl` and the endpoints), newest first."""
    permissions.require(actor, "webhookDeliveries")
    order = await Order.get_or_none(id=order_id).select_related("space")
    if order is None:
        return [], 0
    permissions.require(actor, "webhookDeliveries", order.space, hidden=NotFound("No such order."))
    query = WebhookDelivery.filter(order_id=order.id)
    rows = await query.order_by("-created_at", "-sequence").offset(offset).limit(limit)
    return list(rows), await query.count()


async def attempts_of(delivery_ids: list[UUID]) -> dict[UUID, list[WebhookAttempt]]:
    found: dict[UUID, list[WebhookAttempt]] = {i: [] for i in delivery_ids}
    for row in await WebhookAttempt.filter(delivery_id__in=delivery_ids).order_by("number"):
        found[row.delivery_id].append(row)  # type: ignore[attr-defined]
    return found


async def resend_delivery(actor: Actor, delivery_id: UUID) -> WebhookDelivery:
    """Send an ended delivery again: the same body and `webhook-id`, the retry schedule from its start."""
    permissions.require(actor, "resendWebhookDelivery")
    delivery = await WebhookDelivery.get_or_none(id=delivery_id).select_related("space", "endpoint")
    if delivery is None or not _may_read(actor, delivery.space):
        raise NotFound("No such delivery.", [FieldError("id", "names no delivery", "not_found")])
    _refuse_unless_manager(actor, delivery.space)
    if delivery.endpoint is not None and not delivery.endpoint.enabled:
        raise Conflict(
            "The endpoint is disabled.",
            [FieldError("id", "its endpoint is disabled: enable it first", "conflict")],
        )
    if not await webhook_replays.reopen([delivery.id]):
        raise Conflict(
            "The delivery is still being sent.",
            [FieldError("id", f"is {delivery.state}: it can be sent again once it ended", "conflict")],
        )
    await Effects(deliveries=[delivery.id]).carry_out()
    return await WebhookDelivery.get(id=delivery.id)


async def replay_failed(actor: Actor, endpoint_id: UUID, since: datetime) -> WebhookReplay:
    """A background job that resends every failed delivery of the endpoint made since `since`."""
    permissions.require(actor, "replayWebhookDeliveries")
    endpoint = await _endpoint(actor, endpoint_id, manage=True)
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    if since > now():
        raise ValidationFailed("Nothing to replay.", [FieldError("since", "lies in the future")])
    if not endpoint.enabled:
        raise Conflict(
            "The endpoint is disabled.",
            [FieldError("endpointId", "is disabled: enable it before replaying", "conflict")],
        )
    if await webhook_replays.running_job(endpoint.id) is not None:
        raise Conflict(
            "A replay of this endpoint is under way.",
            [FieldError("endpointId", "has a replay under way: wait for it to end", "conflict")],
        )
    return await webhook_replays.start(endpoint, since, actor.event_actor)


async def replay(actor: Actor, replay_id: UUID) -> WebhookReplay:
    """A replay job, for its progress."""
    permissions.require(actor, "webhookReplay")
    job = await WebhookReplay.get_or_none(id=replay_id).select_related("space")
    if job is None or not _may_read(actor, job.space):
        raise NotFound("No such replay.", [FieldError("id", "names no replay", "not_found")])
    return job


async def latest_replays(endpoint_ids: list[UUID]) -> dict[UUID, WebhookReplay]:
    """The newest replay job of each endpoint that had one."""
    found: dict[UUID, WebhookReplay] = {}
    for job in await WebhookReplay.filter(endpoint_id__in=endpoint_ids).order_by("-created_at"):
        found.setdefault(job.endpoint_id, job)  # type: ignore[attr-defined]
    return found


@dataclass(frozen=True)
class FailureRate:
    """The endpoint's deliveries made in the last 24 hours, by how they ended so far."""

    succeeded: int
    failed: int
    under_way: int

    @property
    def rate(self) -> float | None:
        """Failed / ended; None while none ended."""
        ended = self.succeeded + self.failed
        return self.failed / ended if ended else None


async def failure_rates(endpoint_ids: list[UUID]) -> dict[UUID, FailureRate]:
    """Per endpoint, in one grouped statement over the last `RATE_WINDOW` of deliveries."""
    counts: dict[UUID, dict[str, int]] = {i: {} for i in endpoint_ids}
    if endpoint_ids:
        rows = (
            await WebhookDelivery.filter(endpoint_id__in=endpoint_ids, created_at__gte=now() - RATE_WINDOW)
            .annotate(count=Count("id"))
            .group_by("endpoint_id", "state")
            .values("endpoint_id", "state", "count")
        )
        for row in rows:
            counts[UUID(str(row["endpoint_id"]))][row["state"]] = int(row["count"])
    return {
        endpoint_id: FailureRate(
            succeeded=by_state.get(webhook_sending.SUCCEEDED, 0),
            failed=by_state.get(webhook_sending.FAILED, 0),
            under_way=sum(by_state.get(state, 0) for state in webhook_sending.ACTIVE),
        )
        for endpoint_id, by_state in counts.items()
    }
