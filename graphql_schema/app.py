"""The Strawberry ASGI app mounted at `/graphql` (HTTP and websockets)."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from functools import lru_cache
from typing import Any

import orjson
import strawberry.http.async_base_view as _async_view
import strawberry.schema.name_converter as _name_converter
from starlette import status
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.exceptions import NonTextMessageReceived, WebSocketDisconnected
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from graphql_schema.context import Context, make_context
from graphql_schema.fanout import SharingTransportWSHandler, SubscriptionGroups
from graphql_schema.schema import make_schema
from server import settings
from server.json_input import JsonLimits, JsonRefused, body_limits, read_json, websocket_limits
from server.outage import DatabaseUnavailable, is_outage, quiet_outage_logs
from server.services.auth import actor_for_token
from server.websocket import FRAME_WRITER, FrameWriter

# Strawberry parses every request's Content-Type with `email.message` (a few % of a small query's
# time); the header takes few distinct values, so the parse is kept for each (bounded).
_async_view.parse_content_type = lru_cache(maxsize=64)(_async_view.parse_content_type)


class _StreamCheck(type):
    def __instancecheck__(cls, instance: object) -> bool:
        kind = type(instance)
        return hasattr(kind, "__aiter__") and hasattr(kind, "__anext__")


class StreamOfResults(metaclass=_StreamCheck):
    """What Strawberry's `SubscriptionExecutionResult` protocol matches: an async iterator."""


# Strawberry asks of every answer whether it is a subscription's stream, an `isinstance` of a runtime
# Protocol (a few % of a small query's time in `inspect.getattr_static`); the same question, asked
# of the answer's class.
_async_view.SubscriptionExecutionResult = StreamOfResults  # type: ignore[misc,assignment]

# Strawberry turns each input field's Python name into its GraphQL name on every conversion of
# an argument (a tenth of a filtered list's time): the names are few and the function is pure.
_name_converter.to_camel_case = lru_cache(maxsize=4096)(_name_converter.to_camel_case)

# Close codes of a refused websocket message: 1009 is the websocket's "message too big";
# graphql-transport-ws closes with 4400 for a message it cannot accept.
WS_TOO_LARGE = 1009
WS_INVALID_MESSAGE = 4400
MAX_CLOSE_REASON_BYTES = 123  # what fits in a close frame


class LimitedWebSocketAdapter(ASGIWebSocketAdapter):
    """Reads each message through the shared JSON reader with the websocket limits.

    A message over a limit closes the connection with a reason naming the limit: 1009 when it is
    too large, 4400 when it nests too deeply or is not JSON.
    """

    async def iter_json(self, *, ignore_parsing_errors: bool = False) -> AsyncGenerator[object, None]:
        limits = websocket_limits()
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                text = await self.ws.receive_text()
                try:
                    message = read_json(text, limits)
                except JsonRefused as refusal:
                    if ignore_parsing_errors and refusal.code == "invalid_json":
                        continue
                    code = WS_TOO_LARGE if refusal.code == "too_large" else WS_INVALID_MESSAGE
                    await self.ws.close(code, close_reason(refusal.message))
                    return
                yield message
        except KeyError as exc:  # a binary frame: Strawberry closes with 4400 for it
            raise NonTextMessageReceived from exc
        except WebSocketDisconnect:
            pass

    def frame_writer(self) -> FrameWriter | None:
        """The server's way to write a whole frame at once, when it has one (`server.websocket`)."""
        writer = self.ws.scope.get("extensions", {}).get(FRAME_WRITER)
        return writer if callable(writer) else None

    async def send_text(self, text: str) -> None:
        """Sends a frame already encoded (a shared subscription's payload with this frame's id)."""
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


def close_reason(message: str) -> str:
    """`message` cut to what a close frame holds (123 bytes of UTF-8)."""
    encoded = message.encode("utf-8")
    if len(encoded) <= MAX_CLOSE_REASON_BYTES:
        return message
    return encoded[: MAX_CLOSE_REASON_BYTES - 3].decode("utf-8", "ignore") + "..."


class FabflowGraphQL(GraphQL[Context, None]):
    websocket_adapter_class = LimitedWebSocketAdapter  # type: ignore[assignment]
    graphql_transport_ws_handler_class = SharingTransportWSHandler

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subscription_groups = SubscriptionGroups()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A body (or `variables` parameter) over a limit is a JSON answer naming it, never a 500."""
        try:
            await super().__call__(scope, receive, send)
        except JsonRefused as refusal:
            if scope["type"] != "http":
                raise
            extensions = {"code": refusal.code, "limit": refusal.limit}
            answer = {"errors": [{"message": refusal.message, "extensions": extensions}]}
            await JSONResponse(answer, refusal.status)(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        """HTTP bodies and query parameters, with the body limits; text that is not JSON: Strawberry's 400."""
        return _decode(data, body_limits())

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """A resolver that met a database outage makes the whole answer a 503 (see `server.outage`)."""
        if any(is_outage(error.original_error) for error in result.errors or ()):
            raise DatabaseUnavailable("a resolver could not reach the database")
        return await super().process_result(request, result)

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        """Strawberry's answer, encoded by `encode_answer` (websocket frames keep `encode_json`)."""
        response = Response(encode_answer(response_data), status.HTTP_200_OK, media_type="application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        return response

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        return await make_context(request, response)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Subscriptions authenticate in `connection_init`: `{"Authorization": "Bearer <key>"}`.

        A connection whose upgrade request carried a session or a bearer token is already known.
        """
        if context.actor is None:
            params = context.connection_params if isinstance(context.connection_params, dict) else {}
            raw = str(params.get("Authorization") or params.get("authorization") or "")
            token = raw.removeprefix("Bearer ").strip()
            context.actor = await actor_for_token(token) if token else None
        if context.actor is None:
            raise ConnectionRejectionError(
                {"message": "Send a valid key as `Authorization` in connection_init."}
            )
        return UNSET


def make_graphql_app(*, development: bool | None = None, debug: bool | None = None) -> GraphQL[Any, Any]:
    """GraphiQL and introspection in development only; subscriptions over `graphql-transport-ws` only."""
    development = settings.is_development() if development is None else development
    quiet_outage_logs()  # the 503 says it; no traceback per resolver
    return FabflowGraphQL(
        make_schema(development=development, debug=debug),
        graphql_ide="graphiql" if development else None,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        allowed_origins=settings.ALLOWED_ORIGINS,
    )


def encode_answer(data: object) -> bytes:
    """Compact JSON as UTF-8, with orjson (a large tree encodes several times faster than with `json`).

    The same JSON values as `json.dumps(data, separators=(",", ":"))`; non-ASCII text comes as UTF-8
    rather than `\\u` escapes. What orjson refuses (an integer beyond 64 bits in a JSON value) goes
    through `json`.
    """
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        return json.dumps(data, separators=(",", ":")).encode()


def _decode(data: str | bytes, limits: JsonLimits) -> object:
    try:
        return read_json(data, limits)
    except JsonRefused as refusal:
        if refusal.code == "invalid_json":
            raise json.JSONDecodeError(refusal.message, "", 0) from refusal
        raise
