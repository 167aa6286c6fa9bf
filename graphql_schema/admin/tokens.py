"""Secrets people manage themselves: their personal tokens, and (admins) a space's signing secret."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import Info

from graphql_schema.errors import UserError, public_error, user_errors
from graphql_schema.permissions import Permitted
from server.models import ApiKey
from server.services import auth, webhooks
from server.services.errors import ServiceError


@strawberry.type(name="PersonalToken")
class PersonalTokenType:
    id: strawberry.ID
    name: str
    prefix: str = strawberry.field(description="The first characters of the secret, to recognise it.")
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None
    state: str = strawberry.field(description="active, expired or revoked.")

    @classmethod
    def of(cls, key: ApiKey) -> PersonalTokenType:
        return cls(
            id=strawberry.ID(str(key.id)),
            name=key.name,
            prefix=key.prefix,
            created_at=key.created_at,
            last_used_at=key.last_used_at,
            expires_at=key.expires_at,
            revoked_at=key.revoked_at,
            state=token_state(key),
        )


def token_state(key: ApiKey) -> str:
    if key.revoked_at is not None:
        return "revoked"
    return "expired" if auth.is_expired(key) else "active"


@strawberry.type(name="SigningSecret")
class SigningSecretType:
    space_key: str
    secret: str = strawberry.field(
        description="`whsec_` + standard base64: connector calls are signed with it."
    )
    previous_secret: str | None = strawberry.field(
        description="The secret before the last rotation, while it still signs as the second signature."
    )
    previous_signs_until: datetime | None
    rotated_at: datetime | None

    @classmethod
    def of(cls, found: webhooks.SigningSecret) -> SigningSecretType:
        return cls(
            space_key=found.space_key,
            secret=found.secret,
            previous_secret=found.previous,
            previous_signs_until=found.previous_until,
            rotated_at=found.rotated_at,
        )


@strawberry.type
class CreatePersonalTokenPayload:
    token: PersonalTokenType | None
    secret: str | None = strawberry.field(description="The token (`ffu_…`), shown here once and never again.")
    errors: list[UserError]


@strawberry.type
class PersonalTokenPayload:
    token: PersonalTokenType | None
    errors: list[UserError]


@strawberry.type
class SigningSecretPayload:
    signing_secret: SigningSecretType | None
    errors: list[UserError]


@strawberry.type
class TokenQueries:
    @strawberry.field(permission_classes=[Permitted], description="The caller's own personal tokens.")
    async def personal_tokens(self, info: Info) -> list[PersonalTokenType]:
        try:
            keys = await auth.list_own_tokens(info.context.actor)
        except ServiceError as exc:
            raise public_error(exc) from exc
        return [PersonalTokenType.of(key) for key in keys]

    @strawberry.field(permission_classes=[Permitted], description="Admins only: a space's signing secret.")
    async def space_signing_secret(self, info: Info, space_key: str) -> SigningSecretType:
        try:
            found = await webhooks.space_signing_secret(info.context.actor, space_key)
        except ServiceError as exc:
            raise public_error(exc) from exc
        return SigningSecretType.of(found)


@strawberry.type
class TokenMutations:
    @strawberry.mutation(
        permission_classes=[Permitted], description="Signed-in users (web session), not with a token."
    )
    async def create_personal_token(
        self, info: Info, name: str, expires_at: datetime | None = None
    ) -> CreatePersonalTokenPayload:
        try:
            created = await auth.create_user_token(info.context.actor, name, expires_at)
        except ServiceError as exc:
            return CreatePersonalTokenPayload(token=None, secret=None, errors=user_errors(exc))
        return CreatePersonalTokenPayload(
            token=PersonalTokenType.of(created.key), secret=created.secret, errors=[]
        )

    @strawberry.mutation(permission_classes=[Permitted], description="One of the caller's own tokens.")
    async def revoke_personal_token(self, info: Info, id: strawberry.ID) -> PersonalTokenPayload:
        try:
            token_id = UUID(str(id))
        except ValueError:
            return PersonalTokenPayload(
                token=None, errors=[UserError(field="id", message="is not an id", code="invalid")]
            )
        try:
            key = await auth.revoke_own_token(info.context.actor, token_id)
        except ServiceError as exc:
            return PersonalTokenPayload(token=None, errors=user_errors(exc))
        return PersonalTokenPayload(token=PersonalTokenType.of(key), errors=[])

    @strawberry.mutation(
        permission_classes=[Permitted],
        description="Admins only. The old secret keeps signing as the second signature for the grace period.",
    )
    async def rotate_signing_secret(self, info: Info, space_key: str) -> SigningSecretPayload:
        try:
            space = await webhooks.rotate_signing_secret(info.context.actor, space_key)
        except ServiceError as exc:
            return SigningSecretPayload(signing_secret=None, errors=user_errors(exc))
        return SigningSecretPayload(
            signing_secret=SigningSecretType.of(webhooks.signing_secret_of(space)), errors=[]
        )
