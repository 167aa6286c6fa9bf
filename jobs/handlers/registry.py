"""The handlers a worker can run: the built-ins plus those installed under `fabflow.handlers`.

An entry point names a handler object, e.g. `send-email = "jobs.handlers.send_email:HANDLER"`.
A plug-in's payload spec is registered with the flow domain too, so validation and the editor know
it. A key whose handler is not installed fails its task with a clear reason instead of hanging.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.metadata import entry_points

from jobs.handlers.base import Handler
from jobs.handlers.manual_task import HANDLER as MANUAL_TASK
from jobs.handlers.wait import HANDLER as WAIT
from server.domain.flows import handler_spec, register_handler

logger = logging.getLogger(__name__)

GROUP = "fabflow.handlers"
BUILT_IN: tuple[Handler, ...] = (WAIT, MANUAL_TASK)


@cache
def handlers() -> dict[str, Handler]:
    found: dict[str, Handler] = {handler.spec.key: handler for handler in BUILT_IN}
    for entry in entry_points(group=GROUP):
        try:
            handler = entry.load()
        except Exception:
            logger.exception("could not load the handler %r (%s)", entry.name, entry.value)
            continue
        if handler_spec(handler.spec.key) is None:
            register_handler(handler.spec)
        found[handler.spec.key] = handler
    return found


def handler_for(key: str) -> Handler | None:
    return handlers().get(key)
