"""Admin mutations: spaces and secret keys. Refused (as payload errors) to space keys and operators."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry import Info

from graphql_schema.admin.types import ApiKeyType, RoleEnum, UserType, api_key_view, space_row, user_view
from graphql_schema.errors import UserError, user_errors
from graphql_schema.orders.types import SpaceType
from graphql_schema.permissions import Permitted
from server.domain.statuses import Role
from server.services import auth, users
from server.services.errors import ServiceError


@strawberry.type
class CreateSpacePayload:
    space: SpaceType | None
    errors: list[UserError]


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKeyType | None
    secret: str | None = strawberry.field(description="The secret key, shown here once and never again.")
    errors: list[UserError]


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKeyType | None
    errors: list[UserError]


@strawberry.type
class UserPayload:
    user: UserType | None
    errors: list[UserError]


def _user_id(id: strawberry.ID) -> UUID | None:
    try:
        return UUID(str(id))
    except ValueError:
        return None


NOT_AN_ID = UserError(field="id", message="is not an id", code="invalid")


@strawberry.type
class AdminMutations:
    @strawberry.mutation(permission_classes=[Permitted])
    async def create_space(self, info: Info, key: str, name: str) -> CreateSpacePayload:
        try:
            space = await auth.create_space(info.context.actor, key, name)
        except ServiceError as exc:
            return CreateSpacePayload(space=None, errors=user_errors(exc))
        return CreateSpacePayload(space=space_row(space), errors=[])  # type: ignore[arg-type]

    @strawberry.mutation(permission_classes=[Permitted])
    async def create_api_key(self, info: Info, space_key: str, name: str = "") -> CreateApiKeyPayload:
        try:
            created = await auth.create_api_key(info.context.actor, space_key, name)
        except ServiceError as exc:
            return CreateApiKeyPayload(api_key=None, secret=None, errors=user_errors(exc))
        view = api_key_view(created.key, created.key.space)  # type: ignore[arg-type]
        return CreateApiKeyPayload(api_key=view, secret=created.secret, errors=[])  # type: ignore[arg-type]

    @strawberry.mutation(permission_classes=[Permitted])
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> RevokeApiKeyPayload:
        try:
            key_id = UUID(str(id))
        except ValueError:
            return RevokeApiKeyPayload(
                api_key=None, errors=[UserError(field="id", message="is not an id", code="invalid")]
            )
        try:
            key = await auth.revoke_api_key(info.context.actor, key_id)
        except ServiceError as exc:
            return RevokeApiKeyPayload(api_key=None, errors=user_errors(exc))
        return RevokeApiKeyPayload(api_key=api_key_view(key, key.space), errors=[])  # type: ignore[arg-type]

    @strawberry.mutation(permission_classes=[Permitted], description="Admins only.")
    async def create_user(
        self,
        info: Info,
        email: str,
        password: str,
        role: RoleEnum = Role.OPERATOR,  # type: ignore[valid-type]
        tags: list[str] | None = None,
        name: str = "",
    ) -> UserPayload:
        try:
            user = await auth.create_user(info.context.actor, email, password, Role(role), tags or [], name)
        except ServiceError as exc:
            return UserPayload(user=None, errors=user_errors(exc))
        return UserPayload(user=user_view(user), errors=[])

    @strawberry.mutation(permission_classes=[Permitted], description="Admins only; replaces the tags.")
    async def set_user_tags(self, info: Info, id: strawberry.ID, tags: list[str]) -> UserPayload:
        user_id = _user_id(id)
        if user_id is None:
            return UserPayload(user=None, errors=[NOT_AN_ID])
        try:
            user = await users.set_user_tags(info.context.actor, user_id, tags)
        except ServiceError as exc:
            return UserPayload(user=None, errors=user_errors(exc))
        return UserPayload(user=user_view(user), errors=[])

    @strawberry.mutation(permission_classes=[Permitted], description="Admins only.")
    async def set_user_role(self, info: Info, id: strawberry.ID, role: RoleEnum) -> UserPayload:  # type: ignore[valid-type]
        user_id = _user_id(id)
        if user_id is None:
            return UserPayload(user=None, errors=[NOT_AN_ID])
        try:
            user = await users.set_user_role(info.context.actor, user_id, Role(role))
        except ServiceError as exc:
            return UserPayload(user=None, errors=user_errors(exc))
        return UserPayload(user=user_view(user), errors=[])
