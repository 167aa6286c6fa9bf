"""Text → JSON value → canonical dict → `FlowDefinition`.

Three shapes are accepted (DESIGN §4.1): the canonical `{"stages": [...], "tags"?: [...]}`, a single
stage object, and the older step list `[{stepDefinitionId, type, successStatus, options, ...}]`.
The converters here trust their input: run `validate` first (`validate.load_flow` does both).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from server.domain.flows.definition import FlowDefinition, FlowError, Json, Trigger, parse_status
from server.domain.flows.payload_specs import handler_spec
from server.domain.jsonpos import loads

STEP_LIST_STAGE_KEY = "stage-1"  # the one stage a step list becomes


class Shape(StrEnum):
    CANONICAL = "canonical"  # {"stages": [...], "tags"?: [...]}
    STAGE = "stage"  # a single stage object (the editor's IFlowStage)
    STEP_LIST = "step-list"  # the older list of steps
    UNKNOWN = "unknown"  # none of these


def parse_text(text: str | bytes) -> tuple[Any, list[FlowError]]:
    """The JSON value of `text`, or an error with line and column. Never raises."""
    value, error = loads(text)
    if error is None:
        return value, []
    return None, [FlowError("", error.message, error.line, error.column)]


def detect_shape(value: Any) -> Shape:
    if isinstance(value, list):
        return Shape.STEP_LIST
    if isinstance(value, dict):
        if "stages" in value:
            return Shape.CANONICAL
        if "taskDefinitions" in value or "initialTaskDefinitionKeys" in value:
            return Shape.STAGE
    return Shape.UNKNOWN


def to_canonical(value: Any) -> Json:
    """The canonical dict of a valid flow in any accepted shape."""
    shape = detect_shape(value)
    if shape is Shape.CANONICAL:
        stages = [canonical_stage(stage) for stage in value["stages"]]
        return {"tags": list(value.get("tags") or ()), "stages": stages}
    if shape is Shape.STAGE:
        return {"tags": [], "stages": [canonical_stage(value)]}
    if shape is Shape.STEP_LIST:
        return {"tags": [], "stages": [step_list_stage(value)]}
    raise ValueError("Not a flow in any accepted shape; validate it first.")


def to_definition(value: Any) -> FlowDefinition:
    return FlowDefinition.from_dict(to_canonical(value))


def canonical_stage(stage: Json) -> Json:
    return {
        "key": stage["key"],
        "taskDefinitions": [canonical_task(task) for task in stage["taskDefinitions"]],
        "initialTaskDefinitionKeys": list(stage["initialTaskDefinitionKeys"]),
    }


def canonical_task(task: Json) -> Json:
    """A task definition with its payload's aliases resolved, nulls dropped and the status canonical."""
    result: Json = {
        "key": task["key"],
        "handlerKey": task["handlerKey"],
        "payload": canonical_payload(task["handlerKey"], task.get("payload")),
    }
    if task.get("timeoutDuration") is not None:
        result["timeoutDuration"] = task["timeoutDuration"]
    result["next"] = [
        {"taskDefinitionKey": entry["taskDefinitionKey"], "trigger": entry["trigger"]}
        for entry in task.get("next") or ()
    ]
    status = canonical_status(task.get("successStatus"))
    if status is not None:
        result["successStatus"] = status
    return result


def step_list_stage(steps: list[Json]) -> Json:
    """One stage; the first step is the initial task; onSuccess/onError become next entries."""
    return {
        "key": STEP_LIST_STAGE_KEY,
        "taskDefinitions": [canonical_task(step_task(step)) for step in steps],
        "initialTaskDefinitionKeys": [steps[0]["stepDefinitionId"]],
    }


def step_task(step: Json) -> Json:
    """A step in the terms of a task definition (not yet canonical)."""
    links = ((step.get("onSuccess"), Trigger.SUCCESS), (step.get("onError"), Trigger.FAILURE))
    return {
        "key": step["stepDefinitionId"],
        "handlerKey": step["type"],
        "payload": step.get("options"),
        "timeoutDuration": step.get("timeout"),
        "next": [{"taskDefinitionKey": key, "trigger": trigger.value} for key, trigger in links if key],
        "successStatus": step.get("successStatus"),
    }


def canonical_payload(handler_key: str, payload: Json | None) -> Json:
    spec = handler_spec(handler_key)
    payload = payload or {}
    return spec.payload.normalize(payload) if spec else dict(payload)


def canonical_status(name: str | None) -> str | None:
    status = parse_status(name) if name is not None else None
    return status.value if status is not None else None
