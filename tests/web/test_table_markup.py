"""The table's rows and links as Python makes them: a page's rows, hostile text, the links' query strings."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from starlette.datastructures import QueryParams

from server.domain.statuses import OrderStatus
from server.services.orders.rows import OrderRow
from web.tables import ORDERS, TableState, read_state
from web.templating import table_row, table_rows

NOW = datetime.now(UTC)


def _order(name: str, tags: list[str], hours: int) -> OrderRow:
    return OrderRow(
        id=uuid.uuid4(),
        space_id=uuid.uuid4(),
        name=name,
        status=OrderStatus.IN_PROGRESS,
        value=Decimal("1234.5"),
        deadline=NOW + timedelta(hours=hours),
        tags=tags,
        flow_tags=[],
        data={},
        flow_key=None,
        thumbnail_url="javascript:alert(1)",
        quote=None,
        created_at=NOW - timedelta(hours=hours),
        updated_at=NOW,
    )


def test_a_pages_rows_are_the_rows_one_by_one() -> None:
    rows = [_order("<b>\"x\"</b> & 'y'", ["rush", "<i>"], 3), _order("plain", [], 40)]
    shown = ["name", "status", "value", "deadline", "tags", "id"]
    columns = ORDERS.visible_columns({"columns": {"orders": shown}})

    html = table_rows(ORDERS, columns, rows, ["rush"])

    assert html == "".join(table_row(ORDERS, columns, row, ["rush"]) + "\n" for row in rows)
    assert "&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; &#39;y&#39;" in html
    assert "<b>" not in html and "<i>" not in html
    assert "javascript:" not in html
    assert f'<tr id="orders-{rows[0].id}" class="mine">' in html
    assert '<span class="tag tag-mine">rush</span><span class="tag">&lt;i&gt;</span>' in html
    assert '<span class="num">€ 1,234.50</span>' in html
    assert "flag-due-soon" in html and html.count("flag-") == 1
    assert table_rows(ORDERS, columns, [], ["rush"]) == ""


def test_links_keep_the_filters_and_start_again_at_page_one() -> None:
    state = TableState(
        statuses=(OrderStatus.CREATED,),
        created_from=date(2026, 1, 2),
        search="a&b",
        tags=("rush", "b2b"),
        sort="value",
        descending=False,
        after="CURSOR",
        back=("-", "B1"),
        page_number=3,
        size=100,
    )
    kept = "status=CREATED&from=2026-01-02&q=a%26b&tag=rush%2C+b2b&sort=value"

    assert state.query() == f"{kept}&dir=asc&size=100"
    assert state.sort_query("value") == f"{kept}&dir=desc&size=100"
    assert state.query(size=25) == f"{kept}&dir=asc&size=25"
    assert state.current_query() == f"{kept}&dir=asc&after=CURSOR&n=3&size=100&back=-&back=B1"
    assert state.next_query("NEXT") == f"{kept}&dir=asc&after=NEXT&n=4&size=100&back=-&back=B1&back=CURSOR"
    assert state.previous_query() == f"{kept}&dir=asc&after=B1&n=2&size=100&back=-"
    assert read_state(ORDERS, QueryParams(state.current_query())) == state


def test_a_link_to_a_state_field_that_does_not_exist_is_refused() -> None:
    with pytest.raises(TypeError, match="pages"):
        TableState().query(pages=2)
