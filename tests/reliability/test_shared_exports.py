"""Two `fabflow serve` processes behind one address share export jobs and their files: an export
asked for on one is followed and downloaded on the other (the database and the asset store, not a
process's memory or its `var/`), made by a `fabflow worker`."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.reliability.servers import (
    CSRF_FIELD,
    FABFLOW,
    Demo,
    check_redis,
    fabflow,
    production_env,
    serving,
    sign_in,
    throwaway_postgres,
)

JOB_URL = re.compile(r'hx-get="(/exports/[0-9a-f-]+)"')


@contextmanager
def working(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("w") as out:
        worker = subprocess.Popen(
            [FABFLOW, "worker", "--threads", "2"], env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            yield worker
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def of_process(env: dict[str, str], var_dir: Path) -> dict[str, str]:
    """The environment of one process: its own `var/`, the shared asset store."""
    return {**env, "FABFLOW_VAR_DIR": str(var_dir)}


def wait_until_ready(
    client: httpx.Client, status_url: str, worker: subprocess.Popen[bytes], log: Path
) -> str:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert worker.poll() is None, log.read_text()
        page = client.get(status_url)
        assert page.status_code == 200, page.text
        if "is ready" in page.text:
            return page.text
        assert 'role="alert"' not in page.text, f"the export failed: {page.text}\n{log.read_text()}"
        time.sleep(0.05)  # a pause between looks at the page; the bound above is what ends the wait
    raise AssertionError(f"the export did not finish: {log.read_text()}")


def test_an_export_asked_for_on_one_process_downloads_from_the_other(tmp_path: Path) -> None:
    check_redis()
    with throwaway_postgres() as cluster:
        env = production_env(cluster.url, tmp_path)
        env["FABFLOW_ASSET_DIR"] = str(tmp_path / "shared-assets")
        fabflow(env, "migrate")
        demo = Demo(fabflow(env, "demo"))  # 300 orders
        worker_log = tmp_path / "worker.log"
        with (
            working(of_process(env, tmp_path / "worker-var"), worker_log) as worker,
            serving(of_process(env, tmp_path / "first-var"), tmp_path / "first.log") as first,
            serving(of_process(env, tmp_path / "second-var"), tmp_path / "second.log") as second,
            httpx.Client(base_url=first.url, timeout=30) as on_first,
            httpx.Client(base_url=second.url, timeout=30) as on_second,
        ):
            assert sign_in(on_first, demo.email, demo.password).status_code == 303
            on_second.cookies.update(on_first.cookies)  # the proxy sends the same browser to either
            page = on_first.get("/orders")
            token = CSRF_FIELD.search(page.text)
            assert token, page.text
            started = on_first.post(
                "/orders/export-jobs",
                data={"scope": "all", "column": ["name", "status"], "csrf_token": token.group(1)},
            )
            found = JOB_URL.search(started.text)
            assert found, started.text
            ready = wait_until_ready(on_second, found.group(1), worker, worker_log)
            download = on_second.get(f"{found.group(1)}/download")
            anonymous = httpx.get(f"{first.url}{found.group(1)}/download", follow_redirects=False)

    assert "The CSV is ready (300 orders)" in ready
    assert download.status_code == 200, download.text
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["Order", "Status"] and len(rows) == 301
    assert len({row[0] for row in rows[1:]}) == 300
    assert anonymous.status_code == 303 and "/login" in anonymous.headers["location"]
    stored = list((tmp_path / "shared-assets" / "_exports").rglob("*.csv"))
    assert len(stored) == 1 and stored[0].read_bytes() == download.content
    assert not list(tmp_path.glob("*-var/**/*.csv"))
