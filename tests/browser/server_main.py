"""The app served by uvicorn for the browser tests: `python -m tests.browser.server_main URL PORT`."""

from __future__ import annotations

import sys

import uvicorn

from server.app import create_app


def main(db_url: str, port: int) -> None:
    uvicorn.run(create_app(db_url=db_url), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
