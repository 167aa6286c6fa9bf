"""Execution that completes preloaded trees of rows from a plan, not field by field.

graphql-core completes a result one field at a time: a resolve info, a resolver call,
awaitable checks and a completion per field, several µs each. The order tree reaches
tens of thousands of fields, and once the root resolvers have preloaded every requested
level (`graphql_schema.orders.lookahead`) each of those fields is an attribute read and
a scalar coercion. `PlannedExecutionContext` therefore compiles, once per execution and
selection set, a plan per object type: for each response key how to read the value off
the row and how to complete it (a leaf coercion, a list, a nested plan). Each plan becomes
one generated function (`graphql_schema.renderers`), so completing an object is one call
that builds its dict.

Plans are kept across requests, per schema, in a bounded LRU (`MAX_PLANS`) keyed by the
object type, the document's own field nodes (documents are cached per text, see
`graphql_schema.documents`; a kept plan keeps its nodes alive, so an id is never reused
while its key exists) and the values of the Boolean variables, which decide `@include`
and `@skip`. While a renderer builds its dicts the garbage collector is paused
(`server.collector`).

A field is planned when it is:
- `__typename`;
- a plain attribute: a Strawberry field without resolver, arguments, permissions or
  field extensions (what graphql-core would read with the default resolver);
- a relation whose resolver only hands back a preloaded slot, declared with
  `preloaded(slot)` in the field's metadata.

Anything else (an abstract type, arguments, a slot not loaded yet, a null in a non-null
position, a value its scalar cannot coerce) leaves that object to graphql-core, which
then resolves, batches with DataLoaders and reports located errors exactly as without
the plan. Schema extensions that hook every resolver turn planning off altogether.

An object can have fields whose values come after its resolver returned (`LateFields`: a
list's count, still running beside the rows that are already in). Its plan renders the rest
at once and fills those fields in when their values come, so rendering costs no time of its
own while the database counts.
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from enum import EnumMeta
from types import MappingProxyType
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from graphql.pyutils import is_awaitable as isawaitable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from graphql_schema.documents import Lru
from graphql_schema.renderers import (
    Attribute,
    Completion,
    Constant,
    Field,
    Leaf,
    ListOf,
    ObjectOf,
    Read,
    Render,
    Slot,
    Unplanned,
    compile_render,
)
from server.collector import collector_paused

PRELOADED = "fabflow.preloaded"
MAX_PLANS = 1024  # per schema
Switches = tuple[tuple[str, Any], ...]  # the Boolean variables' values
PlanKey = tuple[GraphQLObjectType, tuple[int, ...], Switches]
Plan = tuple[FieldDetailsList, Render | None]  # the field group (kept alive), its renderer or None

# Leaf values that graphql-core would return unchanged: no coercion call needed.
UNCHANGED: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}

_PLANS: WeakKeyDictionary[GraphQLSchema, Lru[PlanKey, Plan]] = WeakKeyDictionary()

__all__ = [
    "PRELOADED",
    "LateFields",
    "PlannedExecutionContext",
    "Preloaded",
    "Unplanned",
    "plans_of",
    "preloaded",
]
LateKeys = tuple[tuple[str, str, Any], ...]  # (response key, attribute, coercion) of each late field


class LateFields:
    """A result type some of whose plain fields (`LATE_ATTRIBUTES`) may get their values after
    its resolver returned. Until then they hold placeholders of their types and `pending_fields`
    gives what fills them in (`fill_late_fields` when it is done); None: nothing is late."""

    LATE_ATTRIBUTES: ClassVar[frozenset[str]] = frozenset()

    def pending_fields(self) -> Awaitable[Any] | None:
        raise NotImplementedError

    def fill_late_fields(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Preloaded:
    slot: str  # must be loaded (not None) for the plan to read the field
    attribute: str  # what the resolver then returns


def preloaded(slot: str, attribute: str | None = None) -> dict[str, Preloaded]:
    """Field metadata: once `slot` of the row is loaded, the resolver returns `attribute` (or `slot`)."""
    return {PRELOADED: Preloaded(slot, attribute or slot)}


def plans_of(schema: GraphQLSchema) -> Lru[PlanKey, Plan]:
    """The plans kept for `schema` (they go with it)."""
    plans = _PLANS.get(schema)
    if plans is None:
        plans = _PLANS[schema] = Lru(MAX_PLANS)
    return plans


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        self._planning = not (manager and manager.middlewares)
        self._switches: Switches | None = None
        # This execution's plans by the ids of their field nodes, in front of the shared LRU.
        self._plans: dict[tuple[GraphQLObjectType, tuple[int, ...]], Plan] = {}
        self._late_keys: dict[tuple[GraphQLObjectType, tuple[int, ...]], LateKeys] = {}

    def build_per_event_executor(self, payload: Any) -> Any:
        """A subscription's events share its plans: they are keyed by the document's own field nodes,
        so there are as many as the document has selection sets, however many events come."""
        executor = super().build_per_event_executor(payload)
        if isinstance(executor, PlannedExecutionContext):
            executor._plans = self._plans
        return executor

    def complete_object_value(  # type: ignore[override]
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if isinstance(result, LateFields):
            pending = result.pending_fields()
            if pending is not None:
                args = (return_type, field_details_list, info, path, result, position_context)
                return self._complete_late(pending, *args)
        if self._planning and position_context is None:
            render = self._renderer(return_type, field_details_list)
            if render is not None:
                try:
                    with collector_paused():
                        return render(result)
                except Exception:  # Unplanned, or a value the plan did not expect: the usual way decides
                    pass
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _complete_late(
        self,
        pending: Awaitable[Any],
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Awaitable[Any]:
        """`result` rendered now, before its late fields come, and those fields put in when they
        have come; without a plan (or when the plan gives up) completed the usual way then."""
        rendered: dict[str, Any] | None = None
        planned = self._planning and position_context is None
        render = self._renderer(return_type, field_details_list) if planned else None
        if render is not None:
            try:
                with collector_paused():
                    rendered = render(result)
            except Exception:
                rendered = None
        args = (return_type, field_details_list, info, path, result, position_context)
        return self._fill_late(rendered, pending, args)

    async def _fill_late(
        self, rendered: dict[str, Any] | None, pending: Awaitable[Any], args: tuple[Any, ...]
    ) -> Any:
        """`complete_object_value`'s `args` once `pending` is done: the late fields put into what was
        rendered, or the object completed the usual way."""
        return_type, field_details_list, _, _, result, _ = args
        await pending
        result.fill_late_fields()
        if rendered is None:
            completed = super().complete_object_value(*args)
            return await completed if isawaitable(completed) else completed
        for key, attribute, coerce in self._late_fields(return_type, field_details_list, result):
            rendered[key] = coerce(getattr(result, attribute))
        return rendered

    def _late_fields(
        self, object_type: GraphQLObjectType, fields: FieldDetailsList, result: LateFields
    ) -> LateKeys:
        """The response keys (aliases included) of `result`'s late fields in this selection."""
        nodes = tuple(id(details.node) for details in fields)
        keys = self._late_keys.get((object_type, nodes))
        if keys is None:
            grouped, _, _ = self.collect_subfields(object_type, fields)
            found = []
            for response_key, sub_fields in grouped.items():
                late = _late_field(object_type.fields.get(sub_fields[0].node.name.value), result)
                if late is not None:
                    found.append((response_key, *late))
            keys = self._late_keys[(object_type, nodes)] = tuple(found)
        return keys

    # ------------------------------------------------------------ compiling

    def _renderer(self, object_type: GraphQLObjectType, fields: FieldDetailsList) -> Render | None:
        nodes = tuple(id(details.node) for details in fields)
        cached = self._plans.get((object_type, nodes))
        if cached is None:
            shared = plans_of(self.schema)
            key = (object_type, nodes, self._boolean_variables())
            cached = shared.get(key)
            if cached is None:
                cached = (fields, self._compile(object_type, fields))
                shared.put(key, cached)
            self._plans[(object_type, nodes)] = cached
        return cached[1]

    def _boolean_variables(self) -> Switches:
        """What `@include(if: $x)` and `@skip(if: $x)` can depend on: the Boolean (or null) variables."""
        if self._switches is None:
            values = self.variable_values.coerced if self.variable_values else {}
            self._switches = tuple(
                sorted(
                    (name, value)
                    for name, value in values.items()
                    if value is None or value.__class__ is bool
                )
            )
        return self._switches

    def _compile(self, object_type: GraphQLObjectType, fields: FieldDetailsList) -> Render | None:
        if object_type.is_type_of is not None or any(f.defer_usage is not None for f in fields):
            return None
        grouped, new_defer_usages, _ = self.collect_subfields(object_type, fields)
        if new_defer_usages:
            return None
        planned: list[Field] = []
        for response_key, sub_fields in grouped.items():
            step = self._step(object_type, sub_fields)
            if step is None:
                return None
            planned.append(Field(response_key, *step))
        return compile_render(object_type.name, tuple(planned))

    def _step(
        self, object_type: GraphQLObjectType, fields: FieldDetailsList
    ) -> tuple[Read, Completion] | None:
        node = fields[0].node
        name = node.name.value
        if name == "__typename":
            return Constant(object_type.name), None
        field_def = object_type.fields.get(name)
        if field_def is None or field_def.args or node.arguments:
            return None
        read = _reader(field_def)
        if read is None:
            return None
        complete = self._completer(field_def.type, fields)
        return (read, complete) if complete else None

    def _completer(
        self, type_: GraphQLOutputType, fields: FieldDetailsList
    ) -> Leaf | ListOf | ObjectOf | None:
        nullable = not isinstance(type_, GraphQLNonNull)
        inner = type_ if nullable else type_.of_type  # type: ignore[union-attr]
        if isinstance(inner, GraphQLList):
            item = self._completer(inner.of_type, fields)
            return ListOf(item, nullable) if item else None
        if is_leaf_type(inner):
            return _leaf(inner, nullable)  # type: ignore[arg-type]
        if isinstance(inner, GraphQLObjectType):
            render = self._renderer(inner, fields)
            return ObjectOf(render, nullable) if render else None
        return None  # interfaces and unions: resolved at run time by graphql-core


def _leaf(leaf_type: GraphQLScalarType | GraphQLEnumType, nullable: bool) -> Leaf:
    coerce = leaf_type.coerce_output_value
    member_class = getattr(leaf_type, "wrapped_cls", None)  # a Strawberry enum's Python enum
    if not isinstance(leaf_type, GraphQLEnumType) or not isinstance(member_class, EnumMeta):
        return Leaf(coerce, UNCHANGED.get(leaf_type), nullable)
    try:
        names: dict[Any, str] = {member: coerce(member) for member in member_class}  # type: ignore[var-annotated]
    except Exception:  # a member the GraphQL enum does not have: each value goes through `coerce`
        return Leaf(coerce, None, nullable)
    return Leaf(coerce, None, nullable, MappingProxyType(names), member_class)


def _late_field(field_def: GraphQLField | None, result: LateFields) -> tuple[str, Any] | None:
    """The attribute and the leaf coercion of a late field of `result`; None: not a late field."""
    field = field_def.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF) if field_def else None
    if not isinstance(field, StrawberryField) or field.python_name not in result.LATE_ATTRIBUTES:
        return None
    leaf: Any = field_def.type  # type: ignore[union-attr]
    if isinstance(leaf, GraphQLNonNull):
        leaf = leaf.of_type
    return field.python_name, leaf.coerce_output_value


def _reader(field_def: GraphQLField) -> Read | None:
    field = field_def.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(field, StrawberryField):
        return None
    marker = field.metadata.get(PRELOADED) if field.metadata else None
    if isinstance(marker, Preloaded) and not field.extensions:  # permissions are extensions: never skip one
        return Slot(marker.slot, marker.attribute)
    if field.is_basic_field and field.default_resolver is getattr and field.python_name:
        return Attribute(field.python_name)
    return None
