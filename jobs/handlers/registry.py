"""The installed handlers: every entry point of the group `fabflow.handlers`, built-ins included.

An entry point names a handler object, e.g. `send-email = "jobs.handlers.send_email:HANDLER"`.
`install_handlers` (called by the composition roots) hands them to `server.task_handlers`, so flow
validation, the editor and the services' hooks know them. A key whose handler is not installed fails
its task with a clear reason instead of hanging.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.metadata import entry_points

from server import task_handlers
from server.task_handlers import Handler

logger = logging.getLogger(__name__)

GROUP = "fabflow.handlers"


@cache
def handlers() -> dict[str, Handler]:
    found: dict[str, Handler] = {}
    for entry in entry_points(group=GROUP):
        try:
            handler = entry.load()
        except Exception:
            logger.exception("could not load the handler %r (%s)", entry.name, entry.value)
            continue
        if handler.spec.key != entry.name:
            logger.warning("the entry point %r names a handler whose key is %r", entry.name, handler.spec.key)
        found[handler.spec.key] = handler
    if not found:
        logger.warning("no task handler is installed: install Fabflow with pip so its entry points exist")
    return found


def install_handlers() -> None:
    """Register the installed handlers with validation and the services (idempotent)."""
    task_handlers.install(handlers().values())


def handler_for(key: str) -> Handler | None:
    return handlers().get(key)
