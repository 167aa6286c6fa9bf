"""Render functions generated from execution plans: rows in, response dicts out.

A plan (`graphql_schema.execution`) says, for each response key of an object, how to read the
value off the row and how to complete it. Interpreting that per field costs a call or two per
field; here each plan becomes the source of one Python function, compiled once, that reads the
attributes and builds the response dict in one dict display:

    def render_Asset(row):
        v0 = row.id
        if row.versions is None:
            raise Unplanned('versions')
        v1 = row.versions
        return {'id': (v0 if v0.__class__ is str_1 else str_1(v0) if v0.__class__ in uuids2 else slow0(v0)),
                'versions': ([render7(e1) for e1 in v1] if v1.__class__ is list8 else slow6(v1))}

The common case (a `str` as is, a UUID or a date-time as text, a list, an object) is inline;
anything else goes through the generic completion of that field (`slow…`), which coerces, checks
nulls and raises `Unplanned` exactly as the plan did before it was generated.

Only names are written into the source: response keys and type names that are GraphQL names,
attribute names that are Python identifiers, each checked here (else no renderer: graphql-core
completes that object), and keys and constants only through `repr`. Everything else (coercions,
nested renderers) is a global of the function's own namespace.
"""

from __future__ import annotations

import keyword
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from graphql.pyutils import Undefined
from graphql.type.scalars import serialize_id
from strawberry.scalars import JSON
from strawberry.schema.types.base_scalars import isoformat
from strawberry.schema.types.scalar import DEFAULT_SCALAR_REGISTRY

Render = Callable[[Any], dict[str, Any]]
Complete = Callable[[Any], Any]

GRAPHQL_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*\Z")


class Unplanned(Exception):
    """The plan cannot complete this object; graphql-core does."""


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Attribute:
    """The value is `row.<name>`."""

    name: str


@dataclass(frozen=True)
class Slot:
    """A preloaded relation: `row.<slot>` must be loaded (not None); the value is `row.<attribute>`."""

    slot: str
    attribute: str


@dataclass(frozen=True)
class Constant:
    """The same value for every row (`__typename`)."""

    value: str


@dataclass(frozen=True)
class Leaf:
    """A scalar or enum: coerced, unless its class is `unchanged` (graphql-core returns those as is).

    `names`: an enum's members with the names `coerce` gives them, for members of `member_class`.
    """

    coerce: Callable[[Any], Any]
    unchanged: type | None
    nullable: bool
    names: Mapping[Any, str] | None = None
    member_class: type | None = None


@dataclass(frozen=True)
class ListOf:
    item: Completion
    nullable: bool


@dataclass(frozen=True)
class ObjectOf:
    render: Render
    nullable: bool


Read = Attribute | Slot | Constant
Completion = Leaf | ListOf | ObjectOf | None  # None: the value as read (a constant)


@dataclass(frozen=True)
class Field:
    key: str  # the response key
    read: Read
    complete: Completion


# ---------------------------------------------------------------- generating


def compile_render(type_name: str, fields: tuple[Field, ...]) -> Render | None:
    """One function rendering a row of `type_name` with `fields`; None when a name is not safe to emit."""
    if not _safe(type_name, fields):
        return None
    source = _Source()
    function = f"render_{type_name}"
    lines = [f"def {function}(row):"]
    entries = []
    for index, field in enumerate(fields):
        value = f"v{index}"
        read = field.read
        if isinstance(read, Constant):
            entries.append(f"{field.key!r}: {read.value!r}")
            continue
        if isinstance(read, Slot):
            lines.append(f"    if row.{read.slot} is None:")
            lines.append(f"        raise Unplanned({read.slot!r})")
            lines.append(f"    {value} = row.{read.attribute}")
        else:
            lines.append(f"    {value} = row.{read.name}")
        entries.append(f"{field.key!r}: {source.expression(field.complete, value, 0)}")
    lines.append("    return {" + ", ".join(entries) + "}")
    namespace: dict[str, Any] = {"__builtins__": {}, "Unplanned": Unplanned, **source.names}
    exec(compile("\n".join(lines), f"<render {type_name}>", "exec"), namespace)
    return namespace[function]  # type: ignore[no-any-return]


def _safe(type_name: str, fields: tuple[Field, ...]) -> bool:
    if not GRAPHQL_NAME.match(type_name):
        return False
    for field in fields:
        if not GRAPHQL_NAME.match(field.key):
            return False
        read = field.read
        names: tuple[str, ...] = ()
        if isinstance(read, Slot):
            names = (read.slot, read.attribute)
        elif isinstance(read, Attribute):
            names = (read.name,)
        if not all(name.isidentifier() and not keyword.iskeyword(name) for name in names):
            return False
    return True


class _Source:
    """The globals a generated function refers to, each under a name made here."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {}

    def name(self, prefix: str, value: Any) -> str:
        name = f"{prefix}{len(self.names)}"
        self.names[name] = value
        return name

    def expression(self, complete: Completion, value: str, depth: int) -> str:
        """Python text completing the variable `value`: the common case inline, the rest `slow…(value)`."""
        if complete is None:
            return value
        slow = self.name("slow", completer(complete))
        if isinstance(complete, Leaf):
            return self.leaf(complete, value, slow)
        if isinstance(complete, ObjectOf):
            render = self.name("render", complete.render)
            return f"({render}({value}) if {value} is not None else {slow}({value}))"
        element = f"e{depth}"
        item = self.expression(complete.item, element, depth + 1)
        listed = self.name("list", list)
        return f"([{item} for {element} in {value}] if {value}.__class__ is {listed} else {slow}({value}))"

    def leaf(self, leaf: Leaf, value: str, slow: str) -> str:
        """Inline what `leaf.coerce` is known to return for the usual classes of value; else `slow`."""
        if leaf.names is not None and leaf.member_class is not None:
            names, member = self.name("names", leaf.names), self.name("enum", leaf.member_class)
            return f"({names}[{value}] if {value}.__class__ is {member} else {slow}({value}))"
        for coerce, template in INLINE_COERCIONS:
            if leaf.coerce is coerce:
                inline = template.format(v=value, **{k: self.name(k, v) for k, v in INLINE_NAMES.items()})
                return f"({inline} else {slow}({value}))"
        if leaf.unchanged is not None:
            unchanged = self.name("type", leaf.unchanged)
            return f"({value} if {value}.__class__ is {unchanged} else {slow}({value}))"
        return f"{slow}({value})"


def _uuid_classes() -> frozenset[type]:
    classes: set[type] = {uuid.UUID}
    try:
        from asyncpg.pgproto.pgproto import UUID as AsyncpgUUID
    except ImportError:  # pragma: no cover
        pass
    else:
        classes.add(AsyncpgUUID)
    return frozenset(classes)


MAX_ISO_TEXTS = 20_000
_iso_texts: dict[datetime, str] = {}


def iso_text(value: date) -> str:
    """`value.isoformat()`; the texts of moments in UTC are kept (bounded), as the same rows are read
    again and again (a list page polled, the next page's cursor row). Only moments in UTC are looked
    up: equal moments in other zones compare equal but are written with their own offset."""
    if value.__class__ is datetime and value.tzinfo is UTC:  # type: ignore[attr-defined]
        text = _iso_texts.get(value)  # type: ignore[call-overload]
        if text is None:
            text = value.isoformat()
            if len(_iso_texts) >= MAX_ISO_TEXTS:
                _iso_texts.clear()
            _iso_texts[value] = text  # type: ignore[index]
        return text
    return value.isoformat()


# Coercions whose result is known for some classes of value, as the first branch of a conditional
# expression: `ID` (a `str` as is, a UUID as `str()`, as `serialize_id` does), Strawberry's
# `DateTime`/`Date` (`isoformat()`, through `iso_text`), `Decimal` (`str()`) and `JSON` (the value itself).
INLINE_NAMES: dict[str, Any] = {
    "str_": str,
    "uuids": _uuid_classes(),
    "dates": frozenset({datetime, date}),
    "decimal": Decimal,
    "undefined": Undefined,
    "iso": iso_text,
}
INLINE_COERCIONS: tuple[tuple[object, str], ...] = (
    (serialize_id, "{v} if {v}.__class__ is {str_} else {str_}({v}) if {v}.__class__ in {uuids}"),
    (isoformat, "{iso}({v}) if {v}.__class__ in {dates}"),
    (str, "{str_}({v}) if {v}.__class__ is {decimal}"),
    (DEFAULT_SCALAR_REGISTRY[JSON].serialize, "{v} if {v} is not None and {v} is not {undefined}"),
)


# ---------------------------------------------------------------- the generic completions


def completer(complete: Completion) -> Complete:
    """The completion as a function: what the generated code falls back to off the common case."""
    if complete is None:
        return _unchanged
    if isinstance(complete, Leaf):
        return _leaf(complete)
    if isinstance(complete, ListOf):
        return _list(completer(complete.item), complete.nullable)
    return _object(complete.render, complete.nullable)


def _unchanged(value: Any) -> Any:
    return value


def _leaf(leaf: Leaf) -> Complete:
    coerce, unchanged, nullable = leaf.coerce, leaf.unchanged, leaf.nullable

    def complete(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise Unplanned("null")
        if value.__class__ is unchanged:
            return value
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise Unplanned("not coercible")
        return coerced

    return complete


def _list(item: Complete, nullable: bool) -> Complete:
    def complete(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise Unplanned("null")
        if value.__class__ is not list and value.__class__ is not tuple:
            raise Unplanned("not a list")
        return [item(element) for element in value]

    return complete


def _object(render: Render, nullable: bool) -> Complete:
    def complete(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise Unplanned("null")
        return render(value)

    return complete
