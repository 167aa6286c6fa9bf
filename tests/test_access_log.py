"""The access lines of `fabflow serve` are uvicorn's, character for character."""

from __future__ import annotations

import logging
import logging.config

import pytest
from uvicorn.logging import AccessFormatter

from server.access_log import AccessLineFormatter, log_config

FORMAT = '%(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s'


def _record(status: int, level: int = logging.INFO) -> logging.LogRecord:
    args = ("127.0.0.1:5123", "POST", "/graphql?x=1", "1.1", status)
    return logging.LogRecord("uvicorn.access", level, __file__, 1, '%s - "%s %s HTTP/%s" %d', args, None)


@pytest.mark.parametrize("colours", [False, True])
@pytest.mark.parametrize("status", [200, 303, 404, 503, 299, 999])
@pytest.mark.parametrize("level", [logging.INFO, logging.WARNING])
def test_the_lines_are_uvicorns(colours: bool, status: int, level: int) -> None:
    uvicorns = AccessFormatter(FORMAT, use_colors=colours)
    ours = AccessLineFormatter(FORMAT, use_colors=colours)
    for _ in range(2):  # the second time from what it kept
        assert ours.format(_record(status, level)) == uvicorns.format(_record(status, level))


def test_serve_logs_access_lines_with_it() -> None:
    config = log_config()
    assert config["formatters"]["access"]["()"] == "server.access_log.AccessLineFormatter"
    assert config["loggers"]["uvicorn.access"]["propagate"] is False  # its records go nowhere else
    logging.config.dictConfig(config)
    handler = logging.getLogger("uvicorn.access").handlers[0]
    assert isinstance(handler.formatter, AccessLineFormatter)
