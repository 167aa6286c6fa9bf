"""Bearer tokens recently looked up, kept in the process for `TTL` seconds, and their last use.

A request with a known token then costs no database read; a token that expires while cached is
refused from that moment, as the entry keeps its expiry. Revoking a key, or changing or
deactivating the user behind a token, in this process drops the entry at once; another
process sees it within `TTL`. Last use is recorded for all keys seen together in one UPDATE
at most every `FLUSH_EVERY`, and per key at most once per `LAST_USED_RESOLUTION`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from server.domain.actors import Actor

TTL = 5.0  # seconds
MAX_ENTRIES = 10_000
FLUSH_EVERY = 5.0  # seconds
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Entry:
    actor: Actor
    key_id: UUID
    user_id: UUID | None
    expires: float  # time.monotonic(): when this entry is read again from the database
    token_expires_at: datetime | None = None  # when the token itself stops working

    def expired(self) -> bool:
        """Whether the token passed its own expiry (the entry may still be fresh)."""
        return self.token_expires_at is not None and self.token_expires_at <= datetime.now(UTC)


_entries: dict[str, Entry] = {}
_recorded: dict[UUID, datetime] = {}  # last use written (or read) per key
_pending: dict[UUID, datetime] = {}  # last use not written yet
_last_flush = 0.0


def get(digest: str) -> Entry | None:
    entry = _entries.get(digest)
    if entry is None:
        return None
    if entry.expires < time.monotonic():
        _entries.pop(digest, None)
        return None
    return entry


def put(
    digest: str,
    actor: Actor,
    key_id: UUID,
    user_id: UUID | None,
    last_used: datetime | None,
    token_expires_at: datetime | None = None,
) -> None:
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[digest] = Entry(actor, key_id, user_id, time.monotonic() + TTL, token_expires_at)
    if last_used is not None:
        _recorded.setdefault(key_id, last_used)


def forget_key(key_id: UUID) -> None:
    for digest in [d for d, e in _entries.items() if e.key_id == key_id]:
        _entries.pop(digest, None)


def forget_user(user_id: UUID) -> None:
    for digest in [d for d, e in _entries.items() if e.user_id == user_id]:
        _entries.pop(digest, None)


def clear() -> None:
    _entries.clear()
    _recorded.clear()
    _pending.clear()


def note_use(key_id: UUID) -> None:
    now = datetime.now(UTC)
    recorded = _recorded.get(key_id)
    if recorded is None or now - recorded > LAST_USED_RESOLUTION:
        _pending[key_id] = now
        _recorded[key_id] = now


def due_uses() -> dict[UUID, datetime]:
    """The uses to write now (and forgets them), or nothing while the last write is recent."""
    global _last_flush
    if not _pending or time.monotonic() - _last_flush < FLUSH_EVERY:
        return {}
    _last_flush = time.monotonic()
    due = dict(_pending)
    _pending.clear()
    return due
