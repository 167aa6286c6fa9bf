"""Browser tests: the real app served by uvicorn (a subprocess on a free port, on the test
database) and driven by Chromium through Playwright.

Chromium is the system's (`/usr/bin/chromium`, Debian's package); these tests skip when it or
Playwright is missing, except under `CI`, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from server import settings
from server.domain.actors import Actor
from server.domain.statuses import Role
from server.services import auth
from tests.conftest import SWEEPING_PROCESSES, unavailable

CHROMIUM = os.environ.get("FABFLOW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct horse battery"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = os.environ.get("FABFLOW_SCREENSHOTS", "")
STARTUP_SECONDS = 90  # a loaded machine (a CI runner) may take a while to import and migrate


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the test server exited with {process.returncode}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"the test server did not answer within {STARTUP_SECONDS} s")


@pytest.fixture(scope="package")
def server_url(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server of the whole app (with its embedded worker) on the session's database.

    Stopped once the browser tests are done: its worker sweeps the session's database every few
    seconds, and would re-send or run the work of later tests that count what their own sweep does.
    """
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        FABFLOW_VAR_DIR=str(tmp_path_factory.mktemp("var")),
        FABFLOW_SECRET_KEY="browser-tests-secret-of-at-least-thirty-two-bytes",
        FABFLOW_PUBLIC_URL=f"http://127.0.0.1:{port}",
        FABFLOW_ASSET_DIR=str(settings.ASSET_DIR),  # files the tests store, the server serves
    )
    command = [sys.executable, "-m", "tests.browser.server_main", database_url, str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    SWEEPING_PROCESSES.append(process)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        SWEEPING_PROCESSES.remove(process)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Any]:
    try:
        from playwright.async_api import async_playwright
    except ImportError as exc:
        unavailable("Playwright", exc)
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        unavailable("Chromium", f"{CHROMIUM} is missing (apt-get install chromium)")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@pytest.fixture
async def context(browser: Any, server_url: str, clean_db: str) -> AsyncIterator[Any]:
    """A fresh browser profile (no cookies) whose relative URLs go to the test server."""
    made = await browser.new_context(
        base_url=server_url, viewport={"width": 1360, "height": 860}, accept_downloads=True
    )
    made.set_default_timeout(10_000)
    yield made
    await made.close()


@pytest.fixture
async def operator_user(admin: Actor) -> Actor:
    user = await auth.create_user(admin, "op@example.com", PASSWORD, role=Role.OPERATOR, tags=["eyewear"])
    return auth.actor_for_user(user)


async def sign_in(page: Any, email: str, password: str = PASSWORD, target: str = "/orders") -> None:
    await page.goto(f"/login?next={quote(target, safe='')}")
    await page.fill("input[name=email]", email)
    await page.fill("input[name=password]", password)
    await page.click("button[type=submit]")
    await page.wait_for_url(lambda url: url.endswith(target))


def screenshot_path(name: str) -> Path | None:
    """Where to save a screenshot when `FABFLOW_SCREENSHOTS` names a folder; None otherwise."""
    if not SCREENSHOTS:
        return None
    folder = Path(SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
