"""The `fabflow` command, run as a user runs it: a separate process on its own database."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

# A fresh interpreter imports the whole app; generous, but bounded.
COMMAND_TIMEOUT = 120
SERVE_DEADLINE = 60
STRONG_PASSWORD = "correct horse battery"
SECRET_KEY = "k" * 48  # production mode needs one; tests of the refusal leave it out
# `fabflow demo` writes its orders through the order intake; these tests run as soon as it exists.


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without any Fabflow configuration, plus `extra`."""
    configuration = (
        "DATABASE_URL",
        "REDIS_URL",
        "FABFLOW_VAR_DIR",
        "FABFLOW_SECRET_KEY",
        "FABFLOW_BROKER_URL",
    )
    env = {k: v for k, v in os.environ.items() if k not in configuration}
    return {**env, **extra}


def fabflow(*args: str, cwd: Path, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


@pytest.fixture
def env(sqlite_file: Path) -> dict[str, str]:
    return clean_env(DATABASE_URL=f"sqlite://{sqlite_file}", FABFLOW_SECRET_KEY=SECRET_KEY)


@pytest.fixture
def migrated(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    done = fabflow("migrate", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    return env


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def count(path: Path, sql: str) -> int:
    return int(str(query(path, sql)[0][0]))


def test_migrate_applies_once(tmp_path: Path, env: dict[str, str]) -> None:
    # when
    first = fabflow("migrate", cwd=tmp_path, env=env)
    second = fabflow("migrate", cwd=tmp_path, env=env)
    # then
    assert first.returncode == 0, first.stderr
    assert "applied 0_" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "applied" not in second.stdout
    assert "up to date" in second.stdout


def test_embedded_default_keeps_its_data_under_var_of_the_working_directory(tmp_path: Path) -> None:
    # when no database is configured
    done = fabflow("migrate", cwd=tmp_path, env=clean_env())
    # then
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "var" / "fabflow.sqlite3").is_file()


def test_create_admin_reads_the_password_from_stdin(
    tmp_path: Path, migrated: dict[str, str], sqlite_file: Path
) -> None:
    # when
    done = fabflow(
        "create-admin", "--email", "Ops@Example.com", cwd=tmp_path, env=migrated, stdin="s3cret pass phrase\n"
    )
    # then
    assert done.returncode == 0, done.stderr
    assert query(sqlite_file, "SELECT email, role FROM app_user") == [("ops@example.com", "admin")]


def test_create_admin_refuses_a_weak_password_without_a_traceback(
    tmp_path: Path, migrated: dict[str, str], sqlite_file: Path
) -> None:
    # when
    done = fabflow(
        "create-admin", "--email", "ops@example.com", "--password", "short", cwd=tmp_path, env=migrated
    )
    # then
    assert done.returncode == 1
    assert done.stderr.startswith("error: password: ")
    assert "Traceback" not in done.stderr
    assert count(sqlite_file, "SELECT count(*) FROM app_user") == 0


def test_create_admin_refuses_a_taken_email(tmp_path: Path, migrated: dict[str, str]) -> None:
    # given
    args = ("create-admin", "--email", "ops@example.com", "--password", STRONG_PASSWORD)
    assert fabflow(*args, cwd=tmp_path, env=migrated).returncode == 0
    # when
    again = fabflow(*args, cwd=tmp_path, env=migrated)
    # then
    assert again.returncode == 1
    assert again.stderr.strip() == "error: email: is taken"


def test_demo_makes_spaces_a_login_a_key_and_orders(
    tmp_path: Path, migrated: dict[str, str], sqlite_file: Path
) -> None:
    # when
    done = fabflow("demo", "--orders", "20", "--seed", "5", cwd=tmp_path, env=migrated)
    # then
    assert done.returncode == 0, done.stderr
    assert "Login: admin@fabflow.local  Password: " in done.stdout
    assert "API key: ffk_" in done.stdout
    assert "Orders: 20 made" in done.stdout
    per_space = query(
        sqlite_file,
        "SELECT s.key, count(o.id) FROM space s LEFT JOIN fab_order o ON o.space_id = s.id GROUP BY s.key",
    )
    assert {key for key, _ in per_space} == {"demo-eyewear", "demo-lighting"}
    assert sum(int(str(orders)) for _, orders in per_space) == 20
    statuses = {row[0] for row in query(sqlite_file, "SELECT DISTINCT status FROM fab_order")}
    assert len(statuses) >= 3
    assert count(sqlite_file, "SELECT count(*) FROM part WHERE parent_id IS NOT NULL") > 0


def test_demo_again_makes_only_a_new_key(tmp_path: Path, migrated: dict[str, str], sqlite_file: Path) -> None:
    # given
    first = fabflow("demo", "--orders", "3", cwd=tmp_path, env=migrated)
    assert first.returncode == 0, first.stderr
    # when
    second = fabflow("demo", "--orders", "3", cwd=tmp_path, env=migrated)
    # then
    assert second.returncode == 0, second.stderr
    assert "Password" not in second.stdout
    assert "admin@fabflow.local exists" in second.stdout
    assert "hold 3 orders already" in second.stdout
    assert count(sqlite_file, "SELECT count(*) FROM fab_order") == 3
    assert count(sqlite_file, "SELECT count(*) FROM api_key") == 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def read_until(server: subprocess.Popen[str], text: str) -> str:
    """The first line of the server's output holding `text` (stops at end of output)."""
    assert server.stdout is not None
    for line in server.stdout:
        if text in line:
            return line
    raise AssertionError(f"the server printed no line with {text!r}")


def wait_for_health(url: str, server: subprocess.Popen[str]) -> httpx.Response:
    """Polls until the server answers, it exits, or the deadline passes."""
    deadline = time.monotonic() + SERVE_DEADLINE
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited"
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.05)
    raise AssertionError(f"no answer from {url} within {SERVE_DEADLINE} s")


def test_serve_answers_health_checks_and_migrates_the_embedded_database(tmp_path: Path) -> None:
    # given
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        # when
        announced = read_until(server, "http://")
        health = wait_for_health(f"http://127.0.0.1:{port}/healthz", server)
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
    finally:
        server.terminate()
        server.wait(timeout=COMMAND_TIMEOUT)
    # then
    assert f"http://127.0.0.1:{port}/" in announced
    assert health.status_code == 200
    assert ready.json() == {"status": "ok"}
    assert count(tmp_path / "var" / "fabflow.sqlite3", "SELECT count(*) FROM aerich") >= 1
    # no FABFLOW_SECRET_KEY: the embedded mode made its own key and keeps it for the next start
    assert len((tmp_path / "var" / "secret_key").read_text().strip()) >= 32


def test_check_flow_says_ok_with_a_summary(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES_DIR

    example = EXAMPLES_DIR / "seed-002-step-list.flow.json"
    done = fabflow("check-flow", str(example), cwd=tmp_path, env=clean_env())

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok: step-list with 1 stage(s) and 4 task(s)")
    assert "generate (generate-production-files)" in done.stdout


def test_check_flow_names_each_problem_and_fails(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"stages": [\n  {"key": "s", "taskDefinitions": [], }\n]}')
    bad_payload = tmp_path / "bad.json"
    bad_payload.write_text(
        '{"stages": [{"key": "s", "initialTaskDefinitionKeys": ["w"],'
        ' "taskDefinitions": [{"key": "w", "handlerKey": "wait", "payload": {"duraton": 5}}]}]}'
    )

    syntax = fabflow("check-flow", str(broken), cwd=tmp_path, env=clean_env())
    schema = fabflow("check-flow", str(bad_payload), cwd=tmp_path, env=clean_env())
    missing = fabflow("check-flow", str(tmp_path / "nope.json"), cwd=tmp_path, env=clean_env())

    assert syntax.returncode == 1 and "line 2, column" in syntax.stdout
    assert schema.returncode == 1 and "/stages/0/taskDefinitions/0/payload" in schema.stdout
    assert "duration" in schema.stdout
    assert missing.returncode == 1 and "nope.json" in missing.stdout


def test_worker_needs_redis(tmp_path: Path, env: dict[str, str]) -> None:
    done = fabflow("worker", cwd=tmp_path, env=env)

    assert done.returncode == 1 and "REDIS_URL" in done.stdout


@pytest.mark.parametrize("command", ["serve", "worker", "migrate"])
@pytest.mark.parametrize(
    ("key", "problem"),
    [
        (None, "must be set in production mode"),
        ("short-key", "is 9 bytes long; it must be at least 32 random bytes"),
        ("change-me-to-a-long-random-string", "is a published example value"),
    ],
)
def test_production_processes_refuse_to_start_without_a_strong_key(
    tmp_path: Path, env: dict[str, str], sqlite_file: Path, command: str, key: str | None, problem: str
) -> None:
    given = {**env, "REDIS_URL": "redis://127.0.0.1:1/0"}
    given.pop("FABFLOW_SECRET_KEY")
    if key is not None:
        given["FABFLOW_SECRET_KEY"] = key

    done = fabflow(command, cwd=tmp_path, env=given)

    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: FABFLOW_SECRET_KEY: ") and problem in line
    assert "Traceback" not in done.stderr
    assert not sqlite_file.exists()  # refused before touching the database


@pytest.mark.parametrize("command", ["serve", "worker"])
@pytest.mark.parametrize(
    ("redis_url", "broker_url", "problem"),
    [
        ("redis://127.0.0.1:1/0", "kafka://127.0.0.1:9092", "must start with redis://"),
        ("", "amqp://guest:guest@127.0.0.1:1/", "needs REDIS_URL too"),
    ],
)
def test_processes_refuse_a_broker_they_cannot_use(
    tmp_path: Path, env: dict[str, str], command: str, redis_url: str, broker_url: str, problem: str
) -> None:
    given = {**env, "REDIS_URL": redis_url, "FABFLOW_BROKER_URL": broker_url}

    arguments = ["serve", "--port", str(free_port())] if command == "serve" else ["worker"]
    done = fabflow(*arguments, cwd=tmp_path, env=given)

    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: FABFLOW_BROKER_URL: ") and problem in line
    assert "guest:guest" not in done.stderr


def test_redis_alone_is_production_mode_too(tmp_path: Path) -> None:
    done = fabflow(
        "serve", "--port", str(free_port()), cwd=tmp_path, env=clean_env(REDIS_URL="redis://x:1/0")
    )

    assert done.returncode == 1
    assert done.stderr.startswith("error: FABFLOW_SECRET_KEY: must be set in production mode")
    assert not (tmp_path / "var" / "secret_key").exists()


def test_the_embedded_mode_needs_no_key(tmp_path: Path) -> None:
    done = fabflow("migrate", cwd=tmp_path, env=clean_env())

    assert done.returncode == 0, done.stderr
    assert count(tmp_path / "var" / "fabflow.sqlite3", "SELECT count(*) FROM aerich") >= 1
