"""Keys, users and spaces."""

from __future__ import annotations

import pytest

from server.domain.actors import ActorKind
from server.models import ApiKey
from server.services import auth
from server.services.errors import Conflict, PermissionDenied, ValidationFailed


async def test_a_space_key_is_shown_once_stored_hashed_and_authenticates(admin):
    await auth.create_space(admin, "acme-parts", "Acme")

    created = await auth.create_api_key(admin, "acme-parts", "shop")

    assert created.secret.startswith("ffk_")
    stored = await ApiKey.get(id=created.key.id)
    assert created.secret not in (stored.secret_hash, stored.prefix)
    assert created.secret.startswith(stored.prefix)
    actor = await auth.actor_for_token(created.secret)
    assert actor is not None and actor.kind is ActorKind.SPACE_KEY
    assert actor.space_id == created.key.space_id


async def test_a_revoked_key_no_longer_authenticates(admin):
    await auth.create_space(admin, "acme-parts", "Acme")
    created = await auth.create_api_key(admin, "acme-parts")

    await auth.revoke_api_key(admin, created.key.id)

    assert await auth.actor_for_token(created.secret) is None


async def test_unknown_and_malformed_tokens_do_not_authenticate(admin):
    assert await auth.actor_for_token("ffk_not-a-real-key") is None
    assert await auth.actor_for_token("Basic abc") is None


async def test_a_space_key_cannot_do_admin_work(admin):
    await auth.create_space(admin, "acme-parts", "Acme")
    created = await auth.create_api_key(admin, "acme-parts")
    key_actor = await auth.actor_for_token(created.secret)

    with pytest.raises(PermissionDenied):
        await auth.create_space(key_actor, "other-space", "Other")
    with pytest.raises(PermissionDenied):
        await auth.create_api_key(key_actor, "acme-parts")


async def test_space_keys_must_be_slugs_and_unique(admin):
    with pytest.raises(ValidationFailed) as invalid:
        await auth.create_space(admin, "Not A Slug!", "x")
    assert invalid.value.errors[0].field == "key"
    await auth.create_space(admin, "acme-parts", "Acme")
    with pytest.raises(Conflict):
        await auth.create_space(admin, "acme-parts", "Acme again")


async def test_passwords_are_checked_with_argon2(admin):
    user = await auth.authenticate_password("ADMIN@example.com", "correct horse battery")
    assert user is not None and user.password_hash.startswith("$argon2id$")
    assert await auth.authenticate_password("admin@example.com", "wrong password") is None
