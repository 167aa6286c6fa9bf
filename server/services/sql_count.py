"""Count the SQL statements Tortoise sends, for tests and benchmarks.

Reads the DEBUG records of the `tortoise.db_client` logger, which every backend
writes once per statement it executes; nothing is patched. Only data statements
are counted: asyncpg's own connection resets (`pg_advisory_unlock_all()` on pool
checkout) never pass through Tortoise, so round trips can be higher than this.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

SQL_VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT")
LOGGER_NAME = "tortoise.db_client"


class StatementLog(logging.Handler):
    """Collects the text of every statement executed while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = _statement(record)
        if text is not None:
            self.statements.append(text)

    @property
    def count(self) -> int:
        return len(self.statements)

    def selects(self) -> list[str]:
        return [s for s in self.statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def _statement(record: logging.LogRecord) -> str | None:
    candidate = record.args[0] if isinstance(record.args, tuple) and record.args else record.msg
    if isinstance(candidate, str) and candidate.lstrip().upper().startswith(SQL_VERBS):
        return candidate
    return None


@contextmanager
def count_statements() -> Iterator[StatementLog]:
    """`with count_statements() as log: ...; log.count` — statements executed inside the block."""
    logger = logging.getLogger(LOGGER_NAME)
    handler = StatementLog()
    previous_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
