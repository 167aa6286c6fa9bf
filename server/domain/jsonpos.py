"""JSON text → value, with errors that say where: line and column for syntax, JSON pointers for values.

`json.loads` alone is not enough for user-written JSON: its messages are terse, it accepts `NaN` and
`Infinity` (not JSON), and it raises `RecursionError` or `ValueError` (huge integers) on hostile input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

_NON_JSON_CONSTANTS = ("-Infinity", "Infinity", "NaN")

# What `json` says → what a person needs to hear.
_FRIENDLY = {
    "Expecting value": "a value was expected here (text must be in double quotes; "
    "a list or object must not end with a comma)",
    "Invalid \\escape": "a backslash starts an escape JSON does not know (a backslash at the end of a line "
    "does not continue a string in JSON; write \\\\ for a backslash)",
    "Invalid control character at": "a string holds a raw line break or tab (write \\n or \\t instead)",
    "Unterminated string starting at": "a string is not closed with a double quote",
    "Expecting ',' delimiter": "a comma (or a closing bracket) was expected here",
    "Expecting ':' delimiter": "a colon was expected after the key",
    "Expecting property name enclosed in double quotes": "a key in double quotes was expected here "
    "(an object must not end with a comma)",
    "Extra data": "there is more text after the end of the JSON value",
}


@dataclass(frozen=True)
class JsonSyntaxError:
    """Why a text is not JSON, and where (1-based line and column, counting characters)."""

    message: str
    line: int
    column: int


class _NonJsonConstant(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _NonJsonConstant(name)


def loads(text: str | bytes) -> tuple[Any, JsonSyntaxError | None]:
    """Parse JSON text; return `(value, None)` or `(None, error)`. Never raises."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, JsonSyntaxError(f"The text is not UTF-8 (byte {exc.start + 1}).", 1, 1)
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text, parse_constant=_reject_constant), None
    except json.JSONDecodeError as exc:
        return None, syntax_error(exc)
    except _NonJsonConstant as exc:
        line, column = locate_outside_strings(text, str(exc))
        message = f"The text is not valid JSON: {exc} is not a JSON value, at line {line}, column {column}."
        return None, JsonSyntaxError(message, line, column)
    except RecursionError:
        return None, JsonSyntaxError("The text is not usable JSON: it is nested too deeply.", 1, 1)
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        return None, JsonSyntaxError(f"The text is not usable JSON: {exc}.", 1, 1)


def syntax_error(exc: json.JSONDecodeError) -> JsonSyntaxError:
    friendly = _FRIENDLY.get(exc.msg, exc.msg[:1].lower() + exc.msg[1:])
    message = f"The text is not valid JSON: {friendly}, at line {exc.lineno}, column {exc.colno}."
    return JsonSyntaxError(message, exc.lineno, exc.colno)


def locate_outside_strings(text: str, token: str) -> tuple[int, int]:
    """Line and column of the first `token` that is not inside a JSON string (1, 1 if none)."""
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            in_string = True
        elif text.startswith(token, index):
            return position(text, index)
    return 1, 1


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def pointer(*tokens: str | int) -> str:
    """A JSON pointer (RFC 6901) from unescaped tokens: `pointer("a/b", 0)` → `/a~1b/0`."""
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in tokens)


def child(base: str, *tokens: str | int) -> str:
    """`base` extended by more tokens."""
    return base + pointer(*tokens)
