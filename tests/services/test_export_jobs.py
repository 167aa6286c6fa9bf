"""Export jobs: a lost message or a dead worker does not lose an export, a duplicate message makes
nothing twice, and bad requests are refused naming the field; the limited GET of outside files."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from jobs import runtime
from jobs.runtime import start_embedded
from server import settings
from server.domain.actors import Actor
from server.models import ExportJob, User
from server.services import export_jobs, outbound
from server.services.errors import ValidationFailed
from server.services.webhooks import UrlPolicy
from tests.e2e.support import until
from tests.graphql.seed import Shape, seed_orders
from web.export_tables import install_export_tables

SMALL = Shape(products=1, parts=0, assets=0, versions=0, children=False)


@pytest.fixture(autouse=True)
def asset_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(settings, "ASSET_DIR", tmp_path / "assets")
    install_export_tables()  # what the worker's start does
    return tmp_path / "assets"


async def ask(admin: Actor, source: export_jobs.Source, fmt: str = "csv", kind: str = "orders") -> ExportJob:
    user = await User.get(id=admin.user_id)
    return await export_jobs.start(admin, user, kind, fmt, source, ["name"])


async def test_a_lost_message_is_sent_again_by_the_sweep(
    admin: Actor, space_key: tuple[str, str], sole_sweeper: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed_orders("demo-eyewear", 3, SMALL)
    job = await ask(admin, export_jobs.Matching(""))  # no worker yet: the message goes nowhere
    await ExportJob.filter(id=job.id).update(created_at=datetime.now(UTC) - timedelta(minutes=1))
    monkeypatch.setattr(runtime, "SWEEP_INTERVAL_S", 3600.0)  # the worker's own sweep does not come
    embedded = await start_embedded(threads=1)
    try:
        resent, pruned = await export_jobs.sweep()
        done = await until(lambda: ExportJob.get_or_none(id=job.id, state="done"), timeout=20)
    finally:
        await embedded.stop()

    assert (resent, pruned) == (1, 0)
    assert done.done == 3 and done.attempts == 1
    assert export_jobs.file_of(done).read_bytes().decode("utf-8-sig").count("\r\n") == 4


async def test_a_job_whose_worker_died_runs_again_and_a_duplicate_message_makes_nothing(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 2, SMALL)
    job = await ask(admin, export_jobs.Selected([o.id for o in rows.orders]))
    past = datetime.now(UTC) - timedelta(seconds=1)
    await ExportJob.filter(id=job.id).update(state="running", attempts=1, lease_until=past)

    await export_jobs.sweep()
    await export_jobs.run(job.id)
    await export_jobs.run(job.id)  # the sweep's message and the lost one both arrive

    again = await ExportJob.get(id=job.id)
    assert again.state == "done" and again.attempts == 2 and again.done == 2


async def test_a_job_that_died_too_often_fails_with_a_message(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    job = await ask(admin, export_jobs.Matching(""))
    past = datetime.now(UTC) - timedelta(seconds=1)
    await ExportJob.filter(id=job.id).update(
        state="running", attempts=export_jobs.MAX_ATTEMPTS, lease_until=past
    )

    await export_jobs.sweep()

    failed = await ExportJob.get(id=job.id)
    assert failed.state == "failed" and "stopped several times" in failed.message


async def test_bad_requests_name_the_field(admin: Actor, space_key: tuple[str, str]) -> None:
    with pytest.raises(ValidationFailed) as zip_of_orders:
        await ask(admin, export_jobs.Matching(""), fmt="zip-files")
    with pytest.raises(ValidationFailed) as nothing:
        await ask(admin, export_jobs.Selected([]), kind="parts")
    for _ in range(export_jobs.MAX_RUNNING_PER_USER):
        await ask(admin, export_jobs.Matching(""))
    with pytest.raises(ValidationFailed) as busy:
        await ask(admin, export_jobs.Matching(""))

    assert [e.field for e in zip_of_orders.value.errors] == ["format"]
    assert [e.code for e in nothing.value.errors] == ["empty"]
    assert [e.code for e in busy.value.errors] == ["busy"]


class Slow(BaseHTTPRequestHandler):
    answer = threading.Event()  # set once the test is over: until then no answer comes, however long

    def do_GET(self) -> None:
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.answer.wait(timeout=60)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def slow_server() -> Iterator[str]:
    """A server whose answers to anything but /loop are held until the test is over."""
    answer = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("HeldSlow", (Slow,), {"answer": answer}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        answer.set()
        server.shutdown()
        server.server_close()


LOCAL = UrlPolicy.from_entries(["127.0.0.1"])


async def test_a_fetch_stops_at_its_time_cap_and_after_too_many_redirects(slow_server: str) -> None:
    slow = await outbound.get_file(
        f"{slow_server}/slow", io.BytesIO(), policy=LOCAL, max_bytes=10, timeout=0.5
    )
    looping = await outbound.get_file(
        f"{slow_server}/loop", io.BytesIO(), policy=LOCAL, max_bytes=10, timeout=10
    )

    assert slow.reason == "took longer than 0.5 s"
    assert looping.reason == f"more than {outbound.MAX_REDIRECTS} redirects"


async def test_a_fetch_of_an_unlisted_local_or_plain_http_address_is_refused_without_connecting() -> None:
    nobody = UrlPolicy.from_entries([])
    plain = await outbound.get_file(
        "http://example.com/a.stl", io.BytesIO(), policy=nobody, max_bytes=10, timeout=5
    )
    local = await outbound.get_file(
        "https://127.0.0.1:1/a.stl", io.BytesIO(), policy=nobody, max_bytes=10, timeout=5
    )
    nat64 = await outbound.get_file(
        "https://[64:ff9b::a00:1]/", io.BytesIO(), policy=nobody, max_bytes=10, timeout=5
    )

    assert plain.reason.startswith("refused: ") and "https" in plain.reason
    assert local.reason.startswith("refused: ") and "not a public address" in local.reason
    assert nat64.reason.startswith("refused: ") and "not a public address" in nat64.reason
