"""The Webhooks pages: a space's endpoints, and one endpoint's delivery log with resend and replay.

Admins manage (create, enable or disable, rotate the secret, delete, send a test, resend, replay);
operators of the organization read. Forms post normally (boosted by htmx) and the page comes back
with what changed, or with the problem next to the form. A new or rotated secret is shown on the
answer to that request, once, never put in a URL, and the answer is not cached. A replay's progress
is a fragment that asks again every second while the job runs.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.models import WebhookDelivery, WebhookEndpoint
from server.services import auth, webhook_endpoints, webhook_events, webhook_replays
from server.services.errors import FieldError, NotFound, ServiceError, ValidationFailed
from web.guard import actor_of, page
from web.templating import render

PAGE_SIZE = 25
REPLAY_DEFAULT = timedelta(hours=24)


def _id(text: str, what: str) -> UUID:
    try:
        return UUID(text)
    except ValueError as exc:
        raise NotFound(f"No such {what}.") from exc


def _text(form: FormData, name: str, limit: int = 2000) -> str:
    value = form.get(name, "")
    return value.strip()[:limit] if isinstance(value, str) else ""


def _events(form: FormData) -> list[str]:
    chosen = [value for value in form.getlist("events") if isinstance(value, str)]
    return ["*"] if "*" in chosen else chosen


def _catalogue() -> list[webhook_events.EventType]:
    return [e for e in webhook_events.CATALOGUE if e.name in webhook_events.NAMES]


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


# --- a space's endpoints ------------------------------------------------------------------------


@page("webhookEndpoints")
async def spaces_index(request: Request) -> Response:
    spaces = await auth.visible_spaces(actor_of(request))
    return render(request, "webhooks/index.html", {"spaces": spaces})


async def _space_page(request: Request, space_key: str, status: int = 200, **context: Any) -> Response:
    actor = actor_of(request)
    space = await auth.space_by_key(actor, space_key)
    endpoints = await webhook_endpoints.list_endpoints(actor, space_key)
    ids = [e.id for e in endpoints]
    return render(
        request,
        "webhooks/space.html",
        {
            "space": space,
            "spaces": await auth.visible_spaces(actor),
            "endpoints": endpoints,
            "rates": await webhook_endpoints.failure_rates(ids),
            "can_manage": webhook_endpoints.may_manage(actor, space),
            "catalogue": _catalogue(),
            **context,
        },
        status_code=status,
    )


@page("webhookEndpoints")
async def space_webhooks(request: Request) -> Response:
    return await _space_page(request, request.path_params["space_key"])


@page("createWebhookEndpoint")
async def endpoint_create(request: Request) -> Response:
    form, space_key = await request.form(), request.path_params["space_key"]
    try:
        endpoint = await webhook_endpoints.create_endpoint(
            actor_of(request),
            space_key,
            _text(form, "url"),
            _events(form),
            _text(form, "description"),
            ordered=form.get("ordered") == "1",
        )
    except ServiceError as exc:
        return await _space_page(request, space_key, 400, error=exc, draft=form)
    return _no_store(await _space_page(request, space_key, secret_of=endpoint, new_secret=endpoint.secret))


async def _endpoint_of(request: Request) -> WebhookEndpoint:
    return await webhook_endpoints.endpoint(
        actor_of(request), _id(request.path_params["endpoint_id"], "endpoint")
    )


@page("updateWebhookEndpoint")
async def endpoint_enable(request: Request) -> Response:
    endpoint = await _endpoint_of(request)
    enabled = (await request.form()).get("enabled") == "1"
    try:
        await webhook_endpoints.update_endpoint(actor_of(request), endpoint.id, enabled=enabled)
    except ServiceError as exc:
        return await _space_page(request, endpoint.space.key, 400, error=exc)
    notice = f"{endpoint.url} is {'enabled' if enabled else 'disabled'}."
    return await _space_page(request, endpoint.space.key, notice=notice)


@page("updateWebhookEndpoint")
async def endpoint_settings(request: Request) -> Response:
    """Change an endpoint's URL, description, events and ordering; a refused change keeps the draft."""
    endpoint, form = await _endpoint_of(request), await request.form()
    try:
        await webhook_endpoints.update_endpoint(
            actor_of(request),
            endpoint.id,
            url=_text(form, "url"),
            events=_events(form),
            description=_text(form, "description"),
            ordered=form.get("ordered") == "1",
        )
    except ServiceError as exc:
        return await _endpoint_page(request, endpoint, 400, error=exc, draft=form)
    return await _endpoint_page(request, await _endpoint_of(request), notice="The settings are saved.")


@page("rotateWebhookSecret")
async def endpoint_rotate(request: Request) -> Response:
    endpoint = await _endpoint_of(request)
    try:
        rotated = await webhook_endpoints.rotate_secret(actor_of(request), endpoint.id)
    except ServiceError as exc:
        return await _space_page(request, endpoint.space.key, 400, error=exc)
    return _no_store(
        await _space_page(
            request, endpoint.space.key, secret_of=rotated, new_secret=rotated.secret, rotated=True
        )
    )


@page("deleteWebhookEndpoint")
async def endpoint_delete(request: Request) -> Response:
    endpoint = await _endpoint_of(request)
    try:
        await webhook_endpoints.delete_endpoint(actor_of(request), endpoint.id)
    except ServiceError as exc:
        return await _space_page(request, endpoint.space.key, 400, error=exc)
    return await _space_page(request, endpoint.space.key, notice=f"{endpoint.url} is deleted.")


@page("sendTestWebhook")
async def endpoint_test(request: Request) -> Response:
    endpoint = await _endpoint_of(request)
    from_log = (await request.form()).get("back") == "log"
    try:
        await webhook_endpoints.send_test(actor_of(request), endpoint.id)
    except ServiceError as exc:
        if from_log:
            return await _endpoint_page(request, endpoint, 400, error=exc)
        return await _space_page(request, endpoint.space.key, 400, error=exc)
    if from_log:
        return await _endpoint_page(
            request, endpoint, notice="A test event is on its way; it is listed below."
        )
    return await _space_page(request, endpoint.space.key, tested=endpoint)


# --- one endpoint's delivery log ------------------------------------------------------------------


def _page_number(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        return 1


async def _endpoint_page(
    request: Request, endpoint: WebhookEndpoint, status: int = 200, **context: Any
) -> Response:
    actor = actor_of(request)
    number = _page_number(request)
    deliveries, total = await webhook_endpoints.deliveries(
        actor, endpoint.id, (number - 1) * PAGE_SIZE, PAGE_SIZE
    )
    attempts = await webhook_endpoints.attempts_of([d.id for d in deliveries])
    replay = context.pop("replay", None) or (await webhook_endpoints.latest_replays([endpoint.id])).get(
        endpoint.id
    )
    since = datetime.now(UTC) - REPLAY_DEFAULT
    return render(
        request,
        "webhooks/endpoint.html",
        {
            "endpoint": endpoint,
            "space": endpoint.space,
            "deliveries": deliveries,
            "attempts": attempts,
            "total": total,
            "number": number,
            "pages": max(1, -(-total // PAGE_SIZE)),
            "rate": (await webhook_endpoints.failure_rates([endpoint.id]))[endpoint.id],
            "can_manage": webhook_endpoints.may_manage(actor, endpoint.space),
            "replay": replay,
            "progress": webhook_replays.progress(replay) if replay else None,
            "since_default": since.strftime("%Y-%m-%dT%H:%M"),
            "catalogue": _catalogue(),
            **context,
        },
        status_code=status,
    )


@page("webhookEndpoints")
async def endpoint_log(request: Request) -> Response:
    return await _endpoint_page(request, await _endpoint_of(request))


@page("resendWebhookDelivery")
async def delivery_resend(request: Request) -> Response:
    actor = actor_of(request)
    delivery_id = _id(request.path_params["delivery_id"], "delivery")
    found = await WebhookDelivery.get_or_none(id=delivery_id).only("id", "endpoint_id")
    if found is None or found.endpoint_id is None:  # type: ignore[attr-defined]
        raise NotFound("No such delivery.")
    endpoint = await webhook_endpoints.endpoint(actor, found.endpoint_id)  # type: ignore[attr-defined]
    try:
        await webhook_endpoints.resend_delivery(actor, delivery_id)
    except ServiceError as exc:
        return await _endpoint_page(request, endpoint, 400, error=exc)
    return await _endpoint_page(
        request, endpoint, notice="The delivery is sent again, with the same webhook-id."
    )


def _since(form: FormData) -> datetime:
    text = _text(form, "since", 40)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValidationFailed("Nothing to replay.", [FieldError("since", "is not a date and time")]) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@page("replayWebhookDeliveries")
async def endpoint_replay(request: Request) -> Response:
    endpoint = await _endpoint_of(request)
    try:
        job = await webhook_endpoints.replay_failed(
            actor_of(request), endpoint.id, _since(await request.form())
        )
    except ServiceError as exc:
        return await _endpoint_page(request, endpoint, 400, error=exc)
    return await _endpoint_page(request, endpoint, replay=job)


@page("webhookReplay")
async def replay_status(request: Request) -> Response:
    job = await webhook_endpoints.replay(actor_of(request), _id(request.path_params["replay_id"], "replay"))
    return render(
        request, "webhooks/_replay.html", {"replay": job, "progress": webhook_replays.progress(job)}
    )


routes: list[BaseRoute] = [
    Route("/webhooks", spaces_index, methods=["GET"]),
    Route("/spaces/{space_key}/webhooks", space_webhooks, methods=["GET"]),
    Route("/spaces/{space_key}/webhooks", endpoint_create, methods=["POST"]),
    Route("/webhooks/{endpoint_id}", endpoint_log, methods=["GET"]),
    Route("/webhooks/{endpoint_id}/enabled", endpoint_enable, methods=["POST"]),
    Route("/webhooks/{endpoint_id}/settings", endpoint_settings, methods=["POST"]),
    Route("/webhooks/{endpoint_id}/rotate", endpoint_rotate, methods=["POST"]),
    Route("/webhooks/{endpoint_id}/delete", endpoint_delete, methods=["POST"]),
    Route("/webhooks/{endpoint_id}/test", endpoint_test, methods=["POST"]),
    Route("/webhooks/{endpoint_id}/replays", endpoint_replay, methods=["POST"]),
    Route("/webhook-deliveries/{delivery_id}/resend", delivery_resend, methods=["POST"]),
    Route("/webhook-replays/{replay_id}", replay_status, methods=["GET"]),
]
