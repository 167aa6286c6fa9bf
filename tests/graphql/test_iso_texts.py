"""Date-times render as `isoformat()` does, with the texts of moments in UTC kept (bounded)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from graphql_schema import renderers
from graphql_schema.renderers import iso_text


def test_the_same_moment_in_another_zone_keeps_its_own_offset() -> None:
    moment = datetime(2026, 3, 1, 12, 0, 0, 250_000, tzinfo=UTC)
    elsewhere = moment.astimezone(timezone(timedelta(hours=1)))
    assert moment == elsewhere
    assert iso_text(moment) == "2026-03-01T12:00:00.250000+00:00"
    assert iso_text(elsewhere) == "2026-03-01T13:00:00.250000+01:00"
    assert iso_text(moment.replace()) == moment.isoformat()  # kept, and equal to a fresh one


def test_naive_moments_and_dates_are_written_as_they_are() -> None:
    naive = datetime(2026, 3, 1, 12, 0)
    iso_text(naive.replace(tzinfo=UTC))
    assert iso_text(naive) == "2026-03-01T12:00:00"
    assert iso_text(date(2026, 3, 1)) == "2026-03-01"


def test_the_kept_texts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(renderers, "MAX_ISO_TEXTS", 10)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for minutes in range(100):
        moment = start + timedelta(minutes=minutes)
        assert iso_text(moment) == moment.isoformat()
    assert len(renderers._iso_texts) <= 10
