"""`me`, `spaces`, `apiKeys`."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_schema.admin.types import ApiKeyType, Me, UserType, api_key_view, space_row, user_view
from graphql_schema.errors import public_error
from graphql_schema.orders.types import SpaceType
from graphql_schema.permissions import Permitted
from server.domain.actors import ActorKind
from server.services import auth, users
from server.services.errors import ServiceError


@strawberry.type
class AdminQueries:
    @strawberry.field(description="The caller; null without credentials (the one field open to anyone).")
    async def me(self, info: Info) -> Me | None:
        actor = info.context.actor
        if actor is None:
            return None
        space_key = None
        if actor.kind is ActorKind.SPACE_KEY:
            spaces = await auth.visible_spaces(actor)
            space_key = spaces[0].key if spaces else None
        return Me(
            kind=actor.kind, label=actor.label, role=actor.role, space_key=space_key, tags=list(actor.tags)
        )

    @strawberry.field(permission_classes=[Permitted], description="The spaces the caller may use.")
    async def spaces(self, info: Info) -> list[SpaceType]:
        return [space_row(s) for s in await auth.visible_spaces(info.context.actor)]  # type: ignore[misc]

    @strawberry.field(permission_classes=[Permitted], description="Admins only. Secrets are never shown.")
    async def api_keys(self, info: Info, space_key: str | None = None) -> list[ApiKeyType]:
        try:
            keys = await auth.list_api_keys(info.context.actor, space_key)
        except ServiceError as exc:
            raise public_error(exc) from exc
        return [api_key_view(k, k.space) for k in keys]  # type: ignore[misc]

    @strawberry.field(permission_classes=[Permitted], description="Admins only: the organization's users.")
    async def users(self, info: Info, include_inactive: bool = True) -> list[UserType]:
        try:
            found = await users.list_users(info.context.actor, include_inactive=include_inactive)
        except ServiceError as exc:
            raise public_error(exc) from exc
        return [user_view(u) for u in found]
