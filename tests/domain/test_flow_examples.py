"""The examples in tests/examples: valid JSON validates, broken JSON says where it breaks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.domain.flows.engine import RunStarted, RunState, TaskFailed, TaskSucceeded, step
from server.domain.flows.parse import Shape, parse_text
from server.domain.flows.schema import flow_json_schema
from server.domain.flows.validate import load_flow, validate_flow, validate_step, validate_task_definition
from server.domain.statuses import OrderStatus, RunStatus
from tests.domain.test_flow_validate import schema_errors

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FLOW_FILES = sorted(EXAMPLES.glob("*.flow.json"))
TASK_FILES = sorted(EXAMPLES.glob("*.task.json"))
STEP_FILES = sorted(EXAMPLES.glob("*.step.json"))
# The documentation's mistakes, and where a JSON parser first trips on them.
NOT_JSON = {
    "seed-000-send-email.task.json": (9, 88),  # a backslash line continuation
    "seed-000-asset-email.task.json": (8, 4),  # an unquoted e-mail address
    "seed-003-connector-body.json": (36, 6),  # versions items without braces
}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def names(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


def test_the_examples_are_there() -> None:
    assert {
        "fixed-000-three-tasks.flow.json",
        "seed-002-step-list.flow.json",
        "seed-003-connector.flow.json",
    } <= set(names(FLOW_FILES))
    assert len(TASK_FILES) >= 6 and len(STEP_FILES) >= 3
    assert set(NOT_JSON) <= {path.name for path in EXAMPLES.glob("*.json")}


@pytest.mark.parametrize("path", FLOW_FILES, ids=names(FLOW_FILES))
def test_every_flow_example_validates_and_converts(path: Path) -> None:
    check = load_flow(read(path))

    assert check.errors == ()
    canonical = check.canonical()
    assert canonical is not None
    assert validate_flow(canonical) == []
    assert load_flow(json.dumps(canonical)).canonical() == canonical
    assert schema_errors(flow_json_schema(), canonical) == []


@pytest.mark.parametrize("path", TASK_FILES, ids=names(TASK_FILES))
def test_every_task_example_that_is_json_validates_as_a_task_definition(path: Path) -> None:
    value, errors = parse_text(read(path))
    if path.name in NOT_JSON:
        assert value is None
        return
    assert errors == []
    assert validate_task_definition(value) == []


@pytest.mark.parametrize("path", STEP_FILES, ids=names(STEP_FILES))
def test_every_step_example_validates_as_a_step(path: Path) -> None:
    value, errors = parse_text(read(path))

    assert errors == []
    assert validate_step(value) == []


@pytest.mark.parametrize(("name", "where"), NOT_JSON.items(), ids=list(NOT_JSON))
def test_the_broken_examples_say_line_and_column(name: str, where: tuple[int, int]) -> None:
    value, errors = parse_text(read(EXAMPLES / name))

    assert value is None
    (error,) = errors
    assert (error.line, error.column) == where
    assert f"line {where[0]}, column {where[1]}" in error.message
    if name.endswith(".flow.json") or name.endswith(".task.json"):
        assert load_flow(read(EXAMPLES / name)).errors == (error,)


def test_the_step_list_converts_as_the_design_says() -> None:
    check = load_flow(read(EXAMPLES / "seed-002-step-list.flow.json"))

    assert check.shape is Shape.STEP_LIST and check.definition is not None
    (stage,) = check.definition.stages
    assert stage.initial_task_definition_keys == ("generate",)
    error, email = stage.task("error"), stage.task("email")
    assert error is not None and email is not None
    assert error.success_status is OrderStatus.FAILURE  # "Failed"
    assert email.payload["body"] == "Success message"  # "message"
    assert [(entry.task_definition_key, entry.trigger.value) for entry in email.next] == [
        ("error", "failure")
    ]


def test_the_three_tasks_example_resolves_recipient() -> None:
    check = load_flow(read(EXAMPLES / "fixed-000-three-tasks.flow.json"))

    assert check.definition is not None
    first = check.definition.stages[0].task("task-key-1")
    assert first is not None and first.payload["recipients"] == ["test-order@example.com"]
    assert "recipient" not in first.payload


def run_step_list(*outcomes: str) -> RunState:
    """Run the seed-002 step list; each outcome ("ok" / "fail") ends the latest started task."""
    check = load_flow(read(EXAMPLES / "seed-002-step-list.flow.json"))
    assert check.definition is not None
    state, _ = step(RunState(check.definition, run_id="example"), RunStarted())
    for outcome in outcomes:
        latest = state.active_task_runs()[-1].id
        state, _ = step(state, TaskSucceeded(latest) if outcome == "ok" else TaskFailed(latest, "broken"))
    return state


def test_the_step_list_runs_to_success() -> None:
    state = run_step_list("ok", "ok", "ok")

    assert [task.key for task in state.task_runs] == ["generate", "consume", "email"]
    assert (state.status, state.order_status) == (RunStatus.SUCCESS, OrderStatus.SUCCESS)


def test_the_step_list_error_step_ends_the_order_as_failure() -> None:
    state = run_step_list("ok", "fail", "ok")

    assert [task.key for task in state.task_runs] == ["generate", "consume", "error"]
    assert (state.status, state.order_status) == (RunStatus.FAILURE, OrderStatus.FAILURE)
