"""Exports made in the background: the ticked rows of a table, or every row matching its filter and
sort, as CSV or a zip, of any size.

A job is a row of `export_job` and its file lives in the asset store (`FABFLOW_ASSET_DIR`, under
`_exports/<job id>/`), never in one process's memory or `var/`: any `fabflow serve` process shows
its progress and hands out its file, whichever worker made it. A job is made by a worker (the
`make_export` consumer; the embedded mode's in-process worker), claimed with a conditional update and
a lease that the worker renews, so a duplicate message makes nothing twice; the sweep re-sends a job
whose message was lost or whose worker died (at most `MAX_ATTEMPTS` times) and prunes what expired.

Only the user who asked sees the job and downloads its file (an export holds what that user may
see, in the columns they chose), until `FABFLOW_EXPORT_KEEP_SECONDS` after it was asked for. The
rows are read when the job runs, with the user's visibility and tags of that moment.

How a table's rows become cells is the web tables' business (their columns): the composition root
installs an `ExportTable` per table (`set_tables`), like the dispatcher port.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import logging
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Protocol
from uuid import UUID, uuid4

from tortoise.expressions import F

from server import settings
from server.dispatch import dispatcher
from server.domain.actors import Actor
from server.models import ExportJob, User
from server.services import assets as stored_files
from server.services import exports
from server.services.auth import actor_for_user
from server.services.errors import FieldError, NotFound, ValidationFailed
from server.services.orders.lists import (
    ListFilter,
    Page,
    PageRequest,
    Sort,
    list_orders,
    list_parts,
    list_products,
)
from server.services.permissions import require

logger = logging.getLogger(__name__)

FORMATS = {"csv": "CSV", "zip": "zip", "zip-files": "zip with files"}
KINDS = ("orders", "products", "parts")
BATCH = 500  # rows read per statement
MAX_RUNNING_PER_USER = 3
MAX_ATTEMPTS = 3
LEASE = timedelta(seconds=60)
LOST_AFTER = timedelta(seconds=15)  # a queued job not claimed by then has its message sent again
STORE_PREFIX = "_exports"
Lister = Callable[[Actor, ListFilter, Sort, PageRequest], Awaitable[Page[Any]]]
LISTERS: dict[str, Lister] = {"orders": list_orders, "products": list_products, "parts": list_parts}


class ExportTable(Protocol):
    """A table's columns as the exports write them (installed by the composition root)."""

    def header(self, columns: Sequence[str]) -> list[str]: ...

    def values(self, columns: Sequence[str], row: Any) -> list[object]: ...

    def listing(self, query: str, user_tags: Sequence[str]) -> tuple[ListFilter, Sort] | None:
        """The filter and sort of a table URL's query string; None when it matches nothing."""


_tables: dict[str, ExportTable] = {}


def set_tables(tables: Mapping[str, ExportTable]) -> None:
    _tables.clear()
    _tables.update(tables)


@dataclass(frozen=True)
class Selected:
    """The ticked rows, in the order given."""

    ids: list[UUID]


@dataclass(frozen=True)
class Matching:
    """Every row the table's filter matches, in its sort: the query string of the table's URL."""

    query: str


Source = Selected | Matching

# --------------------------------------------------------------------------------------------------
# Asking, reading, downloading


async def start(
    actor: Actor, user: User, kind: str, fmt: str, source: Source, columns: Sequence[str]
) -> ExportJob:
    """Record an export job and hand it to the workers; ValidationFailed names what is wrong."""
    require(actor, "exportRows")
    problems = _problems(kind, fmt, source)
    if problems:
        raise ValidationFailed("The export cannot be made.", problems)
    running = await ExportJob.filter(user_id=user.id, state__in=("queued", "running")).count()
    if running >= MAX_RUNNING_PER_USER:
        message = f"at most {MAX_RUNNING_PER_USER} exports run at once; wait for one to finish"
        raise ValidationFailed("Too many exports at once.", [FieldError("export", message, "busy")])
    selection: dict[str, Any] = {"columns": list(columns)}
    if isinstance(source, Selected):
        selection["ids"] = [str(i) for i in source.ids]
    else:
        selection["query"] = source.query
    now = datetime.now(UTC)
    job = await ExportJob.create(
        id=uuid4(),
        user_id=user.id,
        table=kind,
        format=fmt,
        selection=selection,
        total=len(source.ids) if isinstance(source, Selected) else None,
        expires_at=now + timedelta(seconds=settings.EXPORT_KEEP_SECONDS),
    )
    dispatcher().make_export(job.id)
    return job


def _problems(kind: str, fmt: str, source: Source) -> list[FieldError]:
    problems = []
    if kind not in KINDS:
        problems.append(FieldError("table", f"must be one of {', '.join(KINDS)}"))
    allowed = ("csv",) if kind == "orders" else tuple(FORMATS)
    if fmt not in allowed:
        problems.append(FieldError("format", f"must be one of {', '.join(allowed)} for {kind}"))
    if isinstance(source, Selected) and not source.ids:
        problems.append(FieldError("id", "nothing is selected: tick rows, or export all matching", "empty"))
    return problems


async def job_of(user: User, job_id: str) -> ExportJob:
    """The user's own job, unless it expired; NotFound for anyone else's (ids cannot be probed)."""
    try:
        wanted = UUID(job_id)
    except ValueError as exc:
        raise NotFound("No such export, or it has expired.") from exc
    job = await ExportJob.get_or_none(id=wanted, user_id=user.id)
    if job is None or job.expires_at <= datetime.now(UTC):
        raise NotFound("No such export, or it has expired.")
    return job


def file_of(job: ExportJob) -> Path:
    """The finished job's file in the asset store; NotFound before it is done or once it is gone."""
    if job.state != "done" or not job.file_key:
        raise NotFound("This export is not ready.")
    path = stored_files.file_path(job.file_key)
    if not path.is_file():
        raise NotFound("No such export, or it has expired.")
    return path


def percent(job: ExportJob) -> int | None:
    """How far the job is, or None when its total is not known yet (a bar without a value)."""
    if job.state == "done":
        return 100
    if not job.total or not job.total_is_exact:
        return None
    return min(99, int(100 * job.done / job.total))


# --------------------------------------------------------------------------------------------------
# Making the file (a worker)


async def run(job_id: UUID) -> None:
    """Make the job's file, once: a duplicate message finds the job claimed or finished."""
    job = await _claim(job_id)
    if job is None:
        return
    renewal = asyncio.create_task(_keep_lease(job.id))
    try:
        await _make(job)
    except asyncio.CancelledError:
        await _fail(job.id, "The export was stopped before it finished; ask for it again.")
        raise
    except Exception:  # the user is told it failed; the details go to the log
        logger.exception("export %s failed", job.id)
        await _fail(job.id, "The export failed; ask for it again, or for fewer rows.")
    finally:
        renewal.cancel()


async def _claim(job_id: UUID) -> ExportJob | None:
    now = datetime.now(UTC)
    claimed = await ExportJob.filter(id=job_id, state="queued").update(
        state="running", lease_until=now + LEASE, attempts=F("attempts") + 1
    )
    return await ExportJob.get_or_none(id=job_id) if claimed else None


async def _keep_lease(job_id: UUID) -> None:
    while True:
        await asyncio.sleep(LEASE.total_seconds() / 3)
        await ExportJob.filter(id=job_id, state="running").update(lease_until=datetime.now(UTC) + LEASE)


async def _fail(job_id: UUID, message: str) -> None:
    await ExportJob.filter(id=job_id, state="running").update(
        state="failed", message=message, finished_at=datetime.now(UTC), lease_until=None
    )


async def _make(job: ExportJob) -> None:
    user = await User.get_or_none(id=job.user_id, is_active=True)  # type: ignore[attr-defined]
    if user is None:
        await _fail(job.id, "The user who asked for this export is no longer active.")
        return
    actor = actor_for_user(user)
    table = _tables[job.table]
    columns = list(job.selection.get("columns") or [])
    extension = "csv" if job.format == "csv" else "zip"
    name = f"fabflow-{job.table}-{job.created_at.astimezone(UTC):%Y%m%d-%H%M%S}.{extension}"
    with tempfile.TemporaryFile() as spool:
        if job.format == "csv":
            await _write_csv(job, actor, table, columns, spool)
        else:
            await _write_zip(job, actor, table, columns, spool)
        size = spool.tell()
        key = f"{STORE_PREFIX}/{job.id}/{name}"
        spool.seek(0)
        await asyncio.to_thread(_store, key, spool)
    await ExportJob.filter(id=job.id, state="running").update(
        state="done",
        file_key=key,
        file_name=name,
        file_size=size,
        finished_at=datetime.now(UTC),
        lease_until=None,
    )


def _store(key: str, source: IO[bytes]) -> None:
    path = stored_files.file_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    with temporary.open("wb") as target:
        shutil.copyfileobj(source, target, 1024 * 1024)
    temporary.replace(path)


async def _batches(job: ExportJob, actor: Actor) -> AsyncIterator[list[Any]]:
    """The job's rows, a batch at a time, with what the tables show beside each row."""
    if "ids" in job.selection:
        ids = exports.parse_ids(job.selection["ids"], limit=None)
        for start_at in range(0, len(ids), BATCH):
            yield await exports.load_rows(actor, job.table, ids[start_at : start_at + BATCH])  # type: ignore[arg-type]
        return
    request = _tables[job.table].listing(str(job.selection.get("query", "")), actor.tags)
    if request is None:
        await _progress(job, 0, 0, True)
        return
    flt, sort = request
    after: str | None = None
    while True:
        counting = after is None
        page = await LISTERS[job.table](
            actor, flt, sort, PageRequest(first=BATCH, after=after, with_count=counting)
        )
        if counting:
            job.total, job.total_is_exact = page.total_count, page.total_count_is_exact
        await exports.attach_context(job.table, page.rows)
        yield page.rows
        if not page.has_next or not page.cursors:
            return
        after = page.cursors[-1]


async def _progress(job: ExportJob, done: int, total: int | None, exact: bool, stage: str = "rows") -> None:
    job.done, job.total, job.total_is_exact, job.stage = done, total, exact, stage
    await ExportJob.filter(id=job.id).update(done=done, total=total, total_is_exact=exact, stage=stage)


async def _write_rows(
    job: ExportJob, actor: Actor, table: ExportTable, columns: Sequence[str], out: IO[bytes]
) -> tuple[list[UUID], list[Any]]:
    """Write the CSV to `out` (UTF-8 with a byte-order mark, as spreadsheets want it); return the
    ids written and, for parts, what the manufacturing table needs."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([exports.safe_cell(h) for h in table.header(columns)])
    ids: list[UUID] = []
    parts: list[Any] = []
    async for rows in _batches(job, actor):
        for row in rows:
            writer.writerow([exports.safe_cell(v) for v in table.values(columns, row)])
        ids += [row.id for row in rows]
        if job.table == "parts":
            parts += [_figures(row) for row in rows]
        await _progress(job, len(ids), job.total, job.total_is_exact)
    text.flush()
    text.detach()
    return ids, parts


@dataclass(frozen=True)
class _PartFigures:
    """What the manufacturing table needs of a part (the rest of the row is let go)."""

    id: UUID
    name: str
    product_id: UUID
    order_id: UUID
    manufacturing_data: dict[str, Any] | None


def _figures(part: Any) -> _PartFigures:
    return _PartFigures(part.id, part.name, part.product_id, part.order_id, part.manufacturing_data)


async def _write_csv(
    job: ExportJob, actor: Actor, table: ExportTable, columns: Sequence[str], out: IO[bytes]
) -> None:
    ids, _ = await _write_rows(job, actor, table, columns, out)
    await _progress(job, len(ids), len(ids), True)


async def _write_zip(
    job: ExportJob, actor: Actor, table: ExportTable, columns: Sequence[str], out: IO[bytes]
) -> None:
    builder = exports.ZipBuilder(out, fetch=exports.fetch_outside)
    with tempfile.TemporaryFile() as rows_csv:
        ids, parts = await _write_rows(job, actor, table, columns, rows_csv)
        await builder.add_spool(f"csv/{job.table}.csv", rows_csv)
    if job.table == "parts":
        await builder.add_text("csv/manufacturing.csv", exports.to_csv(*exports.manufacturing_table(parts)))
    if job.format == "zip-files":
        await _progress(job, 0, len(ids), True, stage="files")
        for start_at in range(0, len(ids), BATCH):
            chunk = ids[start_at : start_at + BATCH]
            rows = await exports.load_rows(actor, job.table, chunk)  # type: ignore[arg-type]
            for folder, asset in await exports.zip_files(job.table, rows, with_files=True):
                await builder.add_file(folder, asset)
            await _progress(job, start_at + len(chunk), len(ids), True, stage="files")
    await builder.close()


# --------------------------------------------------------------------------------------------------
# The sweep


async def sweep() -> tuple[int, int]:
    """Re-send lost jobs, fail those that died too often, prune expired ones: (re-sent, pruned)."""
    now = datetime.now(UTC)
    lapsed = ExportJob.filter(state="running", lease_until__lt=now)
    await lapsed.filter(attempts__gte=MAX_ATTEMPTS).update(
        state="failed", message="The export stopped several times; ask for fewer rows.", finished_at=now
    )
    await lapsed.update(state="queued", lease_until=None)
    lost = ExportJob.filter(state="queued", created_at__lt=now - LOST_AFTER)
    lost_ids = await lost.values_list("id", flat=True)
    for job_id in lost_ids:
        dispatcher().make_export(job_id)  # type: ignore[arg-type]
    return len(lost_ids), await prune(now)


async def prune(now: datetime | None = None) -> int:
    """Delete expired jobs and their files."""
    moment = now or datetime.now(UTC)
    expired = await ExportJob.filter(expires_at__lte=moment).values("id", "file_key")
    for job in expired:
        with contextlib.suppress(OSError, NotFound):
            folder = stored_files.file_path(f"{STORE_PREFIX}/{job['id']}")
            await asyncio.to_thread(shutil.rmtree, folder, True)
    if expired:
        await ExportJob.filter(id__in=[job["id"] for job in expired]).delete()
    return len(expired)
