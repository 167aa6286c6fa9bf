"""Outbound calls under the address rules of `webhooks`: every hop checked, the checked address used.

`post` (and `send`, any method): one call. Redirects are followed by hand (at most `MAX_REDIRECTS`):
307 and 308 repeat the request with its body, 301, 302 and 303 continue with a GET, as browsers do.
Each hop's URL passes `check_url` first. Only the start of the final answer is read: the first KiB,
or `read_limit` bytes.

`get_file`: one limited GET of a file (exports fetch files kept at outside URLs): the same check on
every hop of its redirects, a cap on the bytes read (a larger `Content-Length` is refused before the
body is read) and on the time the whole fetch takes, redirects included. It never raises for what
the other side does: the result says why nothing (or not all) came.

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
from typing import IO
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
    read_limit: int = EXCERPT_BYTES,
) -> CallResult:
    """POST `body` to `url`; raises `RefusedUrl` when a hop is not allowed, else reports what happened."""
    return await send(
        "POST", url, body, headers, policy=policy, timeout=timeout, resolve=resolve, read_limit=read_limit
    )


async def send(
    method: str,
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    policy: UrlPolicy,
    timeout: float = 30.0,
    resolve: Resolver | None = None,
    read_limit: int = EXCERPT_BYTES,
) -> CallResult:
    """Send `method` with `body` to `url`, as `post` does."""
    started = time.monotonic()
    content = body
    for _ in range(MAX_REDIRECTS + 1):
        try:
            target = await check_url(url, policy, resolve)
            response = await _send(_client(target), target, method, content, headers, timeout, read_limit)
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
    read_limit: int,
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
        excerpt = await _read_start(response, read_limit)
    finally:
        await response.aclose()
    answer = response.headers
    return response.status_code, excerpt, answer.get("location"), answer.get("retry-after", "")


async def _read_start(response: httpx.Response, limit: int) -> str:
    received = b""
    async for chunk in response.aiter_bytes():
        received += chunk
        if len(received) >= limit:
            break
    return received[:limit].decode("utf-8", errors="replace")


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text


@dataclass(frozen=True)
class FetchResult:
    url: str  # the URL that gave the final answer (or failed)
    size: int = 0  # bytes written to the target
    reason: str = ""  # why the file did not come, "" when it did

    @property
    def ok(self) -> bool:
        return not self.reason


async def get_file(
    url: str,
    target: IO[bytes],
    *,
    policy: UrlPolicy,
    max_bytes: int,
    timeout: float,
    resolve: Resolver | None = None,
) -> FetchResult:
    """GET `url` into `target` (at most `max_bytes`, within `timeout` seconds for everything).

    On failure `target` may hold part of the body; the caller throws it away.
    """
    current = url
    try:
        async with (
            asyncio.timeout(timeout),
            httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client,
        ):
            for _ in range(MAX_REDIRECTS + 1):
                target_address = await check_url(current, policy, resolve)
                outcome = await _fetch_hop(client, target_address, target, max_bytes)
                if isinstance(outcome, str):
                    current = urljoin(current, outcome)
                    continue
                return FetchResult(current, outcome[0], outcome[1])
            return FetchResult(current, reason=f"more than {MAX_REDIRECTS} redirects")
    except RefusedUrl as exc:
        return FetchResult(current, reason=f"refused: {exc}")
    except TimeoutError:
        return FetchResult(current, reason=f"took longer than {timeout:g} s")
    except (httpx.HTTPError, UnresolvedHost, OSError) as exc:
        return FetchResult(current, reason=_describe(exc))


async def _fetch_hop(
    client: httpx.AsyncClient, target_address: Target, out: IO[bytes], max_bytes: int
) -> str | tuple[int, str]:
    """A redirect's location, or (bytes written, reason or "")."""
    request = client.build_request(
        "GET",
        target_address.pinned_url(),
        headers={"host": target_address.host_header(), "accept": "*/*"},
        extensions={"sni_hostname": target_address.host} if target_address.scheme == "https" else {},
    )
    response = await client.send(request, stream=True)
    try:
        location = response.headers.get("location")
        if response.status_code in REDIRECTS and location:
            return location
        if response.status_code != 200:
            return 0, f"answered {response.status_code}"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            return 0, f"larger than {max_bytes:,} bytes ({int(declared):,} declared)"
        written = 0
        async for chunk in response.aiter_bytes():
            written += len(chunk)
            if written > max_bytes:
                return written, f"larger than {max_bytes:,} bytes"
            out.write(chunk)
        return written, ""
    finally:
        await response.aclose()
