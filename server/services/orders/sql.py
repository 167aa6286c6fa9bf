"""Small helpers for the hand-written list SQL of the read side: parameters, keyset cursors.

The lists are written as SQL rather than Tortoise querysets because they need what
the ORM cannot say portably: NULLS LAST, numeric order of decimals that SQLite keeps
as text, "any of these tags" over a JSON array, and keyset conditions on joined columns.
Everything is parameterised; no value is ever formatted into the SQL text.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, overload
from uuid import UUID

from server.services.errors import FieldError, ValidationFailed


class Kind(StrEnum):
    """How a sort value travels through a cursor and comes back as a parameter."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"  # Decimal on PostgreSQL, REAL (CAST) on SQLite
    DATETIME = "datetime"  # timestamptz on PostgreSQL, the stored UTC text on SQLite
    JULIAN = "julian"  # SQLite julianday(): a float, exact across stored UTC offsets
    UUID = "uuid"


class Params:
    """Collects positional parameters and renders the dialect's placeholder."""

    def __init__(self, dialect: str) -> None:
        self.sqlite = dialect == "sqlite"
        self.values: list[Any] = []

    def __call__(self, value: Any) -> str:
        if self.sqlite and isinstance(value, UUID):
            value = str(value)
        self.values.append(value)
        return "?" if self.sqlite else f"${len(self.values)}"


def like_pattern(text: str) -> str:
    """`%text%` for `LIKE … ESCAPE '\\'`, lower-cased, with LIKE's wildcards escaped."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def parse_uuid(text: str) -> UUID | None:
    try:
        return UUID(text.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class CursorValue:
    value: Any
    id: Any


def encode_cursor(field: str, value: Any, row_id: Any) -> str:
    payload = json.dumps([field, _jsonable(value), str(row_id)], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


class Cursors(Sequence[str]):
    """A page's cursors, each encoded when first read: most readers only want the last one."""

    __slots__ = ("_encoded", "_field", "_keys")

    def __init__(self, field: str, keys: list[tuple[Any, Any]]) -> None:
        self._field = field
        self._keys = keys  # (sort value, id) per row
        self._encoded: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._keys)))]
        if index < 0:
            index += len(self._keys)
        if not 0 <= index < len(self._keys):
            raise IndexError("cursor index out of range")
        cursor = self._encoded.get(index)
        if cursor is None:
            value, row_id = self._keys[index]
            cursor = self._encoded[index] = encode_cursor(self._field, value, row_id)
        return cursor


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    return value


def decode_cursor(cursor: str, field: str, kind: Kind, nullable: bool, sqlite: bool) -> CursorValue:
    """The sort value and id of `cursor`, typed for the query; ValidationFailed if it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, value, row_id = json.loads(raw)
        if name != field:
            raise ValueError("cursor of another sort order")
        typed_id = UUID(row_id)
        typed = None if value is None and nullable else _typed(kind, value)
    except (ValueError, TypeError, ArithmeticError, binascii.Error, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            "The cursor is not valid for this list and sort order.",
            [FieldError("after", "is not a cursor of this list and sort order", "invalid_cursor")],
        ) from exc
    return CursorValue(typed, str(typed_id) if sqlite else typed_id)


def _typed(kind: Kind, value: Any) -> Any:
    if kind is Kind.TEXT and isinstance(value, str):
        return value
    if kind is Kind.INT and isinstance(value, int):
        return value
    if kind is Kind.NUMBER and isinstance(value, (int, float)):
        return float(value)  # SQLite: CAST(... AS REAL)
    if kind is Kind.NUMBER and isinstance(value, str):
        return Decimal(value)
    if kind is Kind.JULIAN and isinstance(value, (int, float)):
        return float(value)
    if kind is Kind.DATETIME and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind is Kind.UUID and isinstance(value, str):
        return UUID(value)
    raise ValueError(f"a {kind} cursor value cannot be {value!r}")
