"""Readers of single JSON values from clients: each returns the clean value or raises `BadValue`.

They take what `json.loads` (or a GraphQL `JSON` scalar) produced, so they see `dict`, `list`, `str`,
`int`, `float`, `bool` and `None`, and describe a wrong value in a sentence a client can act on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

MAX_URL_LENGTH = 2000
# How deep free-form `data` may nest; deeper input is refused rather than risk recursion limits later.
MAX_DATA_DEPTH = 32
CENT = Decimal("0.01")
_BLANK = re.compile(r"\s")
# The common URL, told valid without the full parser: lower-case scheme, a plain host name (an optional
# port), then anything without blanks. Everything it matches, the full check accepts too.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:[/?#]\S*)?")


class BadValue(ValueError):
    """Why one value is not acceptable; `code` is the machine-readable kind of problem."""

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def kind_of(value: object) -> str:
    """What a JSON value is, in words: `a list`, `null`, `a number`…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def quoted(value: str, limit: int = 60) -> str:
    """`value` in quotes for a message, shortened when long."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return f"'{shown}'"


def text(max_length: int, allow_empty: bool = False) -> Callable[[object], str]:
    """A reader of strings of at most `max_length` characters (surrounding blanks count as empty)."""

    def read(value: object) -> str:
        if not isinstance(value, str):
            raise BadValue(f"must be a string, not {kind_of(value)}")
        if not allow_empty and not value.strip():
            raise BadValue("must not be empty", "required")
        if len(value) > max_length:
            raise BadValue(f"must be at most {max_length} characters (it has {len(value)})")
        return value

    return read


def http_url(value: object) -> str:
    """An absolute `http` or `https` URL with a host."""
    if not isinstance(value, str):
        raise BadValue(f"must be a URL string, not {kind_of(value)}")
    if len(value) > MAX_URL_LENGTH:
        raise BadValue(f"must be at most {MAX_URL_LENGTH} characters")
    if _PLAIN_URL.fullmatch(value) or _is_http_url(value):
        return value
    raise BadValue(f"{quoted(value)} is not an http or https URL")


def _is_http_url(value: str) -> bool:
    """The full check: an http(s) scheme, a host, no blanks; a URL the parser refuses is none."""
    try:
        parts = urlsplit(value)
        has_host = bool(parts.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket: `https://[::1/x`
        return False
    return parts.scheme.lower() in ("http", "https") and has_host and not _BLANK.search(value)


def timestamp(value: object) -> datetime:
    """An ISO 8601 date or date-time, in UTC; one without a time zone is taken as UTC."""
    if not isinstance(value, str):
        raise BadValue(f"must be an ISO 8601 date-time string, not {kind_of(value)}")
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadValue(f"{quoted(value)} is not an ISO 8601 date-time (e.g. 2026-12-05T17:00:00Z)") from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def iso(moment: datetime) -> str:
    """The UTC ISO 8601 text of a moment, with `Z`: what Fabflow sends back."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def whole_number(minimum: int, maximum: int) -> Callable[[object], int]:
    """A reader of integers in [minimum, maximum]; `2.0` counts as 2, `2.5` and `true` do not."""

    def read(value: object) -> int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValue(f"must be a whole number, not {_shown(value)}")
        if not minimum <= value <= maximum:
            raise BadValue(f"must be between {minimum} and {maximum}, not {_shown(value)}")
        return value

    return read


def money(maximum: Decimal) -> Callable[[object], Decimal]:
    """A reader of amounts ≥ 0 with at most two decimals, from a number or a string.

    Numbers are read through their shortest text (`Decimal(str(x))`), so `4.5` is 4.50 and not the
    binary fraction nearest to it.
    """

    def read(value: object) -> Decimal:
        amount = _decimal(value)
        if amount < 0:
            raise BadValue("must be 0 or more")
        if amount >= maximum:
            raise BadValue(f"must be less than {maximum}")
        if amount != amount.quantize(CENT):
            raise BadValue(f"must have at most 2 decimal places, not {amount}")
        return amount.quantize(CENT)

    return read


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadValue(f"must be a number or a decimal string, not {kind_of(value)}")
    try:
        amount = Decimal(value) if isinstance(value, int) else Decimal(str(value).strip())
    except InvalidOperation:
        raise BadValue(f"{quoted(str(value))} is not a decimal number") from None
    if not amount.is_finite():
        raise BadValue(f"must be a finite number, not {value}")
    return amount


def _shown(value: object) -> str:
    """A number as written, or what kind of value it is instead."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return kind_of(value)
    try:
        return str(value)
    except ValueError:  # an integer too long to turn into text
        return "a number with too many digits"


def flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"must be true or false, not {kind_of(value)}")
    return value


def json_object(value: object) -> dict[str, Any]:
    """A free-form object (`data`): JSON values only, string keys, finite numbers, bounded depth."""
    if not isinstance(value, dict):
        raise BadValue(f"must be an object, not {kind_of(value)}")
    problem = _free_json_problem(value)
    if problem:
        raise BadValue(problem)
    return value


def _free_json_problem(root: dict[str, Any]) -> str | None:
    """What makes `root` unfit to store as JSON, found without recursion; None when it is fine."""
    stack: list[tuple[object, int]] = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DATA_DEPTH:
            return f"nests deeper than {MAX_DATA_DEPTH} levels"
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                return "has a key that is not a string"
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
        elif isinstance(value, float) and not math.isfinite(value):
            return f"holds {value}, which is not a JSON number"
        elif value is not None and not isinstance(value, str | int | float | bool):
            return f"holds a {type(value).__name__}, which is not a JSON value"
    return None
