"""An export of every order (20,000 by default) as CSV in the background, against its floor.

Makes a scratch SQLite database in a temporary directory, fills `fab_order` with N orders in one
statement per 1,000, and times side by side, alternating: the export job (`export_jobs.run`: keyset
pages of 500 through the table lister, the web table's cells, the file written to the asset store)
and the floor, one bare `SELECT` of the same columns written with `csv.writer`. Prints both and their
ratio, and appends one JSON line (figures, commit, load average) to `bench/results/exports.jsonl`.

    .venv/bin/python bench/exports.py [--orders N] [--runs R]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COLUMNS = ("name", "status", "value", "created_at", "deadline", "tags")
RESULTS = Path(__file__).resolve().parent / "results" / "exports.jsonl"


async def fill(orders: int) -> None:
    from tortoise import connections

    from server.models import Organization, Space

    organization = await Organization.create(id=uuid.uuid4(), name="Bench")
    space = await Space.create(
        id=uuid.uuid4(), organization=organization, key="bench", name="Bench", signing_secret="x"
    )
    conn = connections.get("default")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for first in range(0, orders, 1000):
        values = []
        for index in range(first, min(first + 1000, orders)):
            created = (start + timedelta(minutes=index)).isoformat(sep=" ")  # as Tortoise writes it
            values.append(
                f"('{uuid.uuid4()}', '{space.id}', 'ORD-{index:06d}', 'SUCCESS', {index % 500}.50, NULL, "
                f"'[]', '{{}}', '-', 'ord-{index:06d}', '{created}', '{created}')"
            )
        await conn.execute_script(
            'INSERT INTO "fab_order" (id, space_id, name, status, value, deadline, tags, data, intake_hash,'
            " search_text, created_at, updated_at) VALUES " + ", ".join(values)
        )


async def floor(target: Path) -> float:
    from tortoise import connections

    started = time.perf_counter()
    sql = 'SELECT name, status, value, created_at, deadline, tags FROM "fab_order"'
    rows = await connections.get("default").execute_query_dict(sql + " ORDER BY created_at DESC, id DESC")
    with target.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Order", "Status", "Value", "Created at", "Deadline", "Tags"])
        for row in rows:
            writer.writerow([row[key] for key in COLUMNS])
    return time.perf_counter() - started


async def export(actor: object, user: object) -> tuple[float, int]:
    from server.services import export_jobs

    columns = ["name", "status", "value", "created", "deadline", "tags"]
    job = await export_jobs.start(actor, user, "orders", "csv", export_jobs.Matching(""), columns)  # type: ignore[arg-type]
    started = time.perf_counter()
    await export_jobs.run(job.id)
    elapsed = time.perf_counter() - started
    await job.refresh_from_db()
    assert job.state == "done", job.message
    return elapsed, int(job.done)


async def main(orders: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        os.environ["FABFLOW_VAR_DIR"] = directory
        from server import db, settings
        from server.services import auth
        from web.export_tables import install_export_tables

        settings.ASSET_DIR = Path(directory) / "assets"
        url = f"sqlite://{directory}/bench.sqlite3"
        await db.migrate(url)
        await db.init(url)
        install_export_tables()
        await fill(orders)
        user = await auth.create_admin("bench@example.com", "bench password of some length")
        actor = auth.actor_for_user(user)
        ours, bare = [], []
        for _ in range(runs):
            elapsed, written = await export(actor, user)
            assert written == orders, written
            ours.append(elapsed)
            bare.append(await floor(Path(directory) / "floor.csv"))
        await db.close()
    figures = {
        "orders": orders,
        "export_s": round(statistics.median(ours), 3),
        "floor_s": round(statistics.median(bare), 3),
    }
    figures["ratio"] = round(figures["export_s"] / figures["floor_s"], 2)
    figures["rows_per_s"] = round(orders / figures["export_s"])
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    commit = git.stdout.strip()
    line = {"at": datetime.now(UTC).isoformat(), "commit": commit, "load": os.getloadavg()[0], **figures}
    print(json.dumps(line))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as out:
        out.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.orders, arguments.runs))
