"""The Strawberry ASGI app mounted at `/graphql` (HTTP and websockets)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from graphql_schema.context import Context, make_context
from graphql_schema.schema import make_schema
from server import settings


class FabflowGraphQL(GraphQL[Context, None]):
    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        return await make_context(request, response)


def make_graphql_app(*, development: bool | None = None, debug: bool | None = None) -> GraphQL[Any, Any]:
    """GraphiQL and introspection in development only; subscriptions over `graphql-transport-ws` only."""
    development = settings.is_development() if development is None else development
    return FabflowGraphQL(
        make_schema(development=development, debug=debug),
        graphql_ide="graphiql" if development else None,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
    )
