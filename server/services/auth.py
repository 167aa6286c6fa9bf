"""Authentication and the admin use cases: users, spaces, secret keys."""

from __future__ import annotations

import re
import secrets as pysecrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain.actors import SYSTEM, Actor, ActorKind
from server.domain.statuses import Role
from server.models import ApiKey, Organization, Space, User
from server.services import passwords
from server.services.errors import Conflict, FieldError, NotFound, PermissionDenied, ValidationFailed
from server.services.secrets import SPACE_KEY_PREFIX, USER_TOKEN_PREFIX, digest, make_secret

SPACE_KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Writing last_used_at on every request would make reads write; once a minute is enough to show.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def require_admin(actor: Actor) -> None:
    if actor.kind is ActorKind.SYSTEM or actor.is_admin:
        return
    raise PermissionDenied("This needs an admin user; space keys and operators may not do it.")


def actor_for_user(user: User) -> Actor:
    return Actor(
        kind=ActorKind.USER,
        organization_id=user.organization_id,  # type: ignore[attr-defined]
        user_id=user.id,
        role=Role(user.role),
        label=user.email,
        tags=tuple(user.tags or ()),
    )


async def actor_for_token(token: str) -> Actor | None:
    """The actor behind a bearer token, or None when it is unknown, revoked or malformed."""
    if not token.startswith((SPACE_KEY_PREFIX, USER_TOKEN_PREFIX)):
        return None
    key = await ApiKey.get_or_none(secret_hash=digest(token), revoked_at=None).select_related("space", "user")
    if key is None:
        return None
    await _touch(key)
    if key.user_id is not None:  # type: ignore[attr-defined]
        user: User = key.user  # type: ignore[assignment]
        return actor_for_user(user) if user.is_active else None
    space: Space = key.space  # type: ignore[assignment]
    return Actor(
        kind=ActorKind.SPACE_KEY,
        organization_id=space.organization_id,  # type: ignore[attr-defined]
        space_id=space.id,
        label=key.prefix,
    )


async def _touch(key: ApiKey) -> None:
    now = datetime.now(UTC)
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        await ApiKey.filter(id=key.id).update(last_used_at=now)


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
    require_admin(actor)
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
    require_admin(actor)
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
    from server.services.webhooks import new_signing_secret

    return new_signing_secret()


async def visible_spaces(actor: Actor) -> list[Space]:
    if actor.kind is ActorKind.SPACE_KEY:
        return await Space.filter(id=actor.space_id)
    if actor.kind is ActorKind.USER:
        return await Space.filter(organization_id=actor.organization_id).order_by("key")
    return await Space.all().order_by("key")


async def space_by_key(actor: Actor, key: str) -> Space:
    """The space with `key` if the actor may use it; the same NotFound either way, to leak nothing."""
    space = await Space.get_or_none(key=key)
    if space is None or not sees_space(actor, space):
        raise NotFound(f"No space with key '{key}'.", [FieldError("spaceKey", "names no space", "not_found")])
    return space


def sees_space(actor: Actor, space: Space) -> bool:
    """Whether the actor may see the space: its organization's, and for a secret key its own."""
    return actor.can_see_space(space.id) and _same_org(actor, space)


def _same_org(actor: Actor, space: Space) -> bool:
    return actor.organization_id is None or actor.organization_id == space.organization_id  # type: ignore[attr-defined]


async def create_api_key(actor: Actor, space_key: str, name: str = "") -> CreatedKey:
    require_admin(actor)
    space = await space_by_key(actor, space_key)
    new = make_secret(SPACE_KEY_PREFIX)
    key = await ApiKey.create(
        space=space, name=name.strip(), prefix=new.prefix, secret_hash=new.digest, created_by=actor.label
    )
    return CreatedKey(key=key, secret=new.secret)


async def create_user_token(actor: Actor, name: str = "") -> CreatedKey:
    """A personal access token (`ffu_…`) that acts as the calling user."""
    if actor.kind is not ActorKind.USER:
        raise PermissionDenied("Only a signed-in user can make a personal token.")
    new = make_secret(USER_TOKEN_PREFIX)
    key = await ApiKey.create(
        user_id=actor.user_id,
        name=name.strip(),
        prefix=new.prefix,
        secret_hash=new.digest,
        created_by=actor.label,
    )
    return CreatedKey(key=key, secret=new.secret)


async def revoke_api_key(actor: Actor, key_id: UUID) -> ApiKey:
    require_admin(actor)
    key = await ApiKey.get_or_none(id=key_id).select_related("space")
    if key is None or (key.space is not None and not _same_org(actor, key.space)):
        raise NotFound("No such key.", [FieldError("id", "names no key", "not_found")])
    if key.revoked_at is None:
        async with in_transaction():
            key.revoked_at = datetime.now(UTC)
            await key.save(update_fields=["revoked_at"])
    return key


async def list_api_keys(actor: Actor, space_key: str | None = None) -> list[ApiKey]:
    require_admin(actor)
    query = (
        ApiKey.filter(space__organization_id=actor.organization_id)
        if actor.organization_id
        else ApiKey.filter(space_id__isnull=False)
    )
    if space_key:
        query = query.filter(space__key=space_key)
    return await query.select_related("space").order_by("-created_at")
