"""Outbound calls: Standard Webhooks signatures, signing-secret rotation, and which addresses may be called.

Signatures follow the Standard Webhooks form: `webhook-id`, `webhook-timestamp` (Unix seconds) and
`webhook-signature` = `v1,` + base64(HMAC-SHA256(key, f"{id}.{timestamp}.{body}")), where the key is
the base64-decoded part of the space's `whsec_…` secret. Right after a rotation, and for
`FABFLOW_SIGNING_SECRET_GRACE` seconds, a second signature made with the previous secret follows the
first (space-separated), so receivers can switch secrets without losing a call.

Address rules (DESIGN §4.4): `https` only, only to public addresses (`server.domain.addresses`:
IPv6 forms that carry an IPv4 address are judged by that address) and only on ports 80, 443 and those
in `FABFLOW_ALLOWED_PORTS`, unless the host (or the address it resolves to) is listed in
`FABFLOW_ALLOWED_HOSTS`: listed hosts keep every port. The check runs on the address the name resolves
to, and the connection then goes to that very address, so a name that resolves differently a moment
later cannot reach an internal service.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import ipaddress
import os
import socket
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from server import settings
from server.domain.actors import Actor
from server.domain.addresses import why_not_public
from server.models import Space
from server.services.errors import FieldError, NotFound
from server.services.permissions import require

SECRET_PREFIX = "whsec_"
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# (host, port) → the addresses the name resolves to; tests pass their own.
Resolver = Callable[[str, int], Awaitable[list[IpAddress]]]
STANDARD_PORTS = frozenset({80, 443})

# --------------------------------------------------------------------------------------------------
# Signatures


def new_signing_secret() -> str:
    """A fresh secret in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(os.urandom(32)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_…` secret (standard or URL-safe base64; the raw text if neither)."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    padded = encoded + "=" * (-len(encoded) % 4)
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            return decode(padded.encode())
        except (binascii.Error, ValueError):
            continue
    return encoded.encode()


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_headers(
    secrets: Iterable[str], message_id: str, body: bytes, timestamp: int | None = None
) -> dict[str, str]:
    """The three Standard Webhooks headers, signed with every given secret (newest first)."""
    moment = int(time.time()) if timestamp is None else timestamp
    signatures = " ".join(sign(secret, message_id, moment, body) for secret in secrets)
    return {"webhook-id": message_id, "webhook-timestamp": str(moment), "webhook-signature": signatures}


def verify(secret: str, headers: dict[str, str], body: bytes, tolerance: int = 300) -> bool:
    """Whether a received call carries a valid, recent signature made with `secret` (for receivers)."""
    try:
        moment = int(headers["webhook-timestamp"])
        expected = sign(secret, headers["webhook-id"], moment, body)
    except (KeyError, ValueError):
        return False
    if abs(time.time() - moment) > tolerance:
        return False
    given = headers.get("webhook-signature", "").split()
    return any(hmac.compare_digest(expected, candidate) for candidate in given)


async def signing_secrets(space_id: object) -> list[str]:
    """The secrets a space signs with now: the current one, and the previous during the grace period."""
    space = await Space.get_or_none(id=space_id)
    if space is None:
        raise NotFound("No such space.")
    secrets = [space.signing_secret]
    rotated = space.signing_secret_rotated_at
    grace = timedelta(seconds=settings.SIGNING_SECRET_GRACE)
    if space.previous_signing_secret and rotated and datetime.now(UTC) - rotated < grace:
        secrets.append(space.previous_signing_secret)
    return secrets


@dataclass(frozen=True)
class SigningSecret:
    """What an admin is shown of a space's connector signing secret."""

    space_key: str
    secret: str
    previous: str | None  # still signing, as the second signature, until `previous_until`
    previous_until: datetime | None
    rotated_at: datetime | None


async def _space_for(actor: Actor, space_key: str, operation: str) -> Space:
    require(actor, operation)
    missing = NotFound(
        f"No space with key '{space_key}'.", [FieldError("spaceKey", "names no space", "not_found")]
    )
    space = await Space.get_or_none(key=space_key)
    if space is None:
        raise missing
    require(actor, operation, space, hidden=missing)
    return space


def signing_secret_of(space: Space) -> SigningSecret:
    rotated = space.signing_secret_rotated_at
    until = rotated + timedelta(seconds=settings.SIGNING_SECRET_GRACE) if rotated else None
    signing = bool(space.previous_signing_secret and until and datetime.now(UTC) < until)
    return SigningSecret(
        space_key=space.key,
        secret=space.signing_secret,
        previous=space.previous_signing_secret if signing else None,
        previous_until=until if signing else None,
        rotated_at=rotated,
    )


async def space_signing_secret(actor: Actor, space_key: str) -> SigningSecret:
    """The space's connector signing secret (and the previous one while it still signs), for admins."""
    return signing_secret_of(await _space_for(actor, space_key, "spaceSigningSecret"))


async def rotate_signing_secret(actor: Actor, space_key: str) -> Space:
    """A new signing secret for a space; the old one keeps signing alongside until the grace period ends."""
    space = await _space_for(actor, space_key, "rotateSigningSecret")
    space.previous_signing_secret = space.signing_secret
    space.signing_secret = new_signing_secret()
    space.signing_secret_rotated_at = datetime.now(UTC)
    await space.save(update_fields=["previous_signing_secret", "signing_secret", "signing_secret_rotated_at"])
    return space


# --------------------------------------------------------------------------------------------------
# Which addresses may be called


class RefusedUrl(Exception):
    """The URL may not be called; the message says why and what setting would allow it."""


@dataclass(frozen=True)
class UrlPolicy:
    hosts: frozenset[str]  # host names, lower case
    networks: tuple[IpNetwork, ...]  # listed addresses and networks
    ports: frozenset[int] = STANDARD_PORTS  # the ports public addresses may be called on

    @classmethod
    def from_entries(cls, entries: Iterable[str], ports: Iterable[int] = ()) -> UrlPolicy:
        hosts: set[str] = set()
        networks: list[IpNetwork] = []
        for entry in (entry.strip().lower().strip("[]") for entry in entries):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks), STANDARD_PORTS | frozenset(ports))

    def lists_host(self, host: str) -> bool:
        host = host.lower().strip("[]").rstrip(".")
        if host in self.hosts:
            return True
        try:
            return self.lists_address(ipaddress.ip_address(host))
        except ValueError:
            return False

    def lists_address(self, address: IpAddress) -> bool:
        return any(address in network for network in self.networks)


def url_policy() -> UrlPolicy:
    return UrlPolicy.from_entries(settings.ALLOWED_HOSTS, settings.ALLOWED_PORTS)


def is_public(address: IpAddress) -> bool:
    """Not in any non-public range of `server.domain.addresses` (private, loopback, metadata, …)."""
    return why_not_public(address) is None


@dataclass(frozen=True)
class Target:
    """A URL that passed the checks, and the address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str

    def pinned_url(self) -> str:
        """The URL with the checked address in place of the host name."""
        parts = urlsplit(self.url)
        literal = f"[{self.address}]" if ":" in self.address else self.address
        netloc = f"{literal}:{self.port}"
        rest = parts.path or "/"
        return f"{self.scheme}://{netloc}{rest}" + (f"?{parts.query}" if parts.query else "")

    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        literal = f"[{self.host}]" if ":" in self.host else self.host
        return literal if self.port == default else f"{literal}:{self.port}"


async def check_url(url: str, policy: UrlPolicy, resolve: Resolver | None = None) -> Target:
    """Resolve `url`'s host and check scheme, address and port against the policy; raises `RefusedUrl`."""
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("http", "https") or not host:
        raise RefusedUrl(f"{url!r} is not an absolute http(s) URL.")
    if parts.username or parts.password:
        raise RefusedUrl("URLs with a user name or password are not called; use the signature instead.")
    listed = policy.lists_host(host)
    if scheme == "http" and not listed:
        raise RefusedUrl(f"{host} must be called over https; plain http needs it in FABFLOW_ALLOWED_HOSTS.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise RefusedUrl(f"{url!r} has an invalid port.") from exc
    address = await _address_of(host, port, resolve or resolve_host)
    if listed or policy.lists_address(address):
        return Target(url, scheme, host, port, str(address))
    reason = why_not_public(address)
    if reason is not None:
        raise RefusedUrl(
            f"{host} resolves to {address}, which is not a public address ({reason}); list it in "
            "FABFLOW_ALLOWED_HOSTS to allow it."
        )
    if port not in policy.ports:
        allowed = ", ".join(str(number) for number in sorted(policy.ports))
        raise RefusedUrl(
            f"Port {port} of {host} is not called: public addresses are called on ports {allowed}; add it "
            "to FABFLOW_ALLOWED_PORTS, or list the host in FABFLOW_ALLOWED_HOSTS."
        )
    return Target(url, scheme, host, port, str(address))


async def _address_of(host: str, port: int, resolve: Resolver) -> IpAddress:
    """The address literal in the URL, or the one `host` resolves to (IPv4 first: the commoner route)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    addresses = await resolve(host, port)
    if not addresses:
        raise UnresolvedHost(f"{host} resolves to no address.")
    return sorted(addresses, key=lambda a: a.version)[0]


async def resolve_host(host: str, port: int) -> list[IpAddress]:
    """The addresses of `host`, from the system's resolver."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UnresolvedHost(f"{host} could not be resolved: {exc.strerror or exc}") from exc
    return [ipaddress.ip_address(info[4][0]) for info in infos]


class UnresolvedHost(OSError):
    """The host name did not resolve: a network error, worth another try."""


def is_standard_secret(secret: str) -> bool:
    """Whether a `whsec_` secret is standard base64 (what Standard Webhooks libraries decode)."""
    try:
        base64.b64decode(secret.removeprefix(SECRET_PREFIX).encode(), validate=True)
    except (binascii.Error, ValueError):
        return False
    return secret.startswith(SECRET_PREFIX)


async def rotate_non_standard_secrets() -> int:
    """Rotate every space secret made before secrets were standard base64 (URL-safe ones).

    Run by the sweep: the old secret keeps signing as the second signature for the grace period,
    so receivers that decode URL-safe base64 keep verifying while they switch.
    """
    rotated = 0
    for space in await Space.all().only("id", "signing_secret"):
        if is_standard_secret(space.signing_secret):
            continue
        changed = await Space.filter(id=space.id, signing_secret=space.signing_secret).update(
            previous_signing_secret=space.signing_secret,
            signing_secret=new_signing_secret(),
            signing_secret_rotated_at=datetime.now(UTC),
        )
        rotated += changed
    return rotated
