"""REST routes under /api/v1, for connectors and clients of the older API.

`POST /api/v1/orders` takes the create-order JSON (bare or as `{"order": …}`) with a bearer key and
answers 201 (new order), 200 (the same order again), 400 (field errors, JSON nested too deeply), 401,
403 (the web session's cookie without proof that this site sent the request), 404, 409, 413 (too
large), 415. Errors always come as `{"errors": [{field, message, code}]}`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from server.domain.statuses import OrderStatus
from server.http_auth import bearer_token, connection_credentials
from server.models import Order
from server.services.errors import (
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    ServiceError,
    Unauthenticated,
    ValidationFailed,
)
from server.services.orders.context import order_url
from server.services.orders.intake import create_order
from web.guard import performs
from web.json_body import JsonRefused, json_body, refused_response

ERROR_STATUS: dict[type[ServiceError], int] = {
    ValidationFailed: 400,
    Unauthenticated: 401,
    PermissionDenied: 403,
    NotFound: 404,
    Conflict: 409,
}
NO_KEY = "This needs a key: send it as 'Authorization: Bearer ffk_…'."
BAD_KEY = "The key is unknown or revoked."
NOT_JSON_TYPE = "Send the order as JSON, with 'Content-Type: application/json'."


@performs("createOrder")
async def post_order(request: Request) -> JSONResponse:
    credentials = await connection_credentials(request)
    if credentials.session_refusal:
        return error_response(403, [FieldError("", credentials.session_refusal, "cross_site")])
    actor = credentials.actor
    if actor is None:
        message = BAD_KEY if bearer_token(request.headers.get("authorization")) else NO_KEY
        return error_response(
            401, [FieldError("", message, "unauthenticated")], {"WWW-Authenticate": "Bearer"}
        )
    if not is_json_media_type(request.headers.get("content-type")):
        return error_response(415, [FieldError("", NOT_JSON_TYPE, "unsupported_media_type")])
    try:
        body = await json_body(request)
    except JsonRefused as refusal:
        return refused_response(refusal)
    try:
        result = await create_order(actor, body)
    except ServiceError as exc:
        return error_response(ERROR_STATUS.get(type(exc), 400), exc.errors)
    order = order_summary(result.order)
    status = 201 if result.created else 200
    return JSONResponse({"order": order, "created": result.created}, status, {"Location": order["url"]})


def order_summary(order: Order) -> dict[str, str]:
    return {
        "id": str(order.id),
        "name": order.name,
        "status": OrderStatus(order.status).value,
        "url": order_url(order.id),
    }


def is_json_media_type(content_type: str | None) -> bool:
    """`application/json` or a `+json` type, with any parameters (`; charset=utf-8`)."""
    media_type = (content_type or "").partition(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def error_response(
    status: int, errors: list[FieldError], headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"errors": [error.as_dict() for error in errors]}, status, headers)


routes: list[BaseRoute] = [
    Route("/orders", post_order, methods=["POST"]),
]
