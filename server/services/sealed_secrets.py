"""Secrets Fabflow must use again itself (a Site Flow API secret), sealed with the server's key.

A hash would not do: Site Flow's HMAC signature needs the secret itself. The seal is Fernet
(AES-128-CBC with HMAC-SHA256, from `cryptography`), keyed by HKDF-SHA256 of `FABFLOW_SECRET_KEY`
with a purpose of its own, so the key that signs sessions and links never encrypts anything itself.
Changing `FABFLOW_SECRET_KEY` makes sealed secrets unreadable: they must then be entered again.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from server import settings

PURPOSE = b"fabflow.sealed-secrets.v1"


class Unreadable(Exception):
    """A sealed secret that this server's key did not seal (the key changed), or that was altered."""


def _fernet() -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(
        settings.secret_key().encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except (InvalidToken, ValueError) as exc:
        raise Unreadable(
            "The stored secret cannot be read with this server's FABFLOW_SECRET_KEY; enter it again."
        ) from exc
