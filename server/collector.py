"""The garbage collector paused while a response is built.

Building an order tree allocates tens of thousands of dicts, lists and rows in one go, none of
them garbage; each 700 allocations start a collection, and every tenth of those a deeper one,
so a large answer pays for several passes over everything the process holds (PERFORMANCE.md:
full collections were the live updates' p99). `collector_paused()` turns the collector off for
such a synchronous stretch and back on when the outermost one ends, even on an error. Keep it
around code that does not await: a pause held across awaits would hold for every other request.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # pauses in progress (nested or in other threads)
_paused_by_us = False  # whether the outermost pause turned the collector off (else it was off already)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside; re-entrant; leaves the collector as it found it."""
    global _depth, _paused_by_us
    with _lock:
        if _depth == 0:
            _paused_by_us = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _paused_by_us:
                gc.enable()
