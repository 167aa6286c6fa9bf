"""Bulk reads of order-tree rows: one SELECT per call, rows built positionally.

Tortoise's `.values()` passes every value of every row through its field's Python
conversion and builds a dict per row. asyncpg already decodes UUIDs, date-times,
decimals and booleans, so on PostgreSQL only JSON and enum columns are converted
here and each row is built straight from the record; SQLite hands back text for
most types, so there every column goes through its model field's conversion.

Ids are one array parameter on PostgreSQL (`= ANY($1::uuid[])`: one statement text,
whatever the number of ids) and a list of placeholders on SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar
from uuid import UUID

from tortoise import connections
from tortoise.fields import JSONField
from tortoise.fields.data import CharEnumFieldInstance, IntEnumFieldInstance
from tortoise.models import Model

from server.collector import collector_paused
from server.services.orders.rows import column_names

RowT = TypeVar("RowT")
Record = Sequence[Any]
# Field kinds asyncpg does not decode into what the rows hold.
CONVERTED_ON_POSTGRES = (JSONField, CharEnumFieldInstance, IntEnumFieldInstance)

_READERS: dict[tuple[type, type[Model], bool], Callable[[Record], Any]] = {}


async def select_rows(
    model: type[Model],
    row_type: type[RowT],
    ids: Collection[UUID],
    *,
    by: str,
    order_by: str,
    join: str = "",
) -> list[RowT]:
    """Rows of `model`'s table (alias `t`) whose `by` column is one of `ids`, in `order_by` order."""
    if not ids:
        return []
    connection = connections.get("default")
    sqlite = connection.capabilities.dialect == "sqlite"
    condition, values = _any_of(by, ids, sqlite)
    columns = ", ".join(f"t.{name}" for name in column_names(row_type))
    sql = f'SELECT {columns} FROM "{model._meta.db_table}" t{join} WHERE {condition} ORDER BY {order_by}'
    _, records = await connection.execute_query(sql, values)
    read = _reader(row_type, model, sqlite)
    with collector_paused():  # thousands of rows, no garbage among them
        return [read(record) for record in records]


def _any_of(column: str, ids: Collection[UUID], sqlite: bool) -> tuple[str, list[Any]]:
    if sqlite:
        return f"{column} IN ({', '.join('?' * len(ids))})", [str(i) for i in ids]
    return f"{column} = ANY($1::uuid[])", [list(ids)]


def _reader(row_type: type[RowT], model: type[Model], sqlite: bool) -> Callable[[Record], RowT]:
    key = (row_type, model, sqlite)
    found = _READERS.get(key)
    if found is None:
        found = _READERS[key] = _make_reader(row_type, model, sqlite)
    return found


def _make_reader(row_type: type[RowT], model: type[Model], sqlite: bool) -> Callable[[Record], RowT]:
    fields = model._meta.fields_map
    conversions = [
        (index, fields[name].to_python_value)
        for index, name in enumerate(column_names(row_type))
        if sqlite or isinstance(fields[name], CONVERTED_ON_POSTGRES)
    ]
    if not conversions:
        return lambda record: row_type(*record)

    def read(record: Record) -> RowT:
        values = list(record)
        for index, convert in conversions:
            values[index] = convert(values[index])
        return row_type(*values)

    return read
