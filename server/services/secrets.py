"""Making, hashing and recognising secret tokens (`ffk_…` space keys, `ffu_…` user tokens)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

SPACE_KEY_PREFIX = "ffk_"
USER_TOKEN_PREFIX = "ffu_"
VISIBLE_CHARS = 8


@dataclass(frozen=True)
class NewSecret:
    secret: str  # shown once, never stored
    prefix: str  # stored and shown: `ffk_AbCd1234`
    digest: str  # stored: SHA-256 of the secret


def make_secret(kind_prefix: str) -> NewSecret:
    secret = kind_prefix + secrets.token_urlsafe(30)
    return NewSecret(secret=secret, prefix=visible_prefix(secret), digest=digest(secret))


def visible_prefix(secret: str) -> str:
    head, _, body = secret.partition("_")
    return f"{head}_{body[:VISIBLE_CHARS]}"


def digest(secret: str) -> str:
    """SHA-256 suffices: the secrets carry 240 random bits, so no slow hash is needed."""
    return hashlib.sha256(secret.encode()).hexdigest()


def constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
