"""Where each value of a JSON text starts: JSON pointer → line number, to show errors on their line."""

from __future__ import annotations

import bisect
import re
from json.decoder import scanstring  # type: ignore[attr-defined]

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.starts: dict[str, int] = {}

    def skip(self) -> None:
        match = _WS.match(self.text, self.at)
        self.at = match.end() if match else self.at

    def value(self, pointer: str) -> None:
        self.skip()
        self.starts[pointer] = self.at
        char = self.text[self.at]
        if char == "{":
            self._object(pointer)
        elif char == "[":
            self._array(pointer)
        elif char == '"':
            _, self.at = scanstring(self.text, self.at + 1)
        else:
            match = _SCALAR.match(self.text, self.at)
            if match is None:
                raise ValueError("not JSON")
            self.at = match.end()

    def _object(self, pointer: str) -> None:
        self.at += 1
        self.skip()
        if self.text[self.at] == "}":
            self.at += 1
            return
        while True:
            self.skip()
            key, self.at = scanstring(self.text, self.at + 1)
            self.skip()
            self.at += 1  # the colon
            self.value(f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
            self.skip()
            closing = self.text[self.at] == "}"
            self.at += 1
            if closing:
                return

    def _array(self, pointer: str) -> None:
        self.at += 1
        self.skip()
        if self.text[self.at] == "]":
            self.at += 1
            return
        index = 0
        while True:
            self.value(f"{pointer}/{index}")
            index += 1
            self.skip()
            closing = self.text[self.at] == "]"
            self.at += 1
            if closing:
                return


def pointer_lines(text: str) -> dict[str, int]:
    """Line (from 1) where each value starts; empty when the text is not JSON."""
    scanner = _Scanner(text)
    try:
        scanner.value("")
    except (ValueError, IndexError):
        return {}
    breaks = [i for i, char in enumerate(text) if char == "\n"]
    return {pointer: bisect.bisect_left(breaks, start) + 1 for pointer, start in scanner.starts.items()}


def line_of(lines: dict[str, int], pointer: str) -> int | None:
    """The line of `pointer`, or of its nearest ancestor that exists (a missing key is reported there)."""
    while True:
        if pointer in lines:
            return lines[pointer]
        if not pointer:
            return None
        pointer = pointer.rpartition("/")[0]
