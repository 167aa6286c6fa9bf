"""One outbound POST under the address rules of `webhooks`: every hop checked, the checked address used.

Redirects are followed by hand (at most `MAX_REDIRECTS`): 307 and 308 repeat the POST with its body,
301, 302 and 303 continue with a GET, as browsers do. Each hop's URL passes `check_url` first.
Only the first KiB of the final answer is read.

Calls reuse connections: each event loop keeps one `httpx.AsyncClient` per (scheme, host name,
port) that was called, at most `MAX_CLIENTS` of them (the least recently used is closed). A client
per host name, not one for all: the connection goes to the checked address, and a TLS connection
made for one name must never carry a request for another name that resolves to the same address.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from server.services.webhooks import RefusedUrl, Resolver, Target, UnresolvedHost, UrlPolicy, check_url

MAX_REDIRECTS = 5
EXCERPT_BYTES = 1024
REDIRECTS = (301, 302, 303, 307, 308)
MAX_CLIENTS = 64
ClientKey = tuple[str, str, int]
_CLIENTS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, OrderedDict[ClientKey, httpx.AsyncClient]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True)
class CallResult:
    url: str  # the URL that gave the final answer (or failed)
    status_code: int | None  # None when no answer came
    duration_ms: int
    excerpt: str  # the first KiB of the answer's body
    error: str = ""
    retry_after: str = ""  # the answer's Retry-After header, if any


async def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    policy: UrlPolicy,
    timeout: float = 30.0,
    resolve: Resolver | None = None,
) -> CallResult:
    """POST `body` to `url`; raises `RefusedUrl` when a hop is not allowed, else reports what happened."""
    started = time.monotonic()
    method, content = "POST", body
    for _ in range(MAX_REDIRECTS + 1):
        try:
            target = await check_url(url, policy, resolve)
            response = await _send(_client(target), target, method, content, headers, timeout)
        except RefusedUrl:
            raise
        except (httpx.HTTPError, UnresolvedHost, OSError) as exc:
            return CallResult(url, None, _ms(started), "", _describe(exc))
        status, excerpt, location, retry_after = response
        if status not in REDIRECTS or not location:
            return CallResult(url, status, _ms(started), excerpt, retry_after=retry_after)
        url = urljoin(url, location)
        if status in (301, 302, 303):
            method, content = "GET", b""
    return CallResult(url, None, _ms(started), "", f"More than {MAX_REDIRECTS} redirects.")


def _client(target: Target) -> httpx.AsyncClient:
    """This loop's client for the target's scheme, host name and port (made on first use)."""
    clients = _CLIENTS.setdefault(asyncio.get_running_loop(), OrderedDict())
    key = (target.scheme, target.host.lower(), target.port)
    client = clients.get(key)
    if client is not None and not client.is_closed:
        clients.move_to_end(key)
        return client
    client = httpx.AsyncClient(follow_redirects=False)
    clients[key] = client
    while len(clients) > MAX_CLIENTS:
        _, oldest = clients.popitem(last=False)
        _close_later(oldest)
    return client


def _close_later(client: httpx.AsyncClient) -> None:
    task = asyncio.get_running_loop().create_task(client.aclose())
    task.add_done_callback(lambda done: done.cancelled() or done.exception())


async def close_clients() -> None:
    """Close this loop's clients (their connections); the next call makes new ones."""
    clients = _CLIENTS.pop(asyncio.get_running_loop(), OrderedDict())
    for client in clients.values():
        with contextlib.suppress(Exception):
            await client.aclose()


async def _send(
    client: httpx.AsyncClient,
    target: Target,
    method: str,
    content: bytes,
    headers: dict[str, str],
    timeout: float,
) -> tuple[int, str, str | None, str]:
    request = client.build_request(
        method,
        target.pinned_url(),
        content=content or None,
        headers={**headers, "host": target.host_header()},
        timeout=timeout,
        extensions={"sni_hostname": target.host} if target.scheme == "https" else {},
    )
    response = await client.send(request, stream=True)
    try:
        excerpt = await _read_start(response)
    finally:
        await response.aclose()
    answer = response.headers
    return response.status_code, excerpt, answer.get("location"), answer.get("retry-after", "")


async def _read_start(response: httpx.Response) -> str:
    received = b""
    async for chunk in response.aiter_bytes():
        received += chunk
        if len(received) >= EXCERPT_BYTES:
            break
    return received[:EXCERPT_BYTES].decode("utf-8", errors="replace")


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text
