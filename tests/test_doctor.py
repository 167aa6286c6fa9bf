"""`fabflow doctor` tells what this machine has; a worker start records its engines."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from jobs.slicing import capabilities, engines
from server.models import WorkerCapability
from tests.handlers.slicing_support import need_engine


def test_doctor_lists_engines_definitions_and_the_database(database_url: str, tmp_path: Path) -> None:
    cura = need_engine("cura")
    environment = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": ""}

    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "doctor"], capture_output=True, text=True, env=environment,
        cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip

    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert f"CuraEngine (cura): {cura.version} at {cura.path}" in out
    assert f"definitions: {engines.cura_definition_count()} on" in out and "Database" in out
    assert "reachable" in out


async def test_a_worker_start_records_this_machines_engines(clean_db: str) -> None:
    prusa = need_engine("prusa")

    await capabilities.report()

    row = await WorkerCapability.get(host=socket.gethostname())
    assert row.engines["prusa"] == {"version": prusa.version, "path": prusa.path}
