"""The Strawberry ASGI app mounted at `/graphql` (HTTP and websockets)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from graphql_schema.context import Context, make_context
from graphql_schema.schema import make_schema
from server import settings
from server.outage import DatabaseUnavailable, is_outage, quiet_outage_logs
from server.services.auth import actor_for_token


class FabflowGraphQL(GraphQL[Context, None]):
    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """A resolver that met a database outage makes the whole answer a 503 (see `server.outage`)."""
        if any(is_outage(error.original_error) for error in result.errors or ()):
            raise DatabaseUnavailable("a resolver could not reach the database")
        return await super().process_result(request, result)

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
