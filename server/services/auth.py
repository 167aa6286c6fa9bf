"""Authentication and the admin use cases: users, spaces, secret keys."""

from __future__ import annotations

import re
import secrets as pysecrets
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain.actors import SYSTEM, Actor, ActorKind
from server.domain.statuses import Role
from server.models import ApiKey, Organization, Space, User
from server.services import key_cache, passwords
from server.services.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from server.services.permissions import in_reach, require, space_filter
from server.services.secrets import SPACE_KEY_PREFIX, USER_TOKEN_PREFIX, digest, make_secret
from server.services.webhooks import new_signing_secret

SPACE_KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def actor_for_user(user: User, *, via_token: bool = False) -> Actor:
    return Actor(
        kind=ActorKind.USER,
        organization_id=user.organization_id,  # type: ignore[attr-defined]
        user_id=user.id,
        role=Role(user.role),
        label=user.email,
        tags=tuple(user.tags or ()),
        via_token=via_token,
    )


async def actor_for_token(token: str) -> Actor | None:
    """The actor behind a bearer token, or None when it is unknown, revoked, expired or malformed.

    Known tokens are kept for a few seconds (`server.services.key_cache`).
    """
    if not token.startswith((SPACE_KEY_PREFIX, USER_TOKEN_PREFIX)):
        return None
    secret_hash = digest(token)
    cached = key_cache.get(secret_hash)
    if cached is not None and cached.expired():
        key_cache.forget_key(cached.key_id)
        return None
    if cached is not None:
        key_cache.note_use(cached.key_id)
        await _record_uses()
        return cached.actor
    key = await ApiKey.get_or_none(secret_hash=secret_hash, revoked_at=None).select_related("space", "user")
    if key is None or is_expired(key):
        return None
    actor = _actor_of_key(key)
    if actor is None:
        return None
    key_cache.put(secret_hash, actor, key.id, key.user_id, key.last_used_at, key.expires_at)  # type: ignore[attr-defined]
    key_cache.note_use(key.id)
    await _record_uses()
    return actor


def _actor_of_key(key: ApiKey) -> Actor | None:
    if key.user_id is not None:  # type: ignore[attr-defined]
        user: User = key.user  # type: ignore[assignment]
        return actor_for_user(user, via_token=True) if user.is_active else None
    space: Space = key.space  # type: ignore[assignment]
    return Actor(
        kind=ActorKind.SPACE_KEY,
        organization_id=space.organization_id,  # type: ignore[attr-defined]
        space_id=space.id,
        label=key.prefix,
    )


async def _record_uses() -> None:
    """Write the last use of the keys seen lately, all in one statement, every few seconds."""
    due = key_cache.due_uses()
    if due:
        await ApiKey.filter(id__in=list(due)).update(last_used_at=max(due.values()))


async def authenticate_password(email: str, password: str) -> User | None:
    user = await User.get_or_none(email=email.strip().lower(), is_active=True)
    if user is None:
        passwords.verify_password(_DUMMY_HASH, password)  # same cost whether or not the user exists
        return None
    return user if passwords.verify_password(user.password_hash, password) else None


_DUMMY_HASH = passwords.hash_password(pysecrets.token_urlsafe(16))


async def default_organization() -> Organization:
    org = await Organization.all().order_by("created_at").first()
    if org is None:
        org = await Organization.create(name="Fabflow")
    return org


@dataclass(frozen=True)
class CreatedKey:
    key: ApiKey
    secret: str  # shown once


async def create_user(
    actor: Actor,
    email: str,
    password: str,
    role: Role = Role.OPERATOR,
    tags: list[str] | None = None,
    name: str = "",
) -> User:
    require(actor, "createUser")
    email = email.strip().lower()
    errors = []
    if not EMAIL_PATTERN.match(email):
        errors.append(FieldError("email", "is not an e-mail address"))
    if problem := passwords.password_problem(password):
        errors.append(FieldError("password", problem))
    if errors:
        raise ValidationFailed("The user could not be created.", errors)
    org_id = actor.organization_id or (await default_organization()).id
    try:
        return await User.create(
            organization_id=org_id,
            email=email,
            name=name,
            password_hash=passwords.hash_password(password),
            role=role,
            tags=normalize_tags(tags or []),
        )
    except IntegrityError as exc:
        raise Conflict(
            "A user with this e-mail exists.", [FieldError("email", "is taken", "conflict")]
        ) from exc


async def create_admin(email: str, password: str) -> User:
    """The first admin (or another one), made from the CLI."""
    return await create_user(SYSTEM, email, password, role=Role.ADMIN)


def normalize_tags(tags: list[str]) -> list[str]:
    """Trimmed, lower-cased, de-duplicated, order kept."""
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = tag.strip().lower()
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)


async def create_space(actor: Actor, key: str, name: str) -> Space:
    require(actor, "createSpace")
    key = key.strip()
    if not SPACE_KEY_PATTERN.match(key):
        raise ValidationFailed(
            "The space could not be created.",
            [FieldError("key", "must be 3-100 lower-case letters, digits or dashes")],
        )
    org_id = actor.organization_id or (await default_organization()).id
    try:
        return await Space.create(
            organization_id=org_id,
            key=key,
            name=name.strip() or key,
            signing_secret=_new_signing_secret(),
        )
    except IntegrityError as exc:
        raise Conflict("A space with this key exists.", [FieldError("key", "is taken", "conflict")]) from exc


def _new_signing_secret() -> str:
    return new_signing_secret()


async def visible_spaces(actor: Actor) -> list[Space]:
    """The spaces in the actor's reach (`permissions.space_filter`), by key."""
    return await Space.filter(**space_filter(actor)).order_by("key")


async def space_by_key(actor: Actor, key: str, operation: str | None = None) -> Space:
    """The space with `key` if the actor may use it (for `operation`, when given).

    A space out of reach and no space at all get the same NotFound, to leak nothing.
    """
    if operation is not None:
        require(actor, operation)
    space = await Space.get_or_none(key=key)
    missing = NotFound(f"No space with key '{key}'.", [FieldError("spaceKey", "names no space", "not_found")])
    if space is None:
        raise missing
    if operation is not None:
        require(actor, operation, space, hidden=missing)
    elif not in_reach(actor, space):
        raise missing
    return space


def sees_space(actor: Actor, space: Space) -> bool:
    """Whether the actor may see the space: its organization's, and for a secret key its own."""
    return in_reach(actor, space)


async def create_api_key(actor: Actor, space_key: str, name: str = "") -> CreatedKey:
    space = await space_by_key(actor, space_key, "createApiKey")
    new = make_secret(SPACE_KEY_PREFIX)
    key = await ApiKey.create(
        space=space, name=name.strip(), prefix=new.prefix, secret_hash=new.digest, created_by=actor.label
    )
    return CreatedKey(key=key, secret=new.secret)


async def create_user_token(actor: Actor, name: str = "", expires_at: datetime | None = None) -> CreatedKey:
    """A personal access token (`ffu_…`) that acts as the calling user, until `expires_at` if given."""
    require(actor, "createPersonalToken")
    if actor.kind is not ActorKind.USER:
        raise PermissionDenied("Only a signed-in user can make a personal token.")
    if expires_at is not None:
        expires_at = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=UTC)
        if expires_at <= datetime.now(UTC):
            raise ValidationFailed(
                "The token could not be made.", [FieldError("expiresAt", "lies in the past")]
            )
    new = make_secret(USER_TOKEN_PREFIX)
    key = await ApiKey.create(
        user_id=actor.user_id,
        name=name.strip()[:200],
        prefix=new.prefix,
        secret_hash=new.digest,
        created_by=actor.label,
        expires_at=expires_at,
    )
    return CreatedKey(key=key, secret=new.secret)


async def list_own_tokens(actor: Actor) -> list[ApiKey]:
    """The caller's personal tokens, newest first, revoked and expired ones included."""
    require(actor, "personalTokens")
    if actor.kind is not ActorKind.USER:
        return []
    return await ApiKey.filter(user_id=actor.user_id).order_by("-created_at")


async def revoke_own_token(actor: Actor, token_id: UUID) -> ApiKey:
    """Revoke one of the caller's own personal tokens; another's is not found."""
    require(actor, "revokePersonalToken")
    key = await ApiKey.get_or_none(id=token_id, user_id=actor.user_id) if actor.user_id else None
    if key is None:
        raise NotFound("No such token.", [FieldError("id", "names none of your tokens", "not_found")])
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await key.save(update_fields=["revoked_at"])
    key_cache.forget_key(key.id)
    return key


def is_expired(key: ApiKey, moment: datetime | None = None) -> bool:
    return key.expires_at is not None and key.expires_at <= (moment or datetime.now(UTC))


async def revoke_api_key(actor: Actor, key_id: UUID) -> ApiKey:
    require(actor, "revokeApiKey")
    key = await ApiKey.get_or_none(id=key_id).select_related("space", "user")
    missing = NotFound("No such key.", [FieldError("id", "names no key", "not_found")])
    if key is None:
        raise missing
    if key.space is not None:
        require(actor, "revokeApiKey", key.space, hidden=missing)
    elif actor.organization_id is not None and key.user.organization_id != actor.organization_id:  # type: ignore[union-attr]
        raise missing
    if key.revoked_at is None:
        async with in_transaction():
            key.revoked_at = datetime.now(UTC)
            await key.save(update_fields=["revoked_at"])
    key_cache.forget_key(key.id)
    return key


async def list_api_keys(actor: Actor, space_key: str | None = None) -> list[ApiKey]:
    require(actor, "apiKeys")
    query = (
        ApiKey.filter(space__organization_id=actor.organization_id)
        if actor.organization_id
        else ApiKey.filter(space_id__isnull=False)
    )
    if space_key:
        query = query.filter(space__key=space_key)
    return await query.select_related("space").order_by("-created_at")
