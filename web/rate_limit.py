"""Failed sign-ins, counted per e-mail and per client address in a sliding window.

Kept in the memory of the process: right for the embedded mode (one process). Behind
several `fabflow serve` processes each keeps its own count, so the effective limit is
multiplied by the number of processes.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOW_SECONDS = 15 * 60
MAX_PER_EMAIL = 5
MAX_PER_ADDRESS = 20


@dataclass
class LoginThrottle:
    window: float = WINDOW_SECONDS
    max_per_email: int = MAX_PER_EMAIL
    max_per_address: int = MAX_PER_ADDRESS
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def retry_after(self, email: str, address: str) -> int:
        """Seconds until a new attempt is allowed; 0 when it is allowed now."""
        now = self.clock()
        waits = [
            self._wait(f"e:{email.strip().lower()}", self.max_per_email, now),
            self._wait(f"a:{address}", self.max_per_address, now),
        ]
        return max(waits)

    def failed(self, email: str, address: str) -> None:
        now = self.clock()
        for key in (f"e:{email.strip().lower()}", f"a:{address}"):
            self._failures[key].append(now)

    def succeeded(self, email: str) -> None:
        self._failures.pop(f"e:{email.strip().lower()}", None)

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


throttle = LoginThrottle()
