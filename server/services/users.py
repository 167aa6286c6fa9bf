"""Users as admins manage them (role, tags, active) and as they set their own preferences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from server.domain.actors import Actor, ActorKind
from server.domain.statuses import Role
from server.models import User
from server.services import key_cache, passwords, user_cache
from server.services.auth import normalize_tags
from server.services.errors import FieldError, NotFound, ValidationFailed
from server.services.permissions import require

MAX_TAGS = 50
MAX_TAG_LENGTH = 100


def parse_tags(text: str) -> list[str]:
    """`"Eyewear, rush ,eyewear"` → `["eyewear", "rush"]`."""
    return normalize_tags(text.split(","))


async def list_users(actor: Actor, *, include_inactive: bool = True) -> list[User]:
    require(actor, "users")
    query = (
        User.all() if actor.organization_id is None else User.filter(organization_id=actor.organization_id)
    )
    if not include_inactive:
        query = query.filter(is_active=True)
    return await query.order_by("-is_active", "email")


async def get_user(actor: Actor, user_id: UUID, operation: str = "users") -> User:
    """The user `user_id` of the actor's organization, for `operation`."""
    require(actor, operation)
    user = await User.get_or_none(id=user_id)
    if user is None or (actor.organization_id and user.organization_id != actor.organization_id):  # type: ignore[attr-defined]
        raise NotFound("No such user.", [FieldError("id", "names no user", "not_found")])
    return user


def _check_tags(tags: list[str]) -> list[str]:
    cleaned = normalize_tags(tags)
    if len(cleaned) > MAX_TAGS or any(len(tag) > MAX_TAG_LENGTH for tag in cleaned):
        raise ValidationFailed(
            "Too many or too long tags.",
            [FieldError("tags", f"at most {MAX_TAGS} tags of at most {MAX_TAG_LENGTH} characters")],
        )
    return cleaned


async def set_user_tags(actor: Actor, user_id: UUID, tags: Sequence[str]) -> User:
    user = await get_user(actor, user_id, "setUserTags")
    user.tags = _check_tags(list(tags))
    await user.save(update_fields=["tags"])
    _forget(user.id)  # its tokens act with the new tags, role or state
    return user


async def _other_active_admins(user: User) -> int:
    return (
        await User.filter(
            organization_id=user.organization_id,  # type: ignore[attr-defined]
            role=Role.ADMIN,
            is_active=True,
        )
        .exclude(id=user.id)
        .count()
    )


async def set_user_role(actor: Actor, user_id: UUID, role: Role) -> User:
    """Change a role; the last active admin cannot stop being one (someone must manage users)."""
    async with in_transaction():
        user = await get_user(actor, user_id, "setUserRole")
        if user.role == Role.ADMIN and role != Role.ADMIN and not await _other_active_admins(user):
            raise ValidationFailed(
                "The last admin cannot stop being an admin.", [FieldError("role", "last admin", "last_admin")]
            )
        user.role = role
        await user.save(update_fields=["role"])
    _forget(user.id)
    return user


async def set_user_active(actor: Actor, user_id: UUID, active: bool) -> User:
    """Deactivate or reactivate; a user cannot deactivate themselves. A deactivated user's sessions end."""
    user = await get_user(actor, user_id, "setUserActive")
    if not active and actor.kind is ActorKind.USER and actor.user_id == user.id:
        raise ValidationFailed(
            "You cannot deactivate yourself.", [FieldError("active", "is yourself", "self")]
        )
    user.is_active = active
    await user.save(update_fields=["is_active"])
    _forget(user.id)  # its tokens act with the new tags, role or state
    return user


async def save_preference(user_id: UUID, path: Sequence[str], value: Any) -> dict[str, Any]:
    """Set one preference (e.g. `("columns", "orders")`) of a user; returns all of them."""
    async with in_transaction():
        user = await User.select_for_update().get(id=user_id)
        preferences = dict(user.preferences or {})
        node = preferences
        for key in path[:-1]:
            child = node.get(key)
            node[key] = child = dict(child) if isinstance(child, dict) else {}
            node = child
        node[path[-1]] = value
        user.preferences = preferences
        await user.save(update_fields=["preferences"])
    user_cache.forget(user_id)
    return preferences


async def change_own_password(user_id: UUID, current: str, new: str) -> User:
    """A user's new password, given the current one; every other session of the user ends."""
    user = await User.get(id=user_id)
    if not passwords.verify_password(user.password_hash, current):
        raise ValidationFailed("The current password is wrong.", [FieldError("current", "is wrong")])
    return await _set_password(user, new)


async def set_user_password(actor: Actor, user_id: UUID, new: str) -> User:
    """An admin gives a user a new password (the user's sessions end)."""
    return await _set_password(await get_user(actor, user_id, "setUserPassword"), new)


async def _set_password(user: User, new: str) -> User:
    if problem := passwords.password_problem(new):
        raise ValidationFailed(f"The new password {problem}.", [FieldError("password", problem)])
    user.password_hash = passwords.hash_password(new)
    await user.save(update_fields=["password_hash"])
    _forget(user.id)
    return user


def _forget(user_id: UUID) -> None:
    """The user's cached tokens and session user: they act with the new tags, role, state or password."""
    key_cache.forget_user(user_id)
    user_cache.forget(user_id)
