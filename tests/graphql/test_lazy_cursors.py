"""A page's cursors are encoded when read, and read the same as if encoded up front."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from server.services.orders.sql import Cursors, encode_cursor


def test_lazy_cursors_read_as_the_encoded_ones() -> None:
    keys = [(datetime(2026, 5, day, tzinfo=UTC), uuid4()) for day in (1, 2, 3)]
    expected = [encode_cursor("CREATED_AT", value, row_id) for value, row_id in keys]
    cursors = Cursors("CREATED_AT", keys)

    assert len(cursors) == 3
    assert cursors[-1] == expected[-1]
    assert cursors[0] == expected[0]
    assert list(cursors) == expected
    assert cursors[1:] == expected[1:]
    with pytest.raises(IndexError):
        cursors[3]
    assert not Cursors("CREATED_AT", [])
