"""Execution that completes preloaded trees of rows from a plan, not field by field.

graphql-core completes a result one field at a time: a resolve info, a resolver call,
awaitable checks and a completion per field, several µs each. The order tree reaches
tens of thousands of fields, and once the root resolvers have preloaded every requested
level (`graphql_schema.orders.lookahead`) each of those fields is an attribute read and
a scalar coercion. `PlannedExecutionContext` therefore compiles, once per execution and
selection set, a plan per object type: for each response key how to read the value off
the row and how to complete it (a leaf coercion, a list, a nested plan). Completing an
object is then one dict comprehension over its plan.

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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLString,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

PRELOADED = "fabflow.preloaded"
Complete = Callable[[Any], Any]
Read = Callable[[Any], Any]
Render = Callable[[Any], dict[str, Any]]
PlanKey = tuple[GraphQLObjectType, tuple[int, ...]]
Step = tuple[str, Read, Complete]  # response key, how to read the value off the row, how to complete it

# Leaf values that graphql-core would return unchanged: no coercion call needed.
UNCHANGED: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}


class Unplanned(Exception):
    """The plan cannot complete this object; graphql-core does."""


@dataclass(frozen=True)
class Preloaded:
    slot: str  # must be loaded (not None) for the plan to read the field
    attribute: str  # what the resolver then returns


def preloaded(slot: str, attribute: str | None = None) -> dict[str, Preloaded]:
    """Field metadata: once `slot` of the row is loaded, the resolver returns `attribute` (or `slot`)."""
    return {PRELOADED: Preloaded(slot, attribute or slot)}


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        self._planning = not (manager and manager.middlewares)
        # (type, ids of the field nodes) -> (the field group, kept alive; its renderer or None)
        self._plans: dict[PlanKey, tuple[FieldDetailsList, Render | None]] = {}

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
        if self._planning and position_context is None:
            render = self._renderer(return_type, field_details_list)
            if render is not None:
                try:
                    return render(result)
                except Exception:  # Unplanned, or a value the plan did not expect: the usual way decides
                    pass
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, position_context
        )

    # ------------------------------------------------------------ compiling

    def _renderer(self, object_type: GraphQLObjectType, fields: FieldDetailsList) -> Render | None:
        key = (object_type, tuple(id(details.node) for details in fields))
        cached = self._plans.get(key)
        if cached is None:
            cached = self._plans[key] = (fields, self._compile(object_type, fields))
        return cached[1]

    def _compile(self, object_type: GraphQLObjectType, fields: FieldDetailsList) -> Render | None:
        if object_type.is_type_of is not None or any(f.defer_usage is not None for f in fields):
            return None
        grouped, new_defer_usages, _ = self.collect_subfields(object_type, fields)
        if new_defer_usages:
            return None
        steps: list[Step] = []
        for response_key, sub_fields in grouped.items():
            step = self._step(object_type, sub_fields)
            if step is None:
                return None
            steps.append((response_key, *step))
        return _render(tuple(steps))

    def _step(self, object_type: GraphQLObjectType, fields: FieldDetailsList) -> tuple[Read, Complete] | None:
        node = fields[0].node
        name = node.name.value
        if name == "__typename":
            return _constant(object_type.name), _unchanged
        field_def = object_type.fields.get(name)
        if field_def is None or field_def.args or node.arguments:
            return None
        read = _reader(field_def)
        complete = self._completer(field_def.type, fields) if read else None
        return (read, complete) if read and complete else None

    def _completer(self, type_: GraphQLOutputType, fields: FieldDetailsList) -> Complete | None:
        nullable = not isinstance(type_, GraphQLNonNull)
        inner = type_ if nullable else type_.of_type  # type: ignore[union-attr]
        if isinstance(inner, GraphQLList):
            item = self._completer(inner.of_type, fields)
            return _list(item, nullable) if item else None
        if is_leaf_type(inner):
            return _leaf(inner, nullable)
        if isinstance(inner, GraphQLObjectType):
            render = self._renderer(inner, fields)
            return _object(render, nullable) if render else None
        return None  # interfaces and unions: resolved at run time by graphql-core


def _reader(field_def: GraphQLField) -> Read | None:
    field = field_def.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(field, StrawberryField):
        return None
    marker = field.metadata.get(PRELOADED) if field.metadata else None
    if isinstance(marker, Preloaded) and not field.extensions:  # permissions are extensions: never skip one
        return _preloaded(marker)
    if field.is_basic_field and field.default_resolver is getattr and field.python_name:
        return attrgetter(field.python_name)
    return None


# ---------------------------------------------------------------- the plan's pieces


def _render(steps: tuple[Step, ...]) -> Render:
    def render(row: Any) -> dict[str, Any]:
        return {key: complete(read(row)) for key, read, complete in steps}

    return render


def _preloaded(marker: Preloaded) -> Read:
    slot, attribute = marker.slot, marker.attribute

    def read(row: Any) -> Any:
        if getattr(row, slot) is None:
            raise Unplanned(slot)
        return getattr(row, attribute)

    return read


def _constant(value: str) -> Read:
    return lambda row: value


def _unchanged(value: Any) -> Any:
    return value


def _leaf(leaf_type: Any, nullable: bool) -> Complete:
    coerce = leaf_type.coerce_output_value
    unchanged = UNCHANGED.get(leaf_type)

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
