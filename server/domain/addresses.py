"""Which IP addresses an outbound call may reach: the non-public ranges, written out with their RFCs.

The lists are explicit on purpose: the `is_private` / `is_global` flags of `ipaddress` change
between Python patch releases, and a guard must not change with them. Sources: the IANA IPv4 and
IPv6 Special-Purpose Address Registries (RFC 6890) and the RFCs named at each range.

An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible, IPv4-translated, NAT64,
6to4, Teredo) is judged by the IPv4 address it leads to: `[64:ff9b::a9fe:a9fe]` is 169.254.169.254.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
V4 = ipaddress.IPv4Network
V6 = ipaddress.IPv6Network

NON_PUBLIC_V4: tuple[tuple[V4, str], ...] = (
    (V4("0.0.0.0/8"), "'this network' (RFC 791, RFC 1122)"),
    (V4("10.0.0.0/8"), "private (RFC 1918)"),
    (V4("100.64.0.0/10"), "shared carrier-grade NAT space (RFC 6598)"),
    (V4("127.0.0.0/8"), "loopback (RFC 1122)"),
    (V4("169.254.0.0/16"), "link-local, where cloud metadata services answer (RFC 3927)"),
    (V4("172.16.0.0/12"), "private (RFC 1918)"),
    (V4("192.0.0.0/24"), "IETF protocol assignments (RFC 6890)"),
    (V4("192.0.2.0/24"), "documentation TEST-NET-1 (RFC 5737)"),
    (V4("192.88.99.0/24"), "6to4 relay anycast (RFC 7526)"),
    (V4("192.168.0.0/16"), "private (RFC 1918)"),
    (V4("198.18.0.0/15"), "benchmarking (RFC 2544)"),
    (V4("198.51.100.0/24"), "documentation TEST-NET-2 (RFC 5737)"),
    (V4("203.0.113.0/24"), "documentation TEST-NET-3 (RFC 5737)"),
    (V4("224.0.0.0/4"), "multicast (RFC 5771)"),
    (V4("240.0.0.0/4"), "reserved, and the broadcast address (RFC 1112, RFC 919)"),
)

NON_PUBLIC_V6: tuple[tuple[V6, str], ...] = (
    (V6("::/128"), "the unspecified address (RFC 4291)"),
    (V6("::1/128"), "loopback (RFC 4291)"),
    (V6("100::/64"), "discard-only (RFC 6666)"),
    (V6("2001:2::/48"), "benchmarking (RFC 5180)"),
    (V6("2001:10::/28"), "ORCHID (RFC 4843)"),
    (V6("2001:db8::/32"), "documentation (RFC 3849)"),
    (V6("3fff::/20"), "documentation (RFC 9637)"),
    (V6("5f00::/16"), "SRv6 segment identifiers (RFC 9602)"),
    (V6("fc00::/7"), "unique local (RFC 4193)"),
    (V6("fe80::/10"), "link-local (RFC 4291)"),
    (V6("fec0::/10"), "site-local (RFC 3879)"),
    (V6("ff00::/8"), "multicast (RFC 4291)"),
)
# Everything else outside global unicast is unassigned (RFC 4291 §2.4, IANA IPv6 Address Space).
GLOBAL_UNICAST = V6("2000::/3")


def _low32(value: int) -> int:
    return value & 0xFFFFFFFF


def _nat64_48(value: int) -> int:
    """RFC 6052 §2.2 with a /48 prefix: IPv4 bits 48–63, then (after the zero `u` octet) 72–87."""
    return (((value >> 64) & 0xFFFF) << 16) | ((value >> 40) & 0xFFFF)


def _6to4(value: int) -> int:
    return (value >> 80) & 0xFFFFFFFF  # bits 16–47 (RFC 3056 §2)


def _teredo_client(value: int) -> int:
    return _low32(value) ^ 0xFFFFFFFF  # the client's address, inverted (RFC 4380 §4)


def _teredo_server(value: int) -> int:
    return (value >> 64) & 0xFFFFFFFF  # bits 32–63


@dataclass(frozen=True)
class Embedding:
    """An IPv6 range whose addresses carry IPv4 addresses, and how to take them out."""

    network: V6
    name: str
    extract: tuple[Callable[[int], int], ...]


EMBEDDINGS: tuple[Embedding, ...] = (
    Embedding(V6("::ffff:0:0/96"), "IPv4-mapped (RFC 4291)", (_low32,)),
    Embedding(V6("::ffff:0:0:0/96"), "IPv4-translated (RFC 2765)", (_low32,)),
    Embedding(V6("::/96"), "IPv4-compatible (RFC 4291)", (_low32,)),
    Embedding(V6("64:ff9b::/96"), "NAT64 (RFC 6052)", (_low32,)),
    # Local-use NAT64 (RFC 8215) may be a /48 or any longer prefix inside it: both layouts count.
    Embedding(V6("64:ff9b:1::/48"), "local-use NAT64 (RFC 8215)", (_nat64_48, _low32)),
    Embedding(V6("2002::/16"), "6to4 (RFC 3056)", (_6to4,)),
    Embedding(V6("2001::/32"), "Teredo (RFC 4380)", (_teredo_client, _teredo_server)),
)


def why_not_public(address: IpAddress) -> str | None:
    """Why `address` is not a public address to call (its range and RFC), or None when it is."""
    if isinstance(address, ipaddress.IPv4Address):
        return _v4_reason(address)
    address = ipaddress.IPv6Address(int(address))  # without a scope id (`fe80::1%eth0`)
    for network, reason in NON_PUBLIC_V6[:2]:  # :: and ::1 before the IPv4-compatible range
        if address in network:
            return reason
    for embedding in EMBEDDINGS:
        if address in embedding.network:
            return _embedded_reason(address, embedding)
    for network, reason in NON_PUBLIC_V6:
        if address in network:
            return reason
    if address not in GLOBAL_UNICAST:
        return "outside global unicast 2000::/3 (RFC 4291)"
    return None


def _v4_reason(address: ipaddress.IPv4Address) -> str | None:
    for network, reason in NON_PUBLIC_V4:
        if address in network:
            return reason
    return None


def _embedded_reason(address: ipaddress.IPv6Address, embedding: Embedding) -> str | None:
    for extract in embedding.extract:
        inner = ipaddress.IPv4Address(extract(int(address)))
        reason = _v4_reason(inner)
        if reason is not None:
            return f"{embedding.name} for {inner}, {reason}"
    return None
