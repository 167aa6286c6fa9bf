"""The Strawberry ASGI app (placeholder until the schema lands)."""

from __future__ import annotations

import strawberry
from strawberry.asgi import GraphQL


@strawberry.type
class Query:
    @strawberry.field
    def ping(self) -> str:
        return "pong"


def make_graphql_app() -> GraphQL:
    return GraphQL(strawberry.Schema(query=Query))
