"""The web table's rows and count, read side by side: whichever fails, its failure is the one raised
and neither is left behind unretrieved (asyncio would log it with a traceback)."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest

from server.services.orders.lists import Page
from web.lists import _rows_then_count


async def _failing_count(failed: asyncio.Event | None = None) -> Page[object]:
    if failed is not None:
        failed.set()
    raise RuntimeError("the count broke")


async def test_rows_that_fail_after_the_count_failed_leave_nothing_unretrieved(
    caplog: pytest.LogCaptureFixture,
) -> None:
    failed = asyncio.Event()

    async def rows() -> Page[object]:
        await failed.wait()  # the count has failed by then
        raise ValueError("the rows broke")

    with caplog.at_level(logging.ERROR, logger="asyncio"), pytest.raises(ValueError, match="rows"):
        await _rows_then_count(rows(), _failing_count(failed))
    gc.collect()
    assert "never retrieved" not in caplog.text


async def test_a_failed_count_fails_the_page_when_the_rows_came() -> None:
    async def rows() -> Page[object]:
        return Page()

    with pytest.raises(RuntimeError, match="the count broke"):
        await _rows_then_count(rows(), _failing_count())
