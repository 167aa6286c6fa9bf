"""List fields resolved without Strawberry's per-request wrapping, where that wrapping is known.

Strawberry wraps every resolver: it builds its `Info`, converts the arguments into input
objects (a tenth of a filtered page's time), runs the field extensions through a chain of
partials and calls the resolver with Python names. For a list field whose only extension is
`PermissionExtension` with `Permitted`, `direct_list` does the same steps in the same order
without the generic machinery:

1. the arguments converted by Strawberry's own `convert_arguments`, then into the list's
   `ListFilter` and `Sort` (frozen values); both are kept per field and argument values in a
   bounded LRU (`MAX_ARGUMENTS`), so a page asked for again skips the conversion;
2. each permission's `has_permission` with a Strawberry `Info`, and its `on_unauthorized`
   error when refused, as `PermissionExtension` does;
3. the same list body as the Strawberry resolver (`graphql_schema.orders.queries`).

A conversion error (raised before the permission check, as in Strawberry) is never kept. A
field that does not meet these conditions keeps Strawberry's resolver (`install_direct_lists`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

import strawberry
from graphql import GraphQLField, GraphQLResolveInfo
from strawberry import Info
from strawberry.permission import PermissionExtension
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField
from strawberry.utils.await_maybe import await_maybe

from graphql_schema.documents import Lru
from graphql_schema.permissions import Permitted

MAX_ARGUMENTS = 1024  # converted argument sets kept per schema
MAX_KEPT_TEXT = 256  # a longer string argument is converted afresh each time, not kept

# Leaf types whose equal values (of the same type) convert to equal Python values.
_PLAIN_LEAVES = (str, int, float, bool, Enum, UUID, Decimal, date, time)

Converted = tuple[Any, ...]  # what `convert` makes of the Strawberry arguments (immutable values)
Convert = Callable[[dict[str, Any]], Converted]
Body = Callable[[GraphQLResolveInfo, Converted, dict[str, Any]], Awaitable[Any]]


class _Unkeyable(Exception):
    """An argument value that is not kept: its conversion runs every time."""


def argument_key(value: Any) -> Any:
    """A hashable key of graphql-core's coerced argument values; equal keys convert alike.

    Raises `_Unkeyable` for a value of another type or a long string.
    """
    if value is None:
        return None
    if isinstance(value, dict):
        return (dict, tuple(sorted((name, argument_key(item)) for name, item in value.items())))
    if isinstance(value, list):
        return (list, tuple(argument_key(item) for item in value))
    if isinstance(value, str) and len(value) > MAX_KEPT_TEXT:
        raise _Unkeyable
    if isinstance(value, datetime):  # equal instants in other zones convert to other values
        return (datetime, value, repr(value.tzinfo))
    if isinstance(value, _PLAIN_LEAVES):
        return (type(value), value)
    raise _Unkeyable


def direct_list(
    converter: GraphQLCoreConverter, field: StrawberryField, convert: Convert, body: Body
) -> Callable[..., Awaitable[Any]]:
    """The resolver of a list field `field` (see the module's docstring)."""
    extension = field.extensions[0]
    assert isinstance(extension, PermissionExtension)
    permissions = tuple(extension.permissions)
    scalars, config = converter.scalar_registry, converter.config
    info_class = config.info_class
    kept: Lru[Any, Converted] = Lru(MAX_ARGUMENTS)

    async def resolve(root: Any, info: GraphQLResolveInfo, **arguments: Any) -> Any:
        strawberry_info: Info[Any, Any] = info_class(_raw_info=info, _field=field)
        try:
            key: Any = argument_key(arguments)
        except _Unkeyable:
            key = None
        converted = kept.get(key) if key is not None else None
        python_arguments: dict[str, Any] | None = None
        if converted is None:
            python_arguments = convert_arguments(arguments, field.arguments, scalars, config, strawberry_info)
        checked = python_arguments or {}
        for permission in permissions:
            allowed = await await_maybe(permission.has_permission(root, strawberry_info, **checked))
            if not allowed:
                permission.on_unauthorized()
        if converted is None:
            converted = convert(python_arguments or {})
            if key is not None:
                kept.put(key, converted)
        return await body(info, converted, arguments)

    return resolve


def install_direct_lists(schema: strawberry.Schema, lists: Mapping[str, tuple[Convert, Body]]) -> list[str]:
    """Resolves the named query fields with `direct_list` where its conditions hold; the names done.

    Conditions: the field has an async resolver and exactly one field extension, a
    `PermissionExtension` that does not fail silently and holds only `Permitted` (which reads
    the caller, the field's name and the operation, never the arguments); the schema has no
    exception handlers (they could turn an error of the field into a result).
    """
    done: list[str] = []
    converter = schema.schema_converter
    query = schema._schema.query_type
    if query is None or converter.exception_handlers:
        return done
    for name, (convert, body) in lists.items():
        graphql_field: GraphQLField | None = query.fields.get(name)
        if graphql_field is None:
            continue
        field = graphql_field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
        if not isinstance(field, StrawberryField) or not _direct_applies(field):
            continue
        graphql_field.resolve = direct_list(converter, field, convert, body)
        done.append(name)
    return done


def _direct_applies(field: StrawberryField) -> bool:
    if not field.is_async or field.base_resolver is None or len(field.extensions) != 1:
        return False
    extension = field.extensions[0]
    return (
        type(extension) is PermissionExtension
        and not extension.fail_silently
        and bool(extension.permissions)
        and all(type(permission) is Permitted for permission in extension.permissions)
    )
