"""Flow pages: the list, a new flow, the editor with validation as you type, versions and their diff.

Everyone may read flows; creating, editing and enabling them is for admins.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from server.domain.flows import FlowCheck
from server.services import auth, flows, manufacturing, permissions
from server.services.errors import NotFound, ServiceError
from web.diagram import flow_svg
from web.guard import actor_of, page
from web.json_lines import line_of, pointer_lines
from web.templating import is_partial, render

MAX_SOURCE = 200_000
STARTER = {
    "stages": [
        {
            "key": "confirm",
            "initialTaskDefinitionKeys": ["check-order"],
            "taskDefinitions": [
                {
                    "key": "check-order",
                    "handlerKey": "manual-task",
                    "payload": {
                        "title": "Check the order",
                        "description": "Look at the files, then complete.",
                    },
                    "next": [],
                }
            ],
        }
    ]
}


@dataclass(frozen=True)
class ShownError:
    line: int | None
    where: str
    message: str
    column: int | None = None


def shown_errors(check: FlowCheck) -> list[ShownError]:
    """The check's errors with a line each: JSON syntax errors have theirs, others are found by pointer."""
    lines = pointer_lines(check.source) if check.errors and check.errors[0].line is None else {}
    shown = []
    for error in check.errors:
        line = error.line if error.line is not None else line_of(lines, error.pointer)
        shown.append(ShownError(line, error.pointer or "/", error.message, error.column))
    return shown


def check_context(source: str) -> dict[str, Any]:
    check = flows.check_source(source[:MAX_SOURCE])
    diagram = flow_svg(check.definition) if check.definition else None
    return {"check": check, "errors": shown_errors(check), "diagram": diagram}


def _uuid(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError as exc:
        raise NotFound("No such flow.") from exc


def _can_edit(request: Request) -> bool:
    return permissions.allows(actor_of(request), "updateFlow")


@page("flows")
async def flow_list(request: Request) -> Response:
    listed = await flows.list_flows(actor_of(request))
    return render(request, "flows/list.html", {"flows": listed, "can_edit": _can_edit(request)})


async def _new_page(request: Request, form: Any, status: int = 200, error: Any = None) -> Response:
    spaces = await auth.visible_spaces(actor_of(request))
    source = form.get("source") if form else json.dumps(STARTER, indent=2)
    context = {
        "spaces": spaces,
        "draft": form or {},
        "source": source,
        "error": error,
        **check_context(source),
    }
    return render(request, "flows/new.html", context, status_code=status)


@page("createFlow")
async def flow_new(request: Request) -> Response:
    return await _new_page(request, None)


@page("createFlow")
async def flow_create(request: Request) -> Response:
    form = await request.form()
    source = str(form.get("source", ""))[:MAX_SOURCE]
    try:
        created = await flows.create_flow(
            actor_of(request),
            str(form.get("space", "")),
            str(form.get("name", "")),
            source,
            key=str(form.get("key", "")).strip() or None,
        )
    except ServiceError as exc:
        return await _new_page(request, form, 400, exc)
    return RedirectResponse(f"/flows/{created.flow.id}", status_code=303)


@page("checkFlow")
async def flow_check(request: Request) -> Response:
    """Validation as you type: the errors with their lines, and the diagram when the flow is valid."""
    form = await request.form()
    context = check_context(str(form.get("source", "")))
    return render(request, "flows/_check.html", {**context, "warnings": await _warnings(context)})


async def _warnings(context: dict[str, Any]) -> list[str]:
    """What may keep a valid flow from running (a slicing engine no worker reported); never a refusal."""
    definition = context["check"].definition
    return await manufacturing.engine_warnings(definition.to_dict()) if definition else []


async def _flow_page(request: Request, flow_id: UUID, source: str | None = None, **extra: Any) -> Response:
    detail = await flows.get_flow(actor_of(request), flow_id)
    text = detail.current.source if source is None else source
    context = {
        "detail": detail,
        "flow": detail.flow,
        "source": text,
        "can_edit": _can_edit(request),
        **check_context(text),
        **extra,
    }
    context["warnings"] = await _warnings(context)
    return render(request, "flows/edit.html", context, status_code=400 if extra.get("error") else 200)


@page("flow")
async def flow_page(request: Request) -> Response:
    return await _flow_page(request, _uuid(request.path_params["flow_id"]))


@page("updateFlow")
async def flow_save(request: Request) -> Response:
    flow_id = _uuid(request.path_params["flow_id"])
    source = str((await request.form()).get("source", ""))[:MAX_SOURCE]
    try:
        detail = await flows.update_flow(actor_of(request), flow_id, source)
    except NotFound:
        raise
    except ServiceError as exc:
        return await _flow_page(request, flow_id, source, error=exc)
    return await _flow_page(request, flow_id, notice=f"Saved as version {detail.current.number}.")


@page("setFlowEnabled")
async def flow_enable(request: Request) -> Response:
    flow_id = _uuid(request.path_params["flow_id"])
    enabled = (await request.form()).get("enabled") == "1"
    await flows.set_flow_enabled(actor_of(request), flow_id, enabled)
    if is_partial(request):
        return await _flow_page(request, flow_id, notice="Enabled." if enabled else "Disabled.")
    return RedirectResponse(f"/flows/{flow_id}", status_code=303)


def diff_lines(old: str, new: str, old_name: str, new_name: str) -> Markup:
    """A unified diff as escaped lines with a class per kind (added, removed, hunk)."""
    out = []
    for line in difflib.unified_diff(
        old.splitlines(), new.splitlines(), old_name, new_name, lineterm="", n=3
    ):
        kind = "add" if line.startswith("+") else "del" if line.startswith("-") else ""
        if line.startswith("@@"):
            kind = "hunk"
        if line.startswith(("+++", "---")):
            kind = "hunk"
        out.append(
            Markup('<span class="{}">{}</span>').format(kind, line) if kind else Markup("{}\n").format(line)
        )
    return Markup("").join(out)


def _version_number(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


@page("flow")
async def flow_diff(request: Request) -> Response:
    detail = await flows.get_flow(actor_of(request), _uuid(request.path_params["flow_id"]))
    by_number = {v.number: v for v in detail.versions}
    newest = detail.current.number
    new = by_number.get(_version_number(request.query_params.get("b"), newest), detail.current)
    old = by_number.get(_version_number(request.query_params.get("a"), new.number - 1), new)
    diff = diff_lines(old.source, new.source, f"version {old.number}", f"version {new.number}")
    context = {"detail": detail, "flow": detail.flow, "old": old, "new": new, "diff": diff}
    return render(request, "flows/diff.html", context)


routes: list[BaseRoute] = [
    Route("/flows", flow_list, methods=["GET"]),
    Route("/flows", flow_create, methods=["POST"]),
    Route("/flows/new", flow_new, methods=["GET"]),
    Route("/flows/check", flow_check, methods=["POST"]),
    Route("/flows/{flow_id}", flow_page, methods=["GET"]),
    Route("/flows/{flow_id}", flow_save, methods=["POST"]),
    Route("/flows/{flow_id}/enabled", flow_enable, methods=["POST"]),
    Route("/flows/{flow_id}/diff", flow_diff, methods=["GET"]),
]
