"""The graphql-ws npm client of the plain-install test: installed once by npm at pinned versions into
`.plain-clients/` of the checkout (kept between runs), run by `node`, read line by line.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.conftest import unavailable

ROOT = Path(__file__).resolve().parents[2]
# graphql-ws names graphql and ws as peer dependencies; all three pinned.
PACKAGES = ("graphql-ws@6.4.2", "ws@8.23.0", "graphql@16.15.0")
CACHE = ROOT / ".plain-clients" / "_".join(PACKAGES).replace("@", "-")
STAMP = CACHE / ".installed"
SCRIPT = Path(__file__).resolve().parent / "graphql_ws_client.cjs"


def installed_client() -> Path:
    """The node_modules holding the pinned packages; npm installs them the first time only."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            unavailable(tool, "not on PATH (Debian: apt-get install nodejs npm)")
    if not STAMP.exists():
        shutil.rmtree(CACHE, ignore_errors=True)
        CACHE.mkdir(parents=True)
        command = ["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--loglevel=error"]
        done = subprocess.run([*command, *PACKAGES], capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            unavailable("npm install of the graphql-ws client", done.stderr.strip()[-2000:])
        STAMP.write_text(" ".join(PACKAGES) + "\n")
    return CACHE / "node_modules"


class NodeSubscriber:
    """`node graphql_ws_client.cjs URL KEY QUERY` for the time of an `async with`; its events in order."""

    def __init__(self, url: str, key: str, query: str) -> None:
        self.arguments = [str(SCRIPT), url, key, query]
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> NodeSubscriber:
        env = {**os.environ, "NODE_PATH": str(installed_client())}
        self.process = await asyncio.create_subprocess_exec(
            "node", *self.arguments, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        return self

    async def event(self, timeout: float) -> dict[str, Any]:
        """The client's next event; TimeoutError when none comes within `timeout` seconds."""
        assert self.process is not None and self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        if not line:
            stderr = await self.process.stderr.read() if self.process.stderr else b""
            raise AssertionError(f"the graphql-ws client ended: {stderr.decode(errors='replace')}")
        return json.loads(line)  # type: ignore[no-any-return]

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()
