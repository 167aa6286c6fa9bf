"""A `fabflow worker` that kills itself (SIGKILL) right after its first decision commits, before its sends.

    python -m tests.reliability.crash_after_commit [--threads N]

Its dispatcher's `run_tasks`, called with the next task of a committed step, kills the process
instead of sending: the decision is in the database, its message in no broker.
"""

from __future__ import annotations

import os
import signal
import sys
from uuid import UUID

from jobs import dispatcher
from server.cli import main


def _killed_before_sending(self: dispatcher.BrokerDispatcher, task_run_ids: list[UUID]) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    dispatcher.BrokerDispatcher.run_tasks = _killed_before_sending  # type: ignore[method-assign]
    sys.exit(main(["worker", *sys.argv[1:]]))
