"""The port through which validation and the services reach the installed task handlers.

A handler is one module of `jobs` (or of a plug-in package) named by an entry point of the group
`fabflow.handlers`. The domain and the services never import `jobs`: the composition root
(`server.app`, `server.cli`, the worker start, the tests' conftest) loads the entry points and calls
`install`, which registers each handler's payload spec with flow validation and keeps the handler
for the hooks the services call (`cancel`, the link purposes it accepts).

What a handler is, for authors: `jobs.handlers.base`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from server.domain.flows.payload_specs import HandlerSpec, handler_spec, register_handler
from server.domain.tasks import EndedTask, HandlerResult, Resumption, TaskContext

logger = logging.getLogger(__name__)


class Handler(Protocol):
    """What every handler has. The hooks of `Hooks` are optional: `cancel`, `link_purposes`, `variables`."""

    spec: HandlerSpec

    async def run(self, context: TaskContext) -> HandlerResult: ...

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult: ...


class Hooks(Protocol):
    """The optional part of a handler; a handler without one behaves as if it returned nothing:
    `at_once`, `cancel`, `link_purposes`, `variables`, `sweep`."""

    # The purposes of the signed links (`signed_links.CONFIRM`, `signed_links.FEEDBACK`) whose
    # answers this handler's tasks wait for; a link of another purpose is refused for its tasks.
    link_purposes: frozenset[str]
    # The placeholder variables the handler adds to the order's (name → what it holds), for docs.
    variables: Mapping[str, str]

    def at_once(self, context: TaskContext) -> HandlerResult | None:
        """The task's result when the handler knows it without any I/O (a `wait` of 0): the task then
        ends in the transaction that claims it, and `run` is not called. None: call `run`."""

    async def cancel(self, task: EndedTask) -> None:
        """Stop the task's pending work, inside the transaction that ends it: change rows only."""

    async def sweep(self) -> int:
        """Carry out what the handler's hooks left in rows for the outside world (a transactional
        outbox: `cancel` may only write rows); called by every sweep. How many things it did."""


_INSTALLED: dict[str, Any] = {}


def install(handlers: Iterable[Handler]) -> None:
    """Make `handlers` the installed ones; their specs become known to validation and the editor."""
    _INSTALLED.clear()
    for handler in handlers:
        spec = handler.spec
        if handler_spec(spec.key) is not spec:
            register_handler(spec, replace=True)
        _INSTALLED[spec.key] = handler


def installed() -> Mapping[str, Handler]:
    return dict(_INSTALLED)


def handler(key: str) -> Handler | None:
    return _INSTALLED.get(key)


def accepts_link(handler_key: str, purpose: str) -> bool:
    """Whether tasks of this handler wait for answers through signed links of `purpose`."""
    found = _INSTALLED.get(handler_key)
    return purpose in (getattr(found, "link_purposes", None) or ())


def at_once(context: TaskContext) -> HandlerResult | None:
    """The handler's `at_once` answer, if it has the hook and can answer without waiting for anything;
    None otherwise (its `run` then runs as usual). A failing hook counts as no answer."""
    hook = getattr(_INSTALLED.get(context.handler_key), "at_once", None)
    if hook is None:
        return None
    try:
        return hook(context)  # type: ignore[no-any-return]
    except Exception:
        logger.exception("the at_once hook of handler %s failed; its run decides", context.handler_key)
        return None


async def cancel(task: EndedTask) -> None:
    """Call the handler's `cancel` hook, if it has one (an uninstalled handler has nothing to stop)."""
    hook = getattr(_INSTALLED.get(task.handler_key), "cancel", None)
    if hook is not None:
        await hook(task)


async def sweep() -> int:
    """Call each installed handler's `sweep` hook; a failing hook is logged and the others still run."""
    done = 0
    for key, found in list(_INSTALLED.items()):
        hook = getattr(found, "sweep", None)
        if hook is None:
            continue
        try:
            done += await hook()
        except Exception:
            logger.exception("the sweep hook of handler %s failed; it runs again at the next sweep", key)
    return done
