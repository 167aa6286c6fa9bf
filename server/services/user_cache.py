"""Users of web sessions recently read, kept in the process for `key_cache.TTL` seconds.

A signed-in page then costs no database read for its user. Changing a user's role, tags,
state, password or preferences in this process drops the entry at once; another process sees
the change within `TTL` (the same bound as the key cache). Each request gets its own copy,
so what a request does to its user never reaches another request.
"""

from __future__ import annotations

import copy
import time
from typing import Any
from uuid import UUID

from server.models import User
from server.services.key_cache import MAX_ENTRIES, TTL

_entries: dict[UUID, tuple[User, float]] = {}  # user, _clock() when it is read again
_clock = time.monotonic


def get(user_id: UUID) -> User | None:
    entry = _entries.get(user_id)
    if entry is None:
        return None
    user, expires = entry
    if expires < _clock():
        _entries.pop(user_id, None)
        return None
    return _copy(user)


def put(user: User) -> None:
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[user.id] = (_copy(user), _clock() + TTL)


def forget(user_id: UUID) -> None:
    _entries.pop(user_id, None)


def clear() -> None:
    _entries.clear()


def _copy(user: User) -> User:
    """A copy whose JSON fields are its own too (a caller may change them in place): what
    `copy.copy` makes of a model (a new object with the same attributes), made directly."""
    twin = object.__new__(type(user))
    twin.__dict__.update(user.__dict__)
    twin.tags = list(user.tags or [])
    twin.preferences = _json_copy(user.preferences)
    return twin


def _json_copy(value: Any) -> Any:
    """A deep copy of a JSON value (dicts, lists, scalars); anything else by `copy.deepcopy`."""
    kind = type(value)
    if kind is dict:
        return {key: _json_copy(item) for key, item in value.items()}
    if kind is list:
        return [_json_copy(item) for item in value]
    if kind in (str, int, float, bool) or value is None:
        return value
    return copy.deepcopy(value)
