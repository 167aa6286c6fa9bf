"""One outbound call under the address rules of `webhooks`: every hop checked, the checked address used.

Redirects are followed by hand (at most `MAX_REDIRECTS`): 307 and 308 repeat the request with its
body, 301, 302 and 303 continue with a GET, as browsers do. Each hop's URL passes `check_url` first.
Only the start of the final answer is read: the first KiB, or `read_limit` bytes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from server.services.webhooks import RefusedUrl, Resolver, Target, UnresolvedHost, UrlPolicy, check_url

MAX_REDIRECTS = 5
EXCERPT_BYTES = 1024
REDIRECTS = (301, 302, 303, 307, 308)


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
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                target = await check_url(url, policy, resolve)
                response = await _send(client, target, method, content, headers, read_limit)
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


async def _send(
    client: httpx.AsyncClient,
    target: Target,
    method: str,
    content: bytes,
    headers: dict[str, str],
    read_limit: int,
) -> tuple[int, str, str | None, str]:
    request = client.build_request(
        method,
        target.pinned_url(),
        content=content or None,
        headers={**headers, "host": target.host_header()},
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
