"""The Strawberry ASGI app mounted at `/graphql` (HTTP and websockets)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UNSET, UnsetType

from graphql_schema.context import Context, make_context
from graphql_schema.schema import make_schema
from server import settings
from server.services.auth import actor_for_token


class FabflowGraphQL(GraphQL[Context, None]):
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
    return FabflowGraphQL(
        make_schema(development=development, debug=debug),
        graphql_ide="graphiql" if development else None,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        allowed_origins=settings.ALLOWED_ORIGINS,
    )
