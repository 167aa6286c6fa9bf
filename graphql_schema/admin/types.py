"""Who am I, spaces and secret keys, as plain views (never Tortoise models)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import strawberry

from graphql_schema.orders.types import SpaceType
from server.domain.actors import ActorKind
from server.domain.statuses import Role
from server.models import ApiKey, Space, User
from server.services.orders.rows import SpaceRow

ActorKindEnum = strawberry.enum(ActorKind, name="ActorKind")
RoleEnum = strawberry.enum(Role, name="Role")


@strawberry.type
class Me:
    kind: ActorKindEnum  # type: ignore[valid-type]
    label: str = strawberry.field(description="An e-mail for users, the key's prefix for secret keys.")
    role: RoleEnum | None  # type: ignore[valid-type]
    space_key: str | None = strawberry.field(description="The only space a secret key may use.")
    tags: list[str]


@dataclass(slots=True)
class ApiKeyView:
    id: UUID
    prefix: str
    name: str
    created_by: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    space: SpaceRow | None


@strawberry.type(name="ApiKey")
class ApiKeyType:
    id: strawberry.ID
    prefix: str
    name: str
    created_by: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    space: SpaceType | None


def space_row(space: Space) -> SpaceRow:
    return SpaceRow(id=space.id, key=space.key, name=space.name)


def api_key_view(key: ApiKey, space: Space | None) -> ApiKeyView:
    return ApiKeyView(
        id=key.id,
        prefix=key.prefix,
        name=key.name,
        created_by=key.created_by,
        created_at=key.created_at,
        last_used_at=key.last_used_at,
        revoked_at=key.revoked_at,
        space=space_row(space) if space is not None else None,
    )


@strawberry.type(name="User")
class UserType:
    id: strawberry.ID
    email: str
    name: str
    role: RoleEnum  # type: ignore[valid-type]
    tags: list[str]
    is_active: bool
    created_at: datetime


def user_view(user: User) -> UserType:
    return UserType(
        id=strawberry.ID(str(user.id)),
        email=user.email,
        name=user.name,
        role=Role(user.role),
        tags=list(user.tags or []),
        is_active=user.is_active,
        created_at=user.created_at,
    )
