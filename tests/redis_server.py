"""A throwaway `redis-server` of a test's own, on a free port, that the test may stop and start again.

The machine's shared Redis is never stopped: a test that needs an outage makes one here. Without
`redis-server` on PATH the test is skipped locally and fails under `CI`.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
from types import TracebackType

import redis.asyncio as aioredis

from tests.conftest import unavailable
from tests.e2e.support import free_port


class ThrowawayRedis:
    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            unavailable("redis-server", "not on PATH")
        self.binary = binary or "redis-server"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = tempfile.TemporaryDirectory(prefix="fabflow-redis-")
        self.process: subprocess.Popen[bytes] | None = None

    async def start(self) -> None:
        """Start it on its port and return once it answers."""
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--daemonize", "no", "--dir", self.directory.name]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await _until_answers(self.url, self.process)

    def stop(self) -> None:
        """Kill it at once, as a crash would: open connections break."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    async def __aenter__(self) -> ThrowawayRedis:
        await self.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        self.directory.cleanup()


async def _until_answers(url: str, process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if process.poll() is not None:
            raise AssertionError(f"redis-server exited with {process.returncode}")
        client = aioredis.from_url(url, socket_connect_timeout=1)
        try:
            if await client.ping():
                return
        except Exception:
            if loop.time() > deadline:
                raise
        finally:
            await client.aclose()
        await asyncio.sleep(0.05)
