"""Flow validation reports every problem, not the first of each kind, and says in the JSON Schema which
handlers need a payload."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from server.domain.flows.parse import Shape
from server.domain.flows.payload_specs import STRING, Field, HandlerSpec, register_handler, unregister_handler
from server.domain.flows.schema import flow_json_schema
from server.domain.flows.validate import (
    load_flow,
    step,
    validate_flow,
    validate_step,
    validate_task_definition,
)

Json = dict[str, Any]


def task(key: Any, **extra: Any) -> Json:
    return {"key": key, "handlerKey": "wait", "payload": {"duration": 1}, **extra}


def stage(key: Any, tasks: list[Json] | None = None, initial: list[Any] | None = None) -> Json:
    tasks, initial = tasks or [task("a")], initial or ["a"]
    return {"key": key, "taskDefinitions": tasks, "initialTaskDefinitionKeys": initial}


def errors(value: Any) -> list[tuple[str, str]]:
    return [(error.pointer, error.message) for error in validate_flow(value)]


def test_every_reused_stage_key_is_reported_after_a_key_that_is_no_string() -> None:
    # given a stage whose key is a number, then three stages named "s" and two named "t"
    flow = {"stages": [stage(7), stage("s"), stage("t"), stage("s"), stage("t"), stage("s")]}

    # when the flow is validated
    found = errors(flow)

    # then the bad key and every reuse is reported, each naming the first use
    assert found == [
        ("/stages/0/key", '"key" must be a non-empty string, not a number.'),
        ("/stages/3/key", 'The stage key "s" is used twice (also by stage 2).'),
        ("/stages/4/key", 'The stage key "t" is used twice (also by stage 3).'),
        ("/stages/5/key", 'The stage key "s" is used twice (also by stage 2).'),
    ]


def test_every_reused_task_key_and_initial_key_is_reported() -> None:
    # given a stage with a task key that is no string, task "a" three times and "a" listed three times
    tasks = [task(1), task("a"), task("a"), task("a")]

    # when it is validated
    found = errors(stage("s", tasks, ["a", "a", "a"]))

    # then each reuse is reported where it is
    assert found == [
        ("/taskDefinitions/0/key", '"key" must be a non-empty string, not a number.'),
        ("/taskDefinitions/2/key", 'The task key "a" is used twice in this stage (also by task 2).'),
        ("/taskDefinitions/3/key", 'The task key "a" is used twice in this stage (also by task 2).'),
        ("/initialTaskDefinitionKeys/1", '"a" is listed twice as an initial task; it would start twice.'),
        ("/initialTaskDefinitionKeys/2", '"a" is listed twice as an initial task; it would start twice.'),
    ]


def test_every_bad_next_entry_is_reported() -> None:
    # given a task whose next entries hold a key that is no string, two unknown keys and two repeats
    next_entries = [
        {"taskDefinitionKey": 3, "trigger": "success"},
        {"taskDefinitionKey": "nope", "trigger": "success"},
        {"taskDefinitionKey": "b", "trigger": "success"},
        {"taskDefinitionKey": "b", "trigger": "success"},
        {"taskDefinitionKey": "zilch", "trigger": "failure"},
        {"taskDefinitionKey": "b", "trigger": "success"},
    ]
    tasks = [task("a", next=next_entries), task("b")]

    # when the stage is validated
    found = errors(stage("s", tasks))

    # then every one is reported, at its entry
    at = "/taskDefinitions/0/next"
    assert found == [
        (f"{at}/0/taskDefinitionKey", '"taskDefinitionKey" must be a non-empty string, not a number.'),
        (f"{at}/1/taskDefinitionKey", '"nope" names no task here; the tasks are: a, b.'),
        (f"{at}/3", 'The next entry ("b" on success) is given twice.'),
        (f"{at}/4/taskDefinitionKey", '"zilch" names no task here; the tasks are: a, b.'),
        (f"{at}/5", 'The next entry ("b" on success) is given twice.'),
    ]


def test_the_same_key_on_other_triggers_is_no_repeat() -> None:
    # given a task that starts "b" on success, on failure, and on a trigger that is no string
    next_entries = [
        {"taskDefinitionKey": "b", "trigger": "success"},
        {"taskDefinitionKey": "b", "trigger": "failure"},
        {"taskDefinitionKey": "b", "trigger": 5},
        {"taskDefinitionKey": "b", "trigger": 5},
    ]

    # when the stage is validated
    found = errors(stage("s", [task("a", next=next_entries), task("b")]))

    # then only the triggers that are no string are wrong, and none is a repeat
    at = "/taskDefinitions/0/next"
    message = '"trigger" must be "success" or "failure" or "timeout" or "always".'
    assert found == [(f"{at}/2/trigger", message), (f"{at}/3/trigger", message)]


def test_every_reused_step_id_and_dangling_link_is_reported() -> None:
    # given a step list with an id that is no string, "x" three times and two links to nowhere
    step = {"type": "wait", "options": {"duration": 1}}
    steps = [
        {**step, "stepDefinitionId": 9},
        {**step, "stepDefinitionId": "x", "onSuccess": "gone", "onError": "lost"},
        {**step, "stepDefinitionId": "x"},
        {**step, "stepDefinitionId": "x", "onError": "x"},
    ]

    # when it is validated
    found = errors(steps)

    # then every problem is reported
    assert found == [
        ("/0/stepDefinitionId", '"stepDefinitionId" must be a non-empty string, not a number.'),
        ("/2/stepDefinitionId", 'The step id "x" is used twice (also by step 2).'),
        ("/3/stepDefinitionId", 'The step id "x" is used twice (also by step 2).'),
        ("/1/onSuccess", '"gone" names no step here; the steps are: x.'),
        ("/1/onError", '"lost" names no step here; the steps are: x.'),
    ]


def test_an_item_of_a_step_list_that_is_no_object_is_named_by_its_place() -> None:
    assert errors([7]) == [("/0", "Item 1 of the step list must be an object {...}, not a number.")]


def test_a_single_step_or_task_definition_that_is_no_object_says_what_it_should_be() -> None:
    assert [(e.pointer, e.message) for e in validate_step([])] == [
        ("", "The step must be an object {...}, not a list.")
    ]
    assert [(e.pointer, e.message) for e in validate_task_definition("x")] == [
        ("", "The task definition must be an object {...}, not a string.")
    ]


@pytest.fixture
def two_handlers() -> Iterator[None]:
    # given a handler that needs a payload and one whose payload is optional
    number = Field("number", STRING, True, description="the fax number.")
    note = Field("note", STRING, description="a note.")
    register_handler(HandlerSpec("send-fax", "Sends a fax.", (number,)))
    register_handler(HandlerSpec("take-note", "Takes a note.", (note,)))
    yield
    unregister_handler("send-fax")
    unregister_handler("take-note")


def fax_cases(schema: Json, handler: str, payload: str) -> dict[str, Json]:
    cases = {}
    for case in schema["allOf"]:
        condition = case.get("if", {})
        key = condition.get("properties", {}).get(handler, {}).get("const")
        if key in ("send-fax", "take-note"):
            assert condition["required"] == [handler]
            cases[key] = case["then"]
    return cases


FAX = {
    "type": "object",
    "properties": {"number": {"type": "string", "description": "the fax number."}},
    "additionalProperties": False,
    "required": ["number"],
}
NOTE = {
    "type": "object",
    "properties": {"note": {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "a note."}},
    "additionalProperties": False,
}


@pytest.mark.usefixtures("two_handlers")
def test_the_schema_requires_a_payload_only_of_a_handler_that_needs_one() -> None:
    # when the schema of a task definition is rendered
    schema = flow_json_schema()["properties"]["stages"]["items"]["properties"]["taskDefinitions"]["items"]

    # then the payload of send-fax is required and fits its spec; take-note's may be absent or null
    assert fax_cases(schema, "handlerKey", "payload") == {
        "send-fax": {"properties": {"payload": FAX}, "required": ["payload"]},
        "take-note": {"properties": {"payload": {"anyOf": [NOTE, {"type": "null"}]}}},
    }


@pytest.mark.usefixtures("two_handlers")
def test_the_step_schema_says_the_same_of_the_options() -> None:
    assert fax_cases(step().json_schema(), "type", "options") == {
        "send-fax": {"properties": {"options": FAX}, "required": ["options"]},
        "take-note": {"properties": {"options": {"anyOf": [NOTE, {"type": "null"}]}}},
    }


def test_a_flow_text_that_fails_keeps_what_the_user_wrote_and_its_shape() -> None:
    # given a text that is no JSON, and a stage that starts a task it does not have
    broken = "{"
    wrong = (
        '{"key": "s", "taskDefinitions": [{"key": "a", "handlerKey": "wait", "payload": {"duration": 1}}], '
    )
    wrong += '"initialTaskDefinitionKeys": ["zzzz"]}'

    # when each is loaded
    unparsed, invalid = load_flow(broken), load_flow(wrong)

    # then each keeps its text and says its shape, with no definition
    assert (unparsed.source, unparsed.shape, unparsed.definition, unparsed.ok) == (
        broken,
        Shape.UNKNOWN,
        None,
        False,
    )
    assert (invalid.source, invalid.shape, invalid.definition, invalid.canonical()) == (
        wrong,
        Shape.STAGE,
        None,
        None,
    )
    assert [(e.pointer, e.message) for e in invalid.errors] == [
        ("/initialTaskDefinitionKeys/0", '"zzzz" names no task here; the tasks are: a.'),
    ]
