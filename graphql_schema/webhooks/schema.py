"""Webhooks for integrators: endpoints of a space, their deliveries and attempts (DESIGN §9)."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import Info
from strawberry.scalars import JSON

from graphql_schema.errors import UserError, public_error, user_errors
from graphql_schema.pagination import Connection, Edge, PageInfo
from graphql_schema.permissions import Permitted
from server.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookReplay
from server.services import webhook_endpoints, webhook_events, webhook_replays
from server.services.errors import FieldError, ServiceError, ValidationFailed


def _uuid(value: strawberry.ID, field: str) -> UUID:
    try:
        return UUID(str(value))
    except ValueError as exc:
        raise ValidationFailed(f"{field} is not an id.", [FieldError(field, "is not an id")]) from exc


def _cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.b64decode(cursor).decode().split(":", 1)[1]) + 1
    except (ValueError, IndexError) as exc:
        raise ValidationFailed("Bad cursor.", [FieldError("after", "is not a cursor")]) from exc


@strawberry.type
class WebhookEventType:
    name: str
    description: str


@strawberry.type
class WebhookAttemptType:
    number: int
    request_headers: JSON
    request_body: str = strawberry.field(description="The delivery's body: the same on every attempt.")
    status_code: int | None
    response_excerpt: str = strawberry.field(description="The first KiB of the answer.")
    error: str
    duration_ms: int
    at: datetime

    @classmethod
    def of(cls, row: WebhookAttempt, body: str) -> WebhookAttemptType:
        return cls(
            number=row.number,
            request_headers=row.request_headers,  # type: ignore[arg-type]
            request_body=body,
            status_code=row.status_code,
            response_excerpt=row.response_excerpt,
            error=row.error,
            duration_ms=row.duration_ms,
            at=row.created_at,
        )


@strawberry.type
class WebhookDeliveryType:
    id: strawberry.ID = strawberry.field(description="Also the `webhook-id` header of every attempt.")
    event_type: str
    url: str
    sequence: int
    state: str = strawberry.field(description="pending, sending, succeeded or failed.")
    attempt_count: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str
    created_at: datetime
    ended_at: datetime | None
    payload: JSON
    row: strawberry.Private[WebhookDelivery]

    @classmethod
    def of(cls, row: WebhookDelivery) -> WebhookDeliveryType:
        return cls(
            id=strawberry.ID(str(row.id)),
            event_type=row.event_type,
            url=row.url,
            sequence=row.sequence,
            state=row.state,
            attempt_count=row.attempts,
            next_attempt_at=row.next_attempt_at,
            last_status_code=row.last_status_code,
            last_error=row.last_error,
            created_at=row.created_at,
            ended_at=row.ended_at,
            payload=json.loads(row.body),
            row=row,
        )

    @strawberry.field
    async def attempts(self) -> list[WebhookAttemptType]:
        found = await webhook_endpoints.attempts_of([self.row.id])
        return [WebhookAttemptType.of(a, self.row.body) for a in found[self.row.id]]


@strawberry.type(description="The endpoint's deliveries made in the last 24 hours, by how they ended.")
class WebhookEndpointHealth:
    succeeded: int
    failed: int
    under_way: int = strawberry.field(description="Pending or being sent (retries included).")
    failure_rate: float | None = strawberry.field(
        description="failed / (succeeded + failed); null while none ended."
    )


@strawberry.type(name="WebhookReplay")
class WebhookReplayType:
    id: strawberry.ID
    endpoint_id: strawberry.ID
    since: datetime
    state: str = strawberry.field(description="running, done or failed.")
    total: int = strawberry.field(description="Failed deliveries found when the replay was asked for.")
    resent: int
    percent: int
    error: str
    created_by: str
    created_at: datetime
    ended_at: datetime | None

    @classmethod
    def of(cls, row: WebhookReplay) -> WebhookReplayType:
        return cls(
            id=strawberry.ID(str(row.id)),
            endpoint_id=strawberry.ID(str(row.endpoint_id)),  # type: ignore[attr-defined]
            since=row.since,
            state=row.state,
            total=row.total,
            resent=row.resent,
            percent=webhook_replays.progress(row).percent,
            error=row.error,
            created_by=row.created_by,
            created_at=row.created_at,
            ended_at=row.ended_at,
        )


@strawberry.type
class WebhookEndpointType:
    id: strawberry.ID
    space_key: str
    url: str
    events: list[str]
    description: str
    enabled: bool
    ordered: bool
    disabled_reason: str
    failing_since: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: WebhookEndpoint) -> WebhookEndpointType:
        return cls(
            id=strawberry.ID(str(row.id)),
            space_key=row.space.key,
            url=row.url,
            events=list(row.events),
            description=row.description,
            enabled=row.enabled,
            ordered=row.ordered,
            disabled_reason=row.disabled_reason,
            failing_since=row.failing_since,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    @strawberry.field(description="Its deliveries of the last 24 hours: how many succeeded and failed.")
    async def health(self) -> WebhookEndpointHealth:
        endpoint_id = UUID(self.id)
        rate = (await webhook_endpoints.failure_rates([endpoint_id]))[endpoint_id]
        return WebhookEndpointHealth(
            succeeded=rate.succeeded, failed=rate.failed, under_way=rate.under_way, failure_rate=rate.rate
        )

    @strawberry.field(description="Newest first.")
    async def deliveries(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Connection[WebhookDeliveryType]:
        offset, size = _offset(after), max(0, min(first, 100))
        try:
            rows, total = await webhook_endpoints.deliveries(info.context.actor, UUID(self.id), offset, size)
        except ServiceError as exc:
            raise public_error(exc) from exc
        return delivery_page(rows, total, offset)


def delivery_page(rows: list[WebhookDelivery], total: int, offset: int) -> Connection[WebhookDeliveryType]:
    edges = [Edge(node=WebhookDeliveryType.of(r), cursor=_cursor(offset + i)) for i, r in enumerate(rows)]
    return Connection(
        edges=edges,  # type: ignore[arg-type]
        total_count_is_exact=True,
        page_info=PageInfo(
            has_next_page=offset + len(rows) < total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


async def order_delivery_page(
    info: Info, order_id: UUID, first: int, after: str | None
) -> Connection[WebhookDeliveryType]:
    """`Order.webhookDeliveries`: what was sent about the order, newest first."""
    offset, size = _offset(after), max(0, min(first, 100))
    try:
        rows, total = await webhook_endpoints.order_deliveries(info.context.actor, order_id, offset, size)
    except ServiceError as exc:
        raise public_error(exc) from exc
    return delivery_page(rows, total, offset)


@strawberry.type
class WebhookEndpointPayload:
    endpoint: WebhookEndpointType | None
    errors: list[UserError]


@strawberry.type
class CreateWebhookEndpointPayload:
    endpoint: WebhookEndpointType | None
    secret: str | None = strawberry.field(description="The endpoint's whsec_ secret, shown here once.")
    errors: list[UserError]


@strawberry.type
class WebhookDeliveryPayload:
    delivery: WebhookDeliveryType | None
    errors: list[UserError]


@strawberry.type
class ReplayWebhookDeliveriesPayload:
    replay: WebhookReplayType | None = strawberry.field(
        description="The background job; read its progress with `webhookReplay(id)`."
    )
    errors: list[UserError]


@strawberry.type
class WebhookQueries:
    @strawberry.field(permission_classes=[Permitted])
    async def webhook_endpoints(self, info: Info, space_key: str) -> list[WebhookEndpointType]:
        try:
            rows = await webhook_endpoints.list_endpoints(info.context.actor, space_key)
        except ServiceError as exc:
            raise public_error(exc) from exc
        return [WebhookEndpointType.of(row) for row in rows]

    @strawberry.field(permission_classes=[Permitted], description="A replay job, for its progress.")
    async def webhook_replay(self, info: Info, id: strawberry.ID) -> WebhookReplayType | None:
        try:
            row = await webhook_endpoints.replay(info.context.actor, _uuid(id, "id"))
        except ServiceError as exc:
            if exc.code == "not_found":
                return None
            raise public_error(exc) from exc
        return WebhookReplayType.of(row)

    @strawberry.field(
        description="The events an endpoint may subscribe to ('*' means all).", permission_classes=[Permitted]
    )
    def webhook_event_types(self) -> list[WebhookEventType]:
        return [
            WebhookEventType(name=e.name, description=e.description)
            for e in webhook_events.CATALOGUE
            if e.name in webhook_events.NAMES
        ]


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(permission_classes=[Permitted])
    async def create_webhook_endpoint(
        self,
        info: Info,
        space_key: str,
        url: str,
        events: list[str],
        description: str = "",
        ordered: bool = False,
    ) -> CreateWebhookEndpointPayload:
        try:
            row = await webhook_endpoints.create_endpoint(
                info.context.actor, space_key, url, events, description, ordered
            )
        except ServiceError as exc:
            return CreateWebhookEndpointPayload(endpoint=None, secret=None, errors=user_errors(exc))
        return CreateWebhookEndpointPayload(
            endpoint=WebhookEndpointType.of(row), secret=row.secret, errors=[]
        )

    @strawberry.mutation(permission_classes=[Permitted])
    async def update_webhook_endpoint(
        self,
        info: Info,
        id: strawberry.ID,
        url: str | None = None,
        events: list[str] | None = None,
        enabled: bool | None = None,
        description: str | None = None,
        ordered: bool | None = None,
    ) -> WebhookEndpointPayload:
        try:
            row = await webhook_endpoints.update_endpoint(
                info.context.actor,
                _uuid(id, "id"),
                url=url,
                events=events,
                enabled=enabled,
                description=description,
                ordered=ordered,
            )
        except ServiceError as exc:
            return WebhookEndpointPayload(endpoint=None, errors=user_errors(exc))
        return WebhookEndpointPayload(endpoint=WebhookEndpointType.of(row), errors=[])

    @strawberry.mutation(permission_classes=[Permitted])
    async def delete_webhook_endpoint(self, info: Info, id: strawberry.ID) -> WebhookEndpointPayload:
        try:
            row = await webhook_endpoints.delete_endpoint(info.context.actor, _uuid(id, "id"))
        except ServiceError as exc:
            return WebhookEndpointPayload(endpoint=None, errors=user_errors(exc))
        return WebhookEndpointPayload(endpoint=WebhookEndpointType.of(row), errors=[])

    @strawberry.mutation(permission_classes=[Permitted])
    async def rotate_webhook_secret(self, info: Info, id: strawberry.ID) -> CreateWebhookEndpointPayload:
        try:
            row = await webhook_endpoints.rotate_secret(info.context.actor, _uuid(id, "id"))
        except ServiceError as exc:
            return CreateWebhookEndpointPayload(endpoint=None, secret=None, errors=user_errors(exc))
        return CreateWebhookEndpointPayload(
            endpoint=WebhookEndpointType.of(row), secret=row.secret, errors=[]
        )

    @strawberry.mutation(permission_classes=[Permitted])
    async def send_test_webhook(self, info: Info, id: strawberry.ID) -> WebhookDeliveryPayload:
        try:
            row = await webhook_endpoints.send_test(info.context.actor, _uuid(id, "id"))
        except ServiceError as exc:
            return WebhookDeliveryPayload(delivery=None, errors=user_errors(exc))
        return WebhookDeliveryPayload(delivery=WebhookDeliveryType.of(row), errors=[])

    @strawberry.mutation(permission_classes=[Permitted])
    async def resend_webhook_delivery(self, info: Info, id: strawberry.ID) -> WebhookDeliveryPayload:
        try:
            row = await webhook_endpoints.resend_delivery(info.context.actor, _uuid(id, "id"))
        except ServiceError as exc:
            return WebhookDeliveryPayload(delivery=None, errors=user_errors(exc))
        return WebhookDeliveryPayload(delivery=WebhookDeliveryType.of(row), errors=[])

    @strawberry.mutation(permission_classes=[Permitted])
    async def replay_webhook_deliveries(
        self, info: Info, endpoint_id: strawberry.ID, since: datetime
    ) -> ReplayWebhookDeliveriesPayload:
        try:
            job = await webhook_endpoints.replay_failed(
                info.context.actor, _uuid(endpoint_id, "endpointId"), since
            )
        except ServiceError as exc:
            return ReplayWebhookDeliveriesPayload(replay=None, errors=user_errors(exc))
        return ReplayWebhookDeliveriesPayload(replay=WebhookReplayType.of(job), errors=[])
