"""What this machine can slice with: told once when a worker starts, in its log and in the database
(`worker_capability`, one row per machine), where saving a flow looks for the engines it names."""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

from jobs.slicing import engines
from server.services import manufacturing

logger = logging.getLogger(__name__)


def engine_report() -> dict[str, Any]:
    return {key: {"version": found.version, "path": found.path} for key, found in engines.available().items()}


async def report() -> dict[str, Any]:
    """Log and record the engines of this machine; a database problem only costs the record."""
    found = await asyncio.to_thread(engine_report)
    if found:
        listed = ", ".join(f"{key} {value['version']}" for key, value in found.items())
        logger.info("slicing engines on this machine: %s (%d Cura definitions)", listed,
                    engines.cura_definition_count())  # fmt: skip
    else:
        logger.info("no slicing engine on this machine: %s", engines.INSTALL_HINT)
    try:
        await manufacturing.report_capabilities(socket.gethostname(), found)
    except Exception:
        logger.exception("could not record this machine's slicing engines")
    return found
