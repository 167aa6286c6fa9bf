"""Real processes for the reliability tests: a throwaway PostgreSQL cluster that a test may stop, and
`fabflow serve` processes in production mode pointed at it."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import REDIS_URL, unavailable
from tests.e2e.support import free_port


def _pg_bin() -> Path:
    """The PostgreSQL server binaries: `FABFLOW_TEST_PG_BIN`, else the newest Debian-installed version."""
    if os.environ.get("FABFLOW_TEST_PG_BIN"):
        return Path(os.environ["FABFLOW_TEST_PG_BIN"])
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return versions[-1] if versions else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()
FABFLOW = str(Path(sys.executable).with_name("fabflow"))
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def _as_postgres_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        unavailable("runuser (to run PostgreSQL as a non-root user)", "not installed")
    return [str(runuser), "-u", "postgres", "--", *command]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{' '.join(command)}: {done.stdout}{done.stderr}"


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own in a temporary directory, on a free port of 127.0.0.1."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/fabflow"

    def init(self) -> None:
        if not (PG_BIN / "initdb").exists():
            unavailable("PostgreSQL server binaries", f"no initdb in {PG_BIN}")
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        command = [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]
        _run(_as_postgres_user(command))
        self.start()
        _run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "fabflow"])

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l"]
        command += [str(self.directory / "server.log"), "start"]
        _run(_as_postgres_user(command))

    def stop(self) -> None:
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_postgres_user(command), check=False, capture_output=True)


@contextmanager
def throwaway_postgres() -> Iterator[ThrowawayPostgres]:
    """A cluster in a directory of its own right under the temporary directory, which the
    `postgres` user can reach (pytest's temporary directories are private to their user)."""
    directory = Path(tempfile.mkdtemp(prefix="fabflow-pg-"))
    cluster = ThrowawayPostgres(directory)
    try:
        cluster.init()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


def production_env(database_url: str, workdir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FABFLOW_") and key not in ("DATABASE_URL", "REDIS_URL")
    }
    return {
        **env,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "FABFLOW_SECRET_KEY": "test-" + secrets.token_urlsafe(32),
        "FABFLOW_VAR_DIR": str(workdir / "var"),
    }


def check_redis() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as exc:  # refused, timeout
        unavailable("Redis", exc)


def fabflow(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([FABFLOW, *args], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


class Demo:
    """What `fabflow demo --orders 0` printed: the admin's login and a key of `demo-eyewear`."""

    def __init__(self, printed: str) -> None:
        login = re.search(r"Login: (\S+)\s+Password: (\S+)", printed)
        key = re.search(r"API key: (\S+)", printed)
        assert login and key, printed
        self.email, self.password, self.api_key = login.group(1), login.group(2), key.group(1)


class ServeProcess:
    """`fabflow serve` on a free port; everything it logs goes to `log`."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._out = log.open("w")
        self.process = subprocess.Popen(
            [FABFLOW, "serve", "--port", str(self.port)], env=env, stdout=self._out, stderr=subprocess.STDOUT
        )
        self._wait_until_up()

    def _wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"fabflow serve did not come up: {self.log.read_text()}")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()

    def logged(self) -> str:
        self._out.flush()
        return self.log.read_text()


@contextmanager
def serving(env: dict[str, str], log: Path) -> Iterator[ServeProcess]:
    server = ServeProcess(env, log)
    try:
        yield server
    finally:
        server.close()


def login_form(client: httpx.Client) -> str:
    page = client.get("/login")
    found = CSRF_FIELD.search(page.text)
    assert found, page.text
    return found.group(1)


def sign_in(client: httpx.Client, email: str, password: str) -> httpx.Response:
    token = login_form(client)
    return client.post(
        "/login", data={"email": email, "password": password, "csrf_token": token, "next": "/orders"}
    )
