"""Parsing flow texts and converting the three accepted shapes to the canonical form."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from server.domain.flows.definition import STATUS_NAMES, STATUS_PATTERN, FlowDefinition, parse_status
from server.domain.flows.parse import Shape, detect_shape, parse_text, to_canonical, to_definition
from server.domain.flows.validate import load_flow
from server.domain.jsonpos import locate_outside_strings, pointer
from server.domain.statuses import OrderStatus

STEP_LIST = [
    {
        "stepDefinitionId": "generate",
        "type": "generate-production-files",
        "successStatus": "In progress",
        "options": {"fileFormat": "stl"},
        "timeout": 60000,
        "onSuccess": "email",
        "onError": "error",
    },
    {
        "stepDefinitionId": "email",
        "type": "send-email",
        "successStatus": "Success",
        "options": {"recipients": ["a@example.com"], "subject": "Done", "message": "Your order is made."},
    },
    {
        "stepDefinitionId": "error",
        "type": "send-email",
        "successStatus": "Failed",
        "options": {"recipient": ["ops@example.com"], "subject": "Error", "message": "It failed."},
        "onSuccess": None,
    },
]

STAGE = {
    "key": "only",
    "taskDefinitions": [
        {"key": "t1", "handlerKey": "wait", "payload": {"duration": 10}, "next": None},
        {"key": "t2", "handlerKey": "manual-task", "payload": {"title": "Check", "description": None}},
    ],
    "initialTaskDefinitionKeys": ["t1", "t2"],
}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("", 1, 1),
        ("[1,]", 1, 4),
        ('{"a": 1,}', 1, 9),
        ("{a: 1}", 1, 2),
        ('{\n  "a": "x\\\n  y"\n}', 2, 10),
        ('{\n\t"a": "line\nbreak"\n}', 2, 12),
        ('{"a": [1 2]}', 1, 10),
        ('{"a": 1} x', 1, 10),
        ('"open', 1, 1),
        ('{"a": NaN}', 1, 7),
        ('["NaN", -Infinity]', 1, 9),
    ],
)
def test_text_that_is_not_json_gives_line_and_column(text: str, line: int, column: int) -> None:
    value, errors = parse_text(text)
    assert value is None
    assert len(errors) == 1
    (error,) = errors
    assert (error.line, error.column) == (line, column)
    assert f"line {line}, column {column}" in error.message
    assert error.pointer == ""


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, "1" * 5000, b"\xff\xfe{", b'{"a": "\xc3"}'],
    ids=["deeply nested", "huge integer", "not utf-8", "truncated utf-8"],
)
def test_hostile_text_is_an_error_not_an_exception(text: str | bytes) -> None:
    value, errors = parse_text(text)
    assert value is None
    assert errors and errors[0].line is not None


def test_a_byte_order_mark_is_ignored() -> None:
    assert parse_text('\ufeff{"stages": []}') == ({"stages": []}, [])
    assert parse_text(b'{"a": "\xc3\xa9"}') == ({"a": "é"}, [])


def test_locating_a_token_skips_strings() -> None:
    text = '{"x": "NaN \\" NaN",\n "y": NaN}'
    assert locate_outside_strings(text, "NaN") == (2, 7)
    assert locate_outside_strings("{}", "NaN") == (1, 1)


def test_json_pointers_escape_slash_and_tilde() -> None:
    assert pointer("stages", 0, "a/b~c") == "/stages/0/a~1b~0c"
    assert pointer() == ""


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ({"stages": []}, Shape.CANONICAL),
        ({"tags": ["x"], "stages": None}, Shape.CANONICAL),
        ({"key": "s", "taskDefinitions": []}, Shape.STAGE),
        ({"initialTaskDefinitionKeys": []}, Shape.STAGE),
        ([], Shape.STEP_LIST),
        ([{"stepDefinitionId": "a"}], Shape.STEP_LIST),
        ({"stepDefinitionId": "a"}, Shape.UNKNOWN),
        ({"key": "t", "handlerKey": "wait"}, Shape.UNKNOWN),
        ({}, Shape.UNKNOWN),
        (None, Shape.UNKNOWN),
        ("stages", Shape.UNKNOWN),
        (3, Shape.UNKNOWN),
    ],
)
def test_shape_detection(value: object, shape: Shape) -> None:
    assert detect_shape(value) is shape


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("In progress", OrderStatus.IN_PROGRESS),
        ("IN_PROGRESS", OrderStatus.IN_PROGRESS),
        ("in-progress", OrderStatus.IN_PROGRESS),
        ("InProgress", OrderStatus.IN_PROGRESS),
        (" Success ", OrderStatus.SUCCESS),
        ("SUCCESS", OrderStatus.SUCCESS),
        ("Failed", OrderStatus.FAILURE),
        ("failure", OrderStatus.FAILURE),
        ("FAILURE", OrderStatus.FAILURE),
        ("Unhealthy", OrderStatus.UNHEALTHY),
        ("Created", None),
        ("Done", None),
        ("", None),
        ("In  progress", OrderStatus.IN_PROGRESS),
        ("Inprogres", None),
    ],
)
def test_status_names_match_case_insensitively(name: str, status: OrderStatus | None) -> None:
    assert parse_status(name) is status
    # The JSON Schema's pattern accepts exactly what parse_status does.
    assert bool(re.search(STATUS_PATTERN, name)) is (status is not None)


def test_every_status_name_reads_back_as_its_status() -> None:
    for name, status in STATUS_NAMES.items():
        assert parse_status(name.upper()) is status


def test_a_step_list_becomes_one_stage_started_by_its_first_step() -> None:
    canonical = to_canonical(STEP_LIST)

    assert canonical == {
        "tags": [],
        "stages": [
            {
                "key": "stage-1",
                "taskDefinitions": [
                    {
                        "key": "generate",
                        "handlerKey": "generate-production-files",
                        "payload": {"fileFormat": "stl"},
                        "timeoutDuration": 60000,
                        "next": [
                            {"taskDefinitionKey": "email", "trigger": "success"},
                            {"taskDefinitionKey": "error", "trigger": "failure"},
                        ],
                        "successStatus": "IN_PROGRESS",
                    },
                    {
                        "key": "email",
                        "handlerKey": "send-email",
                        "payload": {
                            "recipients": ["a@example.com"],
                            "subject": "Done",
                            "body": "Your order is made.",
                        },
                        "next": [],
                        "successStatus": "SUCCESS",
                    },
                    {
                        "key": "error",
                        "handlerKey": "send-email",
                        "payload": {
                            "recipients": ["ops@example.com"],
                            "subject": "Error",
                            "body": "It failed.",
                        },
                        "next": [],
                        "successStatus": "FAILURE",
                    },
                ],
                "initialTaskDefinitionKeys": ["generate"],
            }
        ],
    }


def test_a_single_stage_becomes_the_only_stage_with_nulls_dropped() -> None:
    canonical = to_canonical(STAGE)

    assert canonical["tags"] == []
    (stage,) = canonical["stages"]
    assert stage["key"] == "only"
    assert stage["initialTaskDefinitionKeys"] == ["t1", "t2"]
    assert stage["taskDefinitions"][0] == {
        "key": "t1",
        "handlerKey": "wait",
        "payload": {"duration": 10},
        "next": [],
    }
    assert stage["taskDefinitions"][1]["payload"] == {"title": "Check"}


def test_canonical_flows_keep_their_tags_and_resolve_payload_aliases() -> None:
    stage: dict[str, Any] = STAGE | {"key": "s"}
    flow = {"tags": ["eyewear"], "stages": [stage]}
    stage["taskDefinitions"] = [
        {
            "key": "mail",
            "handlerKey": "asset-email",
            "payload": {"filter": ".*", "recipient": ["{customerEmail}"], "subject": "s", "message": "m"},
            "successStatus": "success",
        }
    ]
    stage["initialTaskDefinitionKeys"] = ["mail"]

    definition = to_definition(flow)

    assert definition.tags == ("eyewear",)
    task = definition.stages[0].task("mail")
    assert task is not None
    assert task.payload == {"filter": ".*", "recipients": ["{customerEmail}"], "subject": "s", "body": "m"}
    assert task.success_status is OrderStatus.SUCCESS


def test_the_canonical_dict_round_trips() -> None:
    definition = to_definition(STEP_LIST)
    canonical = definition.to_dict()

    assert FlowDefinition.from_dict(canonical) == definition
    assert to_canonical(canonical) == canonical
    assert json.loads(json.dumps(canonical)) == canonical


def test_load_flow_keeps_the_source_and_gives_the_definition() -> None:
    source = json.dumps(STEP_LIST, indent=2)

    check = load_flow(source)

    assert check.ok and check.shape is Shape.STEP_LIST
    assert check.source == source
    assert check.definition == to_definition(STEP_LIST)
    assert check.canonical() == to_canonical(STEP_LIST)


def test_load_flow_reports_a_parse_error_and_no_definition() -> None:
    check = load_flow('{"stages": [}')

    assert not check.ok and check.definition is None and check.canonical() is None
    assert check.shape is Shape.UNKNOWN
    assert (check.errors[0].line, check.errors[0].column) == (1, 13)
    assert str(check.errors[0]) == check.errors[0].message


def test_to_canonical_refuses_what_is_no_flow() -> None:
    with pytest.raises(ValueError, match="validate it first"):
        to_canonical({"nothing": 1})
