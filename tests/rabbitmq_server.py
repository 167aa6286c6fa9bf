"""A RabbitMQ virtual host of a test's own on the machine's RabbitMQ, removed afterwards.

Queues live in a virtual host, so a test in its own sees no message of another test or of another
checkout running the same tests at the same time. Without RabbitMQ (or `rabbitmqctl`) the test is
skipped locally and fails under `CI`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from tests.conftest import unavailable

RABBITMQ_URL = os.environ.get("FABFLOW_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672")


def _rabbitmqctl(*arguments: str) -> None:
    done = subprocess.run(["rabbitmqctl", *arguments], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        unavailable("rabbitmqctl", f"{' '.join(arguments)}: {done.stderr.strip() or done.stdout.strip()}")


def _listening(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), timeout=2):
            return True
    except OSError:
        return False


@contextmanager
def rabbitmq_vhost() -> Iterator[str]:
    """The broker URL of a fresh virtual host that the guest user may use."""
    if not _listening(RABBITMQ_URL):
        unavailable("RabbitMQ", f"nothing listens at {urlsplit(RABBITMQ_URL).netloc.rsplit('@', 1)[-1]}")
    if shutil.which("rabbitmqctl") is None:
        unavailable("rabbitmqctl", "not on PATH")
    name = f"fabflow-test-{uuid.uuid4().hex[:12]}"
    user = urlsplit(RABBITMQ_URL).username or "guest"
    _rabbitmqctl("add_vhost", name)
    try:
        _rabbitmqctl("set_permissions", "-p", name, user, ".*", ".*", ".*")
        yield f"{RABBITMQ_URL.rstrip('/')}/{name}"
    finally:
        subprocess.run(["rabbitmqctl", "delete_vhost", name], capture_output=True, timeout=60)
