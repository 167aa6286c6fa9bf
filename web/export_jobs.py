"""Exports made in the background, with a progress bar and a download link.

`POST <table>/export-jobs` asks for one: `scope=selected` with the ticked `id`s (from every page:
the page keeps the ticks in the tab's sessionStorage and sends them all), or `scope=all` with the
table's filter and sort fields (every matching row, any number); `format` (`csv`, `zip`,
`zip-files`) and the `column`s to write. The job and its file live in the database and the asset
store (`server.services.export_jobs`), so the page may ask any `fabflow serve` process for the
progress (every second) and the file. Only the user who asked sees them; they expire.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Route

from server.models import ExportJob
from server.services import export_jobs, exports
from server.services.errors import ValidationFailed
from web.guard import actor_of, page, user_of
from web.lists import EXPORT_FORM_FIELDS
from web.tables import TABLES, Table, read_state
from web.templating import render


def _render(request: Request, job: ExportJob | None, message: str = "", status: int = 200) -> Response:
    context: dict[str, Any] = {"job": job, "message": message}
    if job is not None:
        context["percent"] = export_jobs.percent(job)
        context["kind"] = "CSV" if job.format == "csv" else "zip"
    return render(request, "_export_job.html", context, status_code=status)


def job_start_view(table: Table) -> Any:
    @page("exportRows")
    async def view(request: Request) -> Response:
        form = await request.form(max_fields=EXPORT_FORM_FIELDS)
        user = user_of(request)
        source: export_jobs.Source
        if form.get("scope") == "all":
            source = export_jobs.Matching(read_state(table, form).query())
        else:
            source = export_jobs.Selected(exports.parse_ids((str(v) for v in form.getlist("id")), limit=None))
        chosen = [str(k) for k in form.getlist("column") if table.column(str(k))]
        columns = chosen or [c.key for c in table.visible_columns(user.preferences)]
        fmt = str(form.get("format") or "csv")
        try:
            job = await export_jobs.start(actor_of(request), user, table.name, fmt, source, columns)
        except ValidationFailed as exc:
            return _render(request, None, _sentence(exc), status=200)
        return _render(request, job)

    return view


def _sentence(exc: ValidationFailed) -> str:
    error = exc.errors[0]
    if error.code == "empty":
        return "Nothing is selected: tick rows (on any page), or use Export all matching."
    return f"{exc.message} {error.field}: {error.message}."


@page("exportRows")
async def job_status(request: Request) -> Response:
    job = await export_jobs.job_of(user_of(request), request.path_params["job_id"])
    return _render(request, job)


@page("exportRows")
async def job_download(request: Request) -> Response:
    job = await export_jobs.job_of(user_of(request), request.path_params["job_id"])
    path = export_jobs.file_of(job)
    media_type = "text/csv; charset=utf-8" if job.format == "csv" else "application/zip"
    headers = {"Cache-Control": "no-store"}
    return FileResponse(path, media_type=media_type, filename=job.file_name, headers=headers)


routes: list[BaseRoute] = [
    *(Route(f"{t.path}/export-jobs", job_start_view(t), methods=["POST"]) for t in TABLES.values()),
    Route("/exports/{job_id}", job_status, methods=["GET"]),
    Route("/exports/{job_id}/download", job_download, methods=["GET"]),
]
