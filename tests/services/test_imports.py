"""The services' imports: all at the top of their module, none of `jobs` or a transport (DESIGN §7).

An import inside a function hides a dependency: two modules that import each other that way form a
cycle that shows only when one of them is loaded first. The modules are read as source, not imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "server" / "services"
PROJECT = ("server", "jobs", "graphql_schema", "web")
ABOVE_THE_SERVICES = ("jobs", "graphql_schema", "web")

HIDDEN = """
from server.models import Order
if TYPE_CHECKING:
    from server.services.flows import FlowDetail

async def start(order):
    from server.services.flow_runs import start_for_new_order
    return await start_for_new_order(order.id)

class Loader:
    def load(self):
        if self.lazy:
            import jobs.runtime
        import json
"""


def imported_module(node: ast.Import | ast.ImportFrom) -> str:
    if isinstance(node, ast.ImportFrom):
        return "." * node.level + (node.module or "")
    return node.names[0].name


def is_project(module: str) -> bool:
    return module.startswith(".") or module.split(".")[0] in PROJECT


def function_level_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of each import of the project that sits inside a function, at any depth."""
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom) and is_project(imported_module(node)):
                found.append((node.lineno, imported_module(node)))
    return sorted(set(found))


def service_modules() -> list[Path]:
    return sorted(SERVICES.rglob("*.py"))


def test_the_check_finds_an_import_hidden_in_a_function_and_passes_the_top_level_ones() -> None:
    assert function_level_imports(HIDDEN) == [(7, "server.services.flow_runs"), (13, "jobs.runtime")]


def test_no_service_imports_the_project_inside_a_function() -> None:
    hidden = {
        f"{path.relative_to(SERVICES.parent.parent)}:{line}": module
        for path in service_modules()
        for line, module in function_level_imports(path.read_text(encoding="utf-8"))
    }

    assert len(service_modules()) > 20
    assert hidden == {}, "move these imports to the top of their module (a cycle they hide must go)"


def test_no_service_imports_jobs_or_a_transport() -> None:
    above = {
        f"{path.relative_to(SERVICES.parent.parent)}:{node.lineno}": imported_module(node)
        for path in service_modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and imported_module(node).split(".")[0] in ABOVE_THE_SERVICES
    }

    assert above == {}, "services reach jobs through the dispatcher port, never by import"
