"""Failed sign-ins, counted per e-mail and per client address in a sliding window.

In production the counts live in Redis, so every `fabflow serve` process behind one address
counts together (`RedisLoginThrottle`). The embedded mode is one process by design and keeps
them in its memory (`LoginThrottle`). `login_throttle()` picks the one of the mode.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from server import settings

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 15 * 60
MAX_PER_EMAIL = 5
MAX_PER_ADDRESS = 20


class Throttle(Protocol):
    async def retry_after(self, email: str, address: str) -> int: ...

    async def failed(self, email: str, address: str) -> None: ...

    async def succeeded(self, email: str) -> None: ...


def _keys(email: str, address: str) -> tuple[str, str]:
    return f"e:{email.strip().lower()}", f"a:{address}"


@dataclass
class LoginThrottle:
    """In the memory of the process: the embedded mode's throttle."""

    window: float = WINDOW_SECONDS
    max_per_email: int = MAX_PER_EMAIL
    max_per_address: int = MAX_PER_ADDRESS
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    async def retry_after(self, email: str, address: str) -> int:
        """Seconds until a new attempt is allowed; 0 when it is allowed now."""
        now = self.clock()
        by_email, by_address = _keys(email, address)
        waits = [
            self._wait(by_email, self.max_per_email, now),
            self._wait(by_address, self.max_per_address, now),
        ]
        return max(waits)

    async def failed(self, email: str, address: str) -> None:
        now = self.clock()
        for key in _keys(email, address):
            self._failures[key].append(now)

    async def succeeded(self, email: str) -> None:
        self._failures.pop(_keys(email, "")[0], None)

    def _wait(self, key: str, limit: int, now: float) -> int:
        times = self._failures.get(key)
        if not times:
            return 0
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0
        if len(times) < limit:
            return 0
        return max(1, int(times[0] + self.window - now) + 1)


class RedisLoginThrottle:
    """In Redis: one sorted set of failure times per e-mail (hashed) and per address, shared by
    every process. When Redis cannot be reached sign-ins are let through (and it is logged): an
    unreachable Redis must not lock every user out."""

    PREFIX = "fabflow:login-failures:"

    def __init__(
        self,
        url: str,
        window: float = WINDOW_SECONDS,
        max_per_email: int = MAX_PER_EMAIL,
        max_per_address: int = MAX_PER_ADDRESS,
    ) -> None:
        self.url = url
        self.window = window
        self.max_per_email = max_per_email
        self.max_per_address = max_per_address
        self._clients: dict[int, Any] = {}

    def _client(self) -> Any:
        import redis.asyncio as aioredis

        loop = id(asyncio.get_running_loop())  # a client belongs to the loop that made it
        client = self._clients.get(loop)
        if client is None:
            client = self._clients[loop] = aioredis.Redis.from_url(self.url, socket_timeout=2)
        return client

    def _key(self, key: str) -> str:
        return self.PREFIX + hashlib.sha256(key.encode()).hexdigest()[:32]

    async def retry_after(self, email: str, address: str) -> int:
        by_email, by_address = _keys(email, address)
        try:
            waits = [
                await self._wait(self._key(by_email), self.max_per_email),
                await self._wait(self._key(by_address), self.max_per_address),
            ]
        except Exception as exc:  # Redis away: let the sign-in through
            logger.warning("login throttle: Redis cannot be reached (%s); not throttling", exc)
            return 0
        return max(waits)

    async def _wait(self, key: str, limit: int) -> int:
        now = time.time()
        client = self._client()
        async with client.pipeline(transaction=True) as pipe:
            pipe.zremrangebyscore(key, "-inf", now - self.window)
            pipe.zcard(key)
            pipe.zrange(key, 0, 0, withscores=True)
            _, count, oldest = await pipe.execute()
        if count < limit or not oldest:
            return 0
        return max(1, int(float(oldest[0][1]) + self.window - now) + 1)

    async def failed(self, email: str, address: str) -> None:
        now = time.time()
        try:
            async with self._client().pipeline(transaction=True) as pipe:
                for key in map(self._key, _keys(email, address)):
                    pipe.zadd(key, {f"{now}:{secrets.token_hex(4)}": now})
                    pipe.expire(key, int(self.window) + 1)
                await pipe.execute()
        except Exception as exc:
            logger.warning("login throttle: Redis cannot be reached (%s); failure not counted", exc)

    async def succeeded(self, email: str) -> None:
        try:
            await self._client().delete(self._key(_keys(email, "")[0]))
        except Exception as exc:
            logger.warning("login throttle: Redis cannot be reached (%s)", exc)


throttle = LoginThrottle()
_shared: RedisLoginThrottle | None = None


def login_throttle() -> Throttle:
    """Redis in production (every process counts together), the process's memory when embedded."""
    global _shared
    if not settings.REDIS_URL:
        return throttle
    if _shared is None or _shared.url != settings.REDIS_URL:
        _shared = RedisLoginThrottle(settings.REDIS_URL)
    return _shared
