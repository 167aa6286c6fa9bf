"""Flow validation, sentence by sentence: a single stage validates on its own, and each rule's message
names the field, the value and the fix in full."""

from __future__ import annotations

from typing import Any

from server.domain.flows.validate import validate_flow

Json = dict[str, Any]


def task(key: str, **extra: Any) -> Json:
    return {"key": key, "handlerKey": "wait", "payload": {"duration": 1}, **extra}


def errors(value: Any) -> list[tuple[str, str]]:
    return [(error.pointer, error.message) for error in validate_flow(value)]


def test_a_flow_written_as_a_single_stage_is_valid() -> None:
    assert errors({"key": "s", "taskDefinitions": [task("a")], "initialTaskDefinitionKeys": ["a"]}) == []


def test_a_single_stage_is_checked_as_a_stage() -> None:
    stage = {"key": "s", "taskDefinitions": [task("a")], "initialTaskDefinitionKeys": ["a"], "bogus": 1}

    assert errors(stage) == [
        (
            "/bogus",
            '"bogus" is not a field of a stage; the fields are key, taskDefinitions, '
            "initialTaskDefinitionKeys.",
        )
    ]


def test_status_problems_say_what_a_flow_may_set() -> None:
    tasks = [task("a", successStatus=3), task("b", successStatus="Created"), task("c", successStatus="Done")]

    assert errors(
        {"stages": [{"key": "s", "taskDefinitions": tasks, "initialTaskDefinitionKeys": ["a"]}]}
    ) == [
        (
            "/stages/0/taskDefinitions/0/successStatus",
            '"successStatus" must be an order status name, not a number.',
        ),
        (
            "/stages/0/taskDefinitions/1/successStatus",
            '"successStatus" cannot be "Created": a flow never puts an order back to Created.',
        ),
        (
            "/stages/0/taskDefinitions/2/successStatus",
            '"successStatus" is not an order status a flow can set ("Done"); '
            'use "In progress", "Success", "Failure" or "Unhealthy".',
        ),
    ]


def test_duplicates_name_the_first_use_and_unknown_keys_list_the_known() -> None:
    stage = {
        "key": "s",
        "taskDefinitions": [
            task("a"),
            task("a"),
            task(
                "b",
                next=[
                    {"taskDefinitionKey": 1, "trigger": "success"},
                    {"taskDefinitionKey": "zzzz", "trigger": "success"},
                ],
            ),
        ],
        "initialTaskDefinitionKeys": [1, "qqqq"],
    }

    found = errors(stage)

    assert (
        "/taskDefinitions/1/key",
        'The task key "a" is used twice in this stage (also by task 1).',
    ) in found
    assert (
        "/taskDefinitions/2/next/1/taskDefinitionKey",
        '"zzzz" names no task here; the tasks are: a, b.',
    ) in found
    assert ("/initialTaskDefinitionKeys/1", '"qqqq" names no task here; the tasks are: a, b.') in found


def test_duplicate_stage_keys_and_step_ids_name_the_first_use() -> None:
    stage = {"key": "s", "taskDefinitions": [task("a")], "initialTaskDefinitionKeys": ["a"]}
    step = {"stepDefinitionId": "x", "type": "wait", "options": {"duration": 1}}

    assert errors({"stages": [stage, stage]}) == [
        ("/stages/1/key", 'The stage key "s" is used twice (also by stage 1).')
    ]
    assert errors([{**step, "onSuccess": "nowhere"}, step]) == [
        ("/1/stepDefinitionId", 'The step id "x" is used twice (also by step 1).'),
        ("/0/onSuccess", '"nowhere" names no step here; the steps are: x.'),
    ]


def test_what_is_no_flow_says_what_it_is() -> None:
    assert errors({"stepDefinitionId": "x"}) == [
        ("", "This is a single step; a flow in the step format is a list of steps: put it in [ ].")
    ]
    assert errors({"handlerKey": "x"}) == [
        (
            "",
            'This is a single task definition; a flow needs a stage: {"key": "stage-1", '
            '"taskDefinitions": [...], "initialTaskDefinitionKeys": [...]}.',
        )
    ]
    assert errors({"a": 1}) == [
        (
            "",
            'A flow must be an object with "stages", a single stage (with "taskDefinitions"), '
            "or a list of steps; this is an object without stages.",
        )
    ]
