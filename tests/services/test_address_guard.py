"""The address guard of outbound calls, on a corpus: URL (and what its name resolves to) → allowed or why not.

Names resolve through an injected resolver, so nothing but loopback is ever contacted.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from server.services import outbound
from server.services.webhooks import IpAddress, RefusedUrl, UrlPolicy, check_url

PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"
NAMES = {
    "shop.example": [PUBLIC_V4],
    "v6.example": [PUBLIC_V6],
    "nat64.example": ["64:ff9b::a00:1"],
    "metadata.example": ["64:ff9b::a9fe:a9fe"],
    "internal.example": ["10.1.2.3"],
    "dual.example": [PUBLIC_V6, "192.168.0.5"],  # IPv4 first: the private one is the one called
}


async def resolve(host: str, port: int) -> list[IpAddress]:
    return [ipaddress.ip_address(address) for address in NAMES[host]]


PRODUCTION = UrlPolicy.from_entries([])
# (URL, policy, None when allowed or a fragment of the refusal, why the row is there)
CORPUS: list[tuple[str, UrlPolicy, str | None, str]] = [
    ("https://shop.example/orders", PRODUCTION, None, "a public name on 443"),
    ("https://v6.example/orders", PRODUCTION, None, "a public IPv6 name"),
    (f"https://{PUBLIC_V4}:80/x", PRODUCTION, None, "port 80 of a public address"),
    ("https://[::ffff:93.184.215.14]/", PRODUCTION, None, "IPv4-mapped public address"),
    ("https://[64:ff9b::5db8:d70e]/", PRODUCTION, None, "NAT64 of a public address"),
    ("https://[2002:5db8:d70e::1]/", PRODUCTION, None, "6to4 of a public address"),
    ("https://[64:ff9b::a00:1]/", PRODUCTION, "NAT64 (RFC 6052) for 10.0.0.1, private", "NAT64 of 10.0.0.1"),
    ("https://[64:ff9b::a9fe:a9fe]/", PRODUCTION, "for 169.254.169.254, link-local", "NAT64 of metadata"),
    ("https://[64:ff9b:1:a00:1::]/", PRODUCTION, "local-use NAT64 (RFC 8215) for 10.0.1.0", "/48 layout"),
    # Read in the /48 layout too, where it carries 0.0.0.0: either reading refuses.
    ("https://[64:ff9b:1::7f00:1]/", PRODUCTION, "local-use NAT64 (RFC 8215)", "local NAT64 /96 layout"),
    ("https://[2002:a00:1::]/", PRODUCTION, "6to4 (RFC 3056) for 10.0.0.1", "6to4 of 10.0.0.1"),
    ("https://[::a00:1]/", PRODUCTION, "IPv4-compatible (RFC 4291) for 10.0.0.1", "IPv4-compatible"),
    ("https://[::ffff:10.0.0.1]/", PRODUCTION, "IPv4-mapped (RFC 4291) for 10.0.0.1", "IPv4-mapped"),
    ("https://[::ffff:0:a9fe:a9fe]/", PRODUCTION, "IPv4-translated (RFC 2765)", "IPv4-translated"),
    (
        "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/",
        PRODUCTION,
        "Teredo (RFC 4380) for 10.0.0.1",
        "Teredo client 10.0.0.1",
    ),
    ("https://nat64.example/", PRODUCTION, "resolves to 64:ff9b::a00:1", "a name resolving to NAT64"),
    ("https://metadata.example/", PRODUCTION, "for 169.254.169.254", "a name resolving to metadata"),
    ("https://internal.example/", PRODUCTION, "private (RFC 1918)", "a name resolving to 10/8"),
    ("https://dual.example/", PRODUCTION, "192.168.0.5", "the address called is the one checked"),
    ("https://10.1.2.3/", PRODUCTION, "private (RFC 1918)", "private IPv4"),
    ("https://169.254.169.254/", PRODUCTION, "link-local", "metadata IPv4"),
    ("https://100.64.0.1/", PRODUCTION, "carrier-grade NAT space (RFC 6598)", "shared address space"),
    ("https://0.0.0.0/", PRODUCTION, "'this network'", "this network"),
    ("https://[::1]/", PRODUCTION, "loopback (RFC 4291)", "IPv6 loopback"),
    ("https://[::]/", PRODUCTION, "unspecified", "IPv6 unspecified"),
    ("https://[fd00::1]/", PRODUCTION, "unique local (RFC 4193)", "ULA"),
    ("https://[fe80::1]/", PRODUCTION, "link-local (RFC 4291)", "IPv6 link-local"),
    ("https://[ff02::1]/", PRODUCTION, "multicast", "IPv6 multicast"),
    ("https://[2001:db8::1]/", PRODUCTION, "documentation (RFC 3849)", "IPv6 documentation"),
    ("https://[100::1]/", PRODUCTION, "discard-only", "discard prefix"),
    ("https://[4000::1]/", PRODUCTION, "outside global unicast", "unassigned IPv6"),
    ("https://224.0.0.1/", PRODUCTION, "multicast (RFC 5771)", "IPv4 multicast"),
    ("https://255.255.255.255/", PRODUCTION, "broadcast", "broadcast"),
    *(
        (f"https://shop.example:{port}/", PRODUCTION, f"Port {port} of shop.example", f"port {port}")
        for port in (22, 25, 6379, 5432, 11211, 2375)
    ),
    (f"https://[{PUBLIC_V6}]:8443/", PRODUCTION, "Port 8443", "a port on a public IPv6 address"),
    (
        "https://shop.example:8443/",
        UrlPolicy.from_entries([], ports=[8443]),
        None,
        "a port listed in FABFLOW_ALLOWED_PORTS",
    ),
    (
        "https://shop.example:6379/",
        UrlPolicy.from_entries([], ports=[8443]),
        "Port 6379",
        "only the listed port",
    ),
    (
        "http://internal.example:6379/",
        UrlPolicy.from_entries(["internal.example"]),
        None,
        "a listed host keeps every port",
    ),
    ("http://127.0.0.1:5432/", UrlPolicy.from_entries(["127.0.0.0/8"]), None, "a listed network"),
    (
        "https://[64:ff9b::a00:1]/",
        UrlPolicy.from_entries(["10.0.0.0/8"]),
        "not a public address",
        "listing 10/8 does not allow its NAT64 form",
    ),
    ("http://shop.example/", PRODUCTION, "must be called over https", "plain http"),
    ("ftp://shop.example/", PRODUCTION, "not an absolute http(s) URL", "other schemes"),
]


@pytest.mark.parametrize(
    ("url", "policy", "refusal"),
    [pytest.param(url, policy, refusal, id=why) for url, policy, refusal, why in CORPUS],
)
async def test_the_corpus(url: str, policy: UrlPolicy, refusal: str | None) -> None:
    if refusal is None:
        target = await check_url(url, policy, resolve)
        assert target.url == url
        return
    with pytest.raises(RefusedUrl) as refused:
        await check_url(url, policy, resolve)
    assert refusal in str(refused.value)


async def test_the_checked_address_is_the_one_connected_to() -> None:
    target = await check_url("https://shop.example/orders?x=1", PRODUCTION, resolve)

    assert target.pinned_url() == f"https://{PUBLIC_V4}:443/orders?x=1"
    assert target.host_header() == "shop.example"


class _Redirector(BaseHTTPRequestHandler):
    """Answers every POST with a 307 to the URL in the server's `location`."""

    def do_POST(self) -> None:
        self.server.calls += 1  # type: ignore[attr-defined]
        self.send_response(307)
        self.send_header("location", self.server.location)  # type: ignore[attr-defined]
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def redirector() -> Iterator[Any]:
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), _Redirector)
    server.calls = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("location", "refusal"),
    [
        ("https://[64:ff9b::a9fe:a9fe]/latest/meta-data", "169.254.169.254"),
        ("https://nat64.example/admin", "64:ff9b::a00:1"),
        ("https://shop.example:6379/", "Port 6379"),
    ],
)
async def test_every_redirect_is_checked(redirector: Any, location: str, refusal: str) -> None:
    redirector.location = location
    policy = UrlPolicy.from_entries(["127.0.0.1"])
    url = f"http://127.0.0.1:{redirector.server_address[1]}/hook"

    with pytest.raises(RefusedUrl) as refused:
        await outbound.post(url, b"{}", {}, policy=policy, resolve=resolve)

    assert refusal in str(refused.value)
    assert redirector.calls == 1
