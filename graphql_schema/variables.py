"""Coerced variable values kept per (operation's variable definitions, variables as JSON).

graphql-core coerces a request's variables against the operation's definitions on every
execution (a list page's filter and cursor: several % of its time), though clients send the
same few variable sets again and again. `cached_variable_values` keeps the coerced result of a
successful coercion in a bounded LRU and hands every request its own copy: new dicts and lists
all the way down, so whatever a resolver does to its arguments never reaches another request.
Only values made of immutable leaves (text, numbers, enum members, dates, UUIDs, …) are kept;
anything else (an upload, a scalar that parses to a mutable object) is coerced afresh, as are
variables that fail coercion (their errors are reported as before).

The key holds the definition nodes themselves, so their id is never reused while an entry
lives; documents come from the document cache, so the same text gives the same nodes.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

import graphql.execution.executor as _executor
import orjson
from graphql import GraphQLSchema, VariableDefinitionNode
from graphql.execution.values import VariableValues, VariableValuesOrErrors, get_variable_values

from graphql_schema.documents import Lru

MAX_ENTRIES = 512
MAX_KEY_BYTES = 4096  # variables longer than this as JSON are not kept
IMMUTABLE = frozenset({str, int, float, bool, type(None), Decimal, UUID, datetime, date, time, timedelta})

Entry = tuple[GraphQLSchema, Collection[VariableDefinitionNode], VariableValues]
_cache: Lru[tuple[int, int, bytes], Entry] = Lru(MAX_ENTRIES)


class _NotKept(Exception):
    """A value with a leaf that is not known to be immutable."""


def cached_variable_values(
    schema: GraphQLSchema,
    var_def_nodes: Collection[VariableDefinitionNode],
    inputs: dict[str, Any],
    max_errors: int | None = None,
    hide_suggestions: bool = False,
) -> VariableValuesOrErrors:
    """`get_variable_values`, from the cache when the same definitions met the same variables."""
    if not var_def_nodes:
        return get_variable_values(schema, var_def_nodes, inputs, max_errors, hide_suggestions)
    try:
        text = orjson.dumps(inputs)
    except TypeError:  # not JSON (an upload): coerced afresh
        return get_variable_values(schema, var_def_nodes, inputs, max_errors, hide_suggestions)
    key = (id(schema), id(var_def_nodes), text)
    entry = _cache.get(key) if len(text) <= MAX_KEY_BYTES else None
    if entry is not None and entry[0] is schema and entry[1] is var_def_nodes:
        return _copy_values(entry[2])
    values = get_variable_values(schema, var_def_nodes, inputs, max_errors, hide_suggestions)
    if isinstance(values, VariableValues) and len(text) <= MAX_KEY_BYTES:
        try:
            kept = _copy_values(values)
        except _NotKept:
            return values
        _cache.put(key, (schema, var_def_nodes, kept))
    return values


def _copy_values(values: VariableValues) -> VariableValues:
    return VariableValues(dict(values.sources), {name: _copy(v) for name, v in values.coerced.items()})


def _copy(value: Any) -> Any:
    kind = value.__class__
    if kind in IMMUTABLE or isinstance(value, Enum):
        return value
    if kind is dict:
        return {k: _copy(v) for k, v in value.items()}
    if kind is list:
        return [_copy(v) for v in value]
    raise _NotKept


def clear() -> None:
    _cache.clear()


def install() -> None:
    """Coerce variables through the cache in every execution (graphql-core's executor looks the
    function up in its module on each `build`)."""
    _executor.get_variable_values = cached_variable_values  # type: ignore[assignment]
