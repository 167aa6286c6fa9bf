"""Zip exports with files made in the background, with a progress bar and a download link.

The zip is written by a task of this process to `var/exports/`; the page asks for the progress
every second and offers the file when it is ready. Jobs and their files belong to the user who
asked, live in this process (behind several `fabflow serve` processes, a job is seen by the
process that made it), and are removed an hour after they were made.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Route

from server import settings
from server.services import exports
from server.services.errors import NotFound, ValidationFailed
from web.guard import page, user_of
from web.lists import read_selection
from web.tables import TABLES, Table
from web.templating import render

logger = logging.getLogger(__name__)
KEEP_SECONDS = 60 * 60
MAX_RUNNING_PER_USER = 3


@dataclass
class ExportJob:
    id: str
    user_id: UUID
    table: str
    path: Path
    created: float = field(default_factory=time.monotonic)
    done: int = 0
    total: int = 1
    finished: bool = False
    error: str = ""
    task: asyncio.Task[None] | None = None

    def tell(self, done: int, total: int) -> None:
        self.done, self.total = done, max(total, 1)

    @property
    def percent(self) -> int:
        return 100 if self.finished else min(99, int(100 * self.done / self.total))


_jobs: dict[str, ExportJob] = {}


def export_dir() -> Path:
    return settings.VAR_DIR / "exports"


def _forget_old() -> None:
    now = time.monotonic()
    for job in [j for j in _jobs.values() if now - j.created > KEEP_SECONDS]:
        _jobs.pop(job.id, None)
        with contextlib.suppress(OSError):
            job.path.unlink(missing_ok=True)


def _job_of(request: Request) -> ExportJob:
    job = _jobs.get(request.path_params["job_id"])
    if job is None or job.user_id != user_of(request).id:
        raise NotFound("No such export, or it has expired.")
    return job


async def _run(job: ExportJob, kind: str, rows: list[Any], table: Any) -> None:
    try:
        files = await exports.zip_files(kind, rows, with_files=True)
        job.path.parent.mkdir(parents=True, exist_ok=True)
        parts = rows if kind == "parts" else None
        with job.path.open("wb") as target:
            await asyncio.to_thread(exports.write_zip, kind, table, parts, files, target, job.tell)
        job.finished = True
    except Exception:  # the user is told it failed; the details go to the log
        logger.exception("export %s failed", job.id)
        job.error = "The export failed; try again with fewer rows."


def job_start_view(table: Table) -> Any:
    @page("exportRows")
    async def view(request: Request) -> Response:
        _forget_old()
        user = user_of(request)
        running = [j for j in _jobs.values() if j.user_id == user.id and not j.finished and not j.error]
        if len(running) >= MAX_RUNNING_PER_USER:
            return render(
                request, "_export_job.html", {"job": None, "message": "Wait for your other exports."}
            )
        try:
            chosen = await read_selection(request, table)
        except ValidationFailed as exc:
            return render(request, "_export_job.html", {"job": None, "message": exc.errors[0].message})
        if not chosen.rows:
            return render(request, "_export_job.html", {"job": None, "message": "Select rows first."})
        job_id = secrets.token_urlsafe(12)
        job = ExportJob(job_id, user.id, table.name, export_dir() / f"{job_id}.zip")
        _jobs[job_id] = job
        job.task = asyncio.create_task(_run(job, table.name, chosen.rows, (chosen.header, chosen.values)))
        return render(request, "_export_job.html", {"job": job, "message": ""})

    return view


@page("exportRows")
async def job_status(request: Request) -> Response:
    return render(request, "_export_job.html", {"job": _job_of(request), "message": ""})


@page("exportRows")
async def job_download(request: Request) -> Response:
    job = _job_of(request)
    if not job.finished:
        raise NotFound("This export is not ready.")
    return FileResponse(job.path, media_type="application/zip", filename=f"fabflow-{job.table}-{job.id}.zip")


routes: list[BaseRoute] = [
    *(
        Route(f"{t.path}/export-jobs", job_start_view(t), methods=["POST"])
        for t in TABLES.values()
        if t.name != "orders"
    ),
    Route("/exports/{job_id}", job_status, methods=["GET"]),
    Route("/exports/{job_id}/download", job_download, methods=["GET"]),
]
