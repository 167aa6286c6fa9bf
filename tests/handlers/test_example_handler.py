"""The README's example handler (`docs/examples/log-message`), installed as a plug-in is installed: its
package on the path and its one entry-point line in the `fabflow.handlers` group. Then validation,
the schema and `check-flow` know it, and a flow runs it on the in-process worker."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobs.handlers import registry
from jobs.runtime import Embedded
from server.cli import main
from server.domain.actors import Actor
from server.domain.flows import flow_json_schema, load_flow
from server.domain.flows.payload_specs import unregister_handler
from server.domain.statuses import OrderStatus, RunStatus
from server.models import FlowRun, HistoryEntry, Order
from server.services import flow_runs
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, MakeOrder, jobs, make_flow, make_order, stage, task

__all__ = ["jobs", "make_flow", "make_order"]

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "log-message"


@pytest.fixture
def example_installed(tmp_path: Path) -> Iterator[None]:
    """What `pip install docs/examples/log-message` leaves: the module importable, the entry point listed."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text())["project"]
    points = project["entry-points"]["fabflow.handlers"]
    dist = tmp_path / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    lines = "".join(f"{name} = {target}\n" for name, target in points.items())
    (dist / "entry_points.txt").write_text("[fabflow.handlers]\n" + lines)
    sys.path[:0] = [str(tmp_path), str(EXAMPLE)]
    registry.handlers.cache_clear()
    registry.install_handlers()
    try:
        yield
    finally:
        sys.path.remove(str(tmp_path))
        sys.path.remove(str(EXAMPLE))
        sys.modules.pop("fabflow_log_message", None)
        unregister_handler("log-message")
        registry.handlers.cache_clear()
        registry.install_handlers()


LOG_THEN_WAIT = {
    "stages": [
        stage(
            "s",
            [
                task(
                    "note",
                    "log-message",
                    {"message": "Order {orderName} is on its way.", "level": "info"},
                    next=[{"taskDefinitionKey": "pause", "trigger": "success"}],
                ),
                task("pause", "wait", {"duration": 1}),
            ],
            ["note"],
        )
    ]
}


def test_without_the_package_the_key_is_unknown() -> None:
    check = load_flow(json.dumps(LOG_THEN_WAIT))

    assert [error.pointer for error in check.errors] == ["/stages/0/taskDefinitions/0/handlerKey"]


def test_the_installed_example_is_validated_and_in_the_schema(example_installed: None) -> None:
    wrong = json.loads(json.dumps(LOG_THEN_WAIT))
    wrong["stages"][0]["taskDefinitions"][0]["payload"] = {"mesage": "hi"}

    errors = load_flow(json.dumps(wrong)).errors

    assert load_flow(json.dumps(LOG_THEN_WAIT)).ok
    assert [e.message for e in errors] == [
        '"mesage" is not a field of a log-message payload; did you mean "message"?',
        '"message" is missing: the line to write; {placeholders} are filled in.',
    ]
    task_schema = flow_json_schema()["properties"]["stages"]["items"]["properties"]["taskDefinitions"][
        "items"
    ]
    assert "log-message" in task_schema["properties"]["handlerKey"]["enum"]


def test_check_flow_knows_the_installed_example(
    example_installed: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "flow.json"
    path.write_text(json.dumps(LOG_THEN_WAIT))

    assert main(["check-flow", str(path)]) == 0
    assert "note (log-message)" in capsys.readouterr().out


async def test_a_flow_runs_the_installed_example_on_the_worker(
    example_installed: None, jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor
) -> None:
    # given
    flow = await make_flow(LOG_THEN_WAIT)
    order = await make_order(flow.flow.key, name="ORD-LOG-1")

    # when
    run = await flow_runs.start_order_flow(admin, order.id)

    # then
    async def ended() -> FlowRun | None:
        current = await FlowRun.get(id=run.id)
        return current if current.status == RunStatus.SUCCESS else None

    await until(ended, timeout=30)
    assert (await Order.get(id=order.id)).status == OrderStatus.SUCCESS
    [logged] = await HistoryEntry.filter(order_id=order.id, kind="log-message")
    assert logged.message == "Order ORD-LOG-1 is on its way."
    assert logged.data == {"task": "note", "level": "info"}


def test_the_readme_shows_the_example_as_it_is() -> None:
    readme = (EXAMPLE.parents[2] / "README.md").read_text()

    assert (EXAMPLE / "fabflow_log_message.py").read_text() in readme
    assert 'log-message = "fabflow_log_message:HANDLER"' in readme
