"""Flow validation: every problem at once, each a JSON pointer into what the user wrote and a sentence.

The structure of the format is declared here with the schema language of `payload_specs`; `schema.py`
renders the same declarations as JSON Schema. Nothing here raises, whatever the JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from server.domain.flows.definition import (
    MAX_TIMEOUT_MS,
    SETTABLE_STATUSES,
    STATUS_PATTERN,
    FlowDefinition,
    FlowError,
    Json,
    Trigger,
    parse_status,
)
from server.domain.flows.parse import Shape, detect_shape, parse_text, to_canonical
from server.domain.flows.payload_specs import (
    HANDLER_KEY,
    KEY,
    OBJECT,
    STRING_LIST,
    Field,
    ListOf,
    ObjectOf,
    Rule,
    Scalar,
    closest,
    handler_spec,
    handler_specs,
    one_of,
    positive_integer,
)
from server.domain.json_values import kind_of
from server.domain.jsonpos import child

# --------------------------------------------------------------------------------------------------
# Value types of the format


def _status_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be an order status name, not {kind_of(value)}"
    if parse_status(value) in SETTABLE_STATUSES:
        return None
    if value.strip().lower() == "created":
        return 'cannot be "Created": a flow never puts an order back to Created'
    listed = '"In progress", "Success", "Failure" or "Unhealthy"'
    return f'is not an order status a flow can set ("{value}"); use {listed}'


def _payload_rule(handler_field: str, payload_field: str) -> Rule:
    """The payload must fit its handler's spec (an unknown handler is reported on its own field)."""

    def rule(task: dict[str, Any], at: str) -> list[FlowError]:
        key = task.get(handler_field)
        spec = handler_spec(key) if isinstance(key, str) else None
        payload = task.get(payload_field)
        if spec is None or not isinstance(payload, dict | None):
            return []
        return spec.payload.check(
            payload or {},
            child(at, payload_field),
            # Equivalent mutants: the label names only a payload that is no object, and this one is.
            "The payload",  # pragma: no mutate
        )

    return rule


def _payload_schema(handler_field: str, payload_field: str) -> Json:
    """`if handlerKey is k then payload fits k's spec`, for every registered handler."""
    cases = []
    for spec in handler_specs():
        payload = spec.payload.json_schema()
        needs_payload = any(field.required for field in spec.fields)
        then: Json = {
            "properties": {
                payload_field: payload if needs_payload else {"anyOf": [payload, {"type": "null"}]}
            }
        }
        if needs_payload:
            then["required"] = [payload_field]
        condition = {"properties": {handler_field: {"const": spec.key}}, "required": [handler_field]}
        cases.append({"if": condition, "then": then})
    return {"allOf": cases}


# --------------------------------------------------------------------------------------------------
# Rules across fields


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, object) for each object of a list; nothing if `value` is no list."""
    if isinstance(value, list):
        yield from ((index, item) for index, item in enumerate(value) if isinstance(item, dict))


def _duplicates(keyed: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, str, int]]:
    """(index, key, index of its first use) for every string key used before."""
    first: dict[str, int] = {}
    for index, key in keyed:
        if not isinstance(key, str):
            continue
        if key in first:
            yield index, key, first[key]
        first.setdefault(key, index)


def _unknown_key(key: str, known: list[str], what: str) -> str:
    known = list(dict.fromkeys(known))
    hint = closest(key, known)
    advice = f'did you mean "{hint}"?' if hint else f"the {what} are: {', '.join(known)}."
    return f'"{key}" names no {what[:-1]} here; {advice}'


def _unique_stage_keys(flow: dict[str, Any], at: str) -> list[FlowError]:
    keyed = ((index, stage.get("key")) for index, stage in _items(flow.get("stages")))
    return [
        FlowError(
            child(at, "stages", index, "key"),
            f'The stage key "{key}" is used twice (also by stage {first + 1}).',
        )
        for index, key, first in _duplicates(keyed)
    ]


def _stage_references(stage: dict[str, Any], at: str) -> list[FlowError]:
    tasks = list(_items(stage.get("taskDefinitions")))
    keys = [task["key"] for _, task in tasks if isinstance(task.get("key"), str)]
    errors = [
        FlowError(
            child(at, "taskDefinitions", index, "key"),
            f'The task key "{key}" is used twice in this stage (also by task {first + 1}).',
        )
        for index, key, first in _duplicates((index, task.get("key")) for index, task in tasks)
    ]
    for index, task in tasks:
        errors += _next_references(task, child(at, "taskDefinitions", index), keys)
    initial = stage.get("initialTaskDefinitionKeys")
    initial_keys = list(enumerate(initial)) if isinstance(initial, list) else []
    for index, key in initial_keys:
        if isinstance(key, str) and key not in keys:
            errors.append(
                FlowError(child(at, "initialTaskDefinitionKeys", index), _unknown_key(key, keys, "tasks"))
            )
    for index, key, _ in _duplicates(iter(initial_keys)):
        message = f'"{key}" is listed twice as an initial task; it would start twice.'
        errors.append(FlowError(child(at, "initialTaskDefinitionKeys", index), message))
    return errors


def _next_references(task: dict[str, Any], at: str, keys: list[str]) -> list[FlowError]:
    errors: list[FlowError] = []
    seen: set[tuple[str, str]] = set()
    for index, entry in _items(task.get("next")):
        key, trigger = entry.get("taskDefinitionKey"), entry.get("trigger")
        if not isinstance(key, str):
            continue
        if key not in keys:
            errors.append(
                FlowError(child(at, "next", index, "taskDefinitionKey"), _unknown_key(key, keys, "tasks"))
            )
        elif isinstance(trigger, str) and (key, trigger) in seen:
            message = f'The next entry ("{key}" on {trigger}) is given twice.'
            errors.append(FlowError(child(at, "next", index), message))
        if isinstance(trigger, str):
            seen.add((key, trigger))
    return errors


def _step_references(steps: list[Any]) -> list[FlowError]:
    items = list(_items(steps))
    ids = [step["stepDefinitionId"] for _, step in items if isinstance(step.get("stepDefinitionId"), str)]
    errors = [
        FlowError(
            child("", index, "stepDefinitionId"),
            f'The step id "{key}" is used twice (also by step {first + 1}).',
        )
        for index, key, first in _duplicates((index, step.get("stepDefinitionId")) for index, step in items)
    ]
    for index, step in items:
        for link in ("onSuccess", "onError"):
            target = step.get(link)
            if isinstance(target, str) and target not in ids:
                errors.append(FlowError(child("", index, link), _unknown_key(target, ids, "steps")))
    return errors


# --------------------------------------------------------------------------------------------------
# The format, declared


# Built on first use, not at import: what runs at import cannot be mutated by mutation testing, and
# the handler specs are registered after import anyway (the payload rules read them at check time).


@cache
def status_type() -> Scalar:
    return Scalar({"type": "string", "pattern": STATUS_PATTERN}, _status_problem)


@cache
def timeout_type() -> Scalar:
    return positive_integer("a whole number of milliseconds", MAX_TIMEOUT_MS, " (30 days)")


@cache
def trigger_type() -> Scalar:
    return one_of(*(trigger.value for trigger in Trigger))


@cache
def next_entry() -> ObjectOf:
    return ObjectOf(
        (
            Field(
                "taskDefinitionKey", KEY, True, description="the key of the task to start, in the same stage."
            ),
            Field(
                "trigger",
                trigger_type(),
                True,
                description='the outcome that starts it: "success", "failure", "timeout" or "always".',
            ),
        ),
        "a next entry",
    )


@cache
def task_definition() -> ObjectOf:
    return ObjectOf(
        (
            Field("key", KEY, True, description="the task's key, unique in its stage."),
            Field("handlerKey", HANDLER_KEY, True, description="what the task does."),
            Field("payload", OBJECT, description="the handler's settings."),
            Field("timeoutDuration", timeout_type(), description="milliseconds before the task times out."),
            Field("next", ListOf(next_entry()), description="the tasks to start when this one ends."),
            Field(
                "successStatus", status_type(), description="the order status to set when this task succeeds."
            ),
        ),
        "a task definition",
        rules=(_payload_rule("handlerKey", "payload"),),
        extra_schema=lambda: _payload_schema("handlerKey", "payload"),
    )


@cache
def stage() -> ObjectOf:
    return ObjectOf(
        (
            Field("key", KEY, True, description="the stage's key, unique in the flow."),
            Field(
                "taskDefinitions", ListOf(task_definition(), 1), True, description="the tasks of the stage."
            ),
            Field(
                "initialTaskDefinitionKeys",
                ListOf(
                    KEY,
                    1,
                    "A stage needs an initial task: list at least one task key in initialTaskDefinitionKeys.",
                ),
                True,
                description="the tasks that start when the stage starts.",
            ),
        ),
        "a stage",
        rules=(_stage_references,),
    )


@cache
def flow() -> ObjectOf:
    return ObjectOf(
        (
            Field("tags", STRING_LIST, description="tags of the flow."),
            Field(
                "stages",
                ListOf(stage(), 1, "A flow needs at least one stage."),
                True,
                description="the stages, run in order.",
            ),
        ),
        "a flow",
        rules=(_unique_stage_keys,),
    )


@cache
def step() -> ObjectOf:
    return ObjectOf(
        (
            Field("stepDefinitionId", KEY, True, description="the step's id, unique in the list."),
            Field("type", HANDLER_KEY, True, description="the handler key."),
            Field(
                "successStatus", status_type(), description="the order status to set when this step succeeds."
            ),
            Field("options", OBJECT, description="the handler's payload."),
            Field("timeout", timeout_type(), description="milliseconds before the step times out."),
            Field("onSuccess", KEY, description="the step to run when this one succeeds."),
            Field("onError", KEY, description="the step to run when this one fails."),
        ),
        "a step",
        rules=(_payload_rule("type", "options"),),
        extra_schema=lambda: _payload_schema("type", "options"),
    )


@cache
def step_list() -> ListOf:
    return ListOf(step(), 1, "A step list needs at least one step.")


# --------------------------------------------------------------------------------------------------
# Entry points


def validate_flow(value: Any) -> list[FlowError]:
    """Problems of a parsed flow in any accepted shape; empty if it is valid."""
    shape = detect_shape(value)
    # A label names only a value of the wrong kind. The shape rules that out for a flow and a stage, so
    # mutants of their labels are equivalent; the step list's label is read in its items' sentences.
    if shape is Shape.CANONICAL:
        return flow().check(
            value,
            "",
            "The flow",  # pragma: no mutate
        )
    if shape is Shape.STAGE:
        return stage().check(
            value,
            "",
            "The stage",  # pragma: no mutate
        )
    if shape is Shape.STEP_LIST:
        errors = step_list().check(value, "", "The step list")
        return errors + _step_references(value)
    return [FlowError("", _shape_message(value))]


def validate_task_definition(value: Any) -> list[FlowError]:
    """Problems of one task definition on its own (its next keys are not resolved)."""
    return task_definition().check(value, "", "The task definition")


def validate_step(value: Any) -> list[FlowError]:
    """Problems of one step of a step list on its own (onSuccess/onError are not resolved)."""
    return step().check(value, "", "The step")


def _shape_message(value: Any) -> str:
    if isinstance(value, dict) and "stepDefinitionId" in value:
        return "This is a single step; a flow in the step format is a list of steps: put it in [ ]."
    if isinstance(value, dict) and "handlerKey" in value:
        return (
            'This is a single task definition; a flow needs a stage: {"key": "stage-1", '
            '"taskDefinitions": [...], "initialTaskDefinitionKeys": [...]}.'
        )
    found = "an object without stages" if isinstance(value, dict) else kind_of(value)
    return (
        'A flow must be an object with "stages", a single stage (with "taskDefinitions"), '
        f"or a list of steps; this is {found}."
    )


@dataclass(frozen=True)
class FlowCheck:
    """The outcome of reading a flow text: its shape, its problems, and if none, its definition."""

    source: str  # what the user wrote, kept as is
    shape: Shape
    errors: tuple[FlowError, ...]
    definition: FlowDefinition | None

    @property
    def ok(self) -> bool:
        return not self.errors

    def canonical(self) -> Json | None:
        return self.definition.to_dict() if self.definition else None


def load_flow(text: str) -> FlowCheck:
    """Parse, validate and convert a flow text. Never raises."""
    value, errors = parse_text(text)
    if errors:
        return FlowCheck(text, Shape.UNKNOWN, tuple(errors), None)
    shape = detect_shape(value)
    errors = validate_flow(value)
    if errors:
        return FlowCheck(text, shape, tuple(errors), None)
    return FlowCheck(text, shape, (), FlowDefinition.from_dict(to_canonical(value)))
