"""The access log of `fabflow serve`: uvicorn's lines, made with less work per request.

uvicorn's access formatter copies each record twice (once for the request line, once for the
level prefix) and looks up the status phrase through `http.HTTPStatus` for every line. This one
writes the same text: it sets the same fields on the record itself (the access logger has this
one handler and does not propagate) and keeps the status texts it has made.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from uvicorn.config import LOGGING_CONFIG
from uvicorn.logging import AccessFormatter, ansi_style

MAX_STATUSES = 1000  # status codes run from 100 to 599


class AccessLineFormatter(AccessFormatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._statuses: dict[Any, str] = {}
        self._prefixes: dict[tuple[str, int], str] = {}

    def formatMessage(self, record: logging.LogRecord) -> str:
        args = record.args
        if not isinstance(args, tuple) or len(args) != 5 or "color_message" in record.__dict__:
            return super().formatMessage(record)
        client_addr, method, full_path, http_version, status_code = args
        status = self._statuses.get(status_code)
        if status is None:
            status = self.get_status_code(int(status_code))  # type: ignore[call-overload]
            if len(self._statuses) < MAX_STATUSES:
                self._statuses[status_code] = status
        request_line = f"{method} {full_path} HTTP/{http_version}"
        if self.use_colors:
            request_line = ansi_style(request_line, bold=True)
        fields = record.__dict__
        fields["client_addr"] = client_addr
        fields["request_line"] = request_line
        fields["status_code"] = status
        fields["levelprefix"] = self._prefix(record.levelname, record.levelno)
        return self._style.format(record)

    def _prefix(self, level_name: str, level_no: int) -> str:
        key = (level_name, level_no)
        prefix = self._prefixes.get(key)
        if prefix is None:
            separator = " " * (8 - len(level_name))
            shown = self.color_level_name(level_name, level_no) if self.use_colors else level_name
            prefix = self._prefixes[key] = shown + ":" + separator
        return prefix


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration, the access lines made by `AccessLineFormatter`."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["access"]["()"] = f"{__name__}.AccessLineFormatter"
    return config
