"""Whether a JSON text nests too deeply, found without parsing it.

`json.loads` recurses once per nested array or object, so a small text of a few thousand brackets
raises `RecursionError` before any check could look at the value. This scan works on the raw
bytes, with no recursion: strings are cut out (brackets inside them do not count), every opening
bracket becomes +1, every closing one -1, anything else 0, and the running sum's maximum is the
depth (summed by numpy: a 2 MiB text of brackets takes milliseconds).
"""

from __future__ import annotations

import re

import numpy as np

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_STEPS = bytes(1 if byte in b"[{" else 255 if byte in b"]}" else 0 for byte in range(256))


def nesting_depth(text: bytes) -> int:
    """The deepest nesting of arrays and objects in `text` (0 for a scalar).

    For malformed text it is the deepest a parser could get before failing, so a limit checked
    with it is never passed by broken input either.
    """
    steps = np.frombuffer(_STRING.sub(b"", text).translate(_STEPS), dtype=np.int8)
    if steps.size == 0:
        return 0
    return max(int(steps.cumsum(dtype=np.int64).max()), 0)


def exceeds_depth(text: bytes, max_depth: int) -> bool:
    """True when `text` nests arrays and objects deeper than `max_depth` levels."""
    if text.count(b"[") + text.count(b"{") <= max_depth:
        return False  # too few brackets to nest that deep: the common case costs two counts
    return nesting_depth(text) > max_depth
