"""The table's rows and links as Python makes them: a page's rows, hostile text, the links' query strings."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from starlette.datastructures import QueryParams

from server.domain.statuses import OrderStatus
from server.services.orders.rows import OrderRow
from web.tables import MAX_KEPT_QUERY, ORDERS, PRODUCTS, TableState, read_state, state_of_query
from web.templating import ENV, _row_maker, ago, deadline_state, iso, table_piece, table_row, table_rows

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


def test_a_tables_kept_pieces_are_those_of_its_view_whatever_the_page() -> None:
    columns = ORDERS.visible_columns(None)
    by_name = read_state(ORDERS, QueryParams("status=IN_PROGRESS&sort=name&dir=asc&size=25"))
    page_three = read_state(ORDERS, QueryParams("status=IN_PROGRESS&sort=name&dir=asc&size=25&after=x&n=3"))
    by_value = read_state(ORDERS, QueryParams("status=IN_PROGRESS&sort=value&size=25"))
    fewer = ORDERS.visible_columns({"columns": {"orders": ["name", "value"]}})

    def rendered(name: str, state: Any) -> str:
        context = {"table": ORDERS, "columns": columns, "state": state, "page_sizes": (25, 50, 100, 200)}
        return ENV.get_template(name).render(context)

    for name in ("_table_head.html", "_table_sizes.html"):
        fresh = rendered(name, by_name)
        assert rendered(name, page_three) == fresh  # paging changes neither: the key may leave it out
        assert table_piece(name, ORDERS, columns, by_name) == fresh
        assert table_piece(name, ORDERS, columns, page_three) == fresh
        assert table_piece(name, ORDERS, columns, by_value) != fresh
    head = table_piece("_table_head.html", ORDERS, columns, by_name)
    assert 'aria-sort="ascending"' in head and "sort=value" in head and "after=" not in head
    assert "Created at" not in table_piece("_table_head.html", ORDERS, fewer, by_name)
    sizes = table_piece("_table_sizes.html", ORDERS, columns, by_name)
    assert '<strong aria-current="true">25</strong>' in sizes


def test_a_link_to_a_state_field_that_does_not_exist_is_refused() -> None:
    with pytest.raises(TypeError, match="pages"):
        TableState().query(pages=2)


ZONES = [UTC, None, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-11)),
         ZoneInfo("Europe/Warsaw"), ZoneInfo("America/St_Johns")]  # fmt: skip
EDGES = [0, 1, 59.999999, 60, 3599.999999, 3600, 2 * 86400 - 1e-6, 2 * 86400, 30 * 86400 - 1e-6, 30 * 86400]


def _moments(now: datetime, count: int) -> list[datetime]:
    """Moments around `now` (both sides of every edge of `ago`, far away, microseconds), in many zones."""
    spread = random.Random(13)
    offsets = [timedelta(seconds=sign * edge) for edge in EDGES for sign in (1, -1)]
    offsets += [timedelta(days=spread.randint(-300_000, 300_000)) for _ in range(count)]
    offsets += [
        timedelta(microseconds=spread.randint(-60 * 86400 * 10**6, 60 * 86400 * 10**6)) for _ in range(count)
    ]
    zoned = [(now + offset).astimezone(UTC) for offset in offsets]
    return [m.replace(tzinfo=None) if (z := spread.choice(ZONES)) is None else m.astimezone(z) for m in zoned]


@pytest.mark.parametrize("status", [OrderStatus.IN_PROGRESS, OrderStatus.SUCCESS])
def test_a_date_cell_says_what_iso_ago_and_deadline_state_say(status: OrderStatus) -> None:
    now = datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=UTC)  # the night Warsaw moves its clocks
    columns = ORDERS.visible_columns({"columns": {"orders": ["created", "deadline"]}})
    make = _row_maker(ORDERS, columns)
    for moment in _moments(now, 300):
        row = _order("x", [], 1)
        row.created_at, row.deadline, row.status = moment, moment, status
        exact = iso(moment)
        said = f'<time datetime="{exact}" title="{exact}">{ago(moment, now)}</time>'
        flag = {"overdue": "flag-overdue", "due-soon": "flag-due-soon"}.get(
            deadline_state(moment, status, now)
        )
        html = make(row, (), now, False, False)

        assert f'<td class="col-created">{said}</td>' in html
        assert f'<td class="col-deadline">{said}' in html
        assert html.count("flag-") == (1 if flag else 0)
        assert flag is None or flag in html


def test_a_kept_state_is_the_state_its_query_string_reads() -> None:
    query = (
        b"status=IN_PROGRESS&status=CREATED&q=a+b%26&sort=name&dir=asc&after=xx&back=-&n=2&size=25&tag=Rush"
    )
    state = state_of_query(ORDERS, query)

    assert state == read_state(ORDERS, QueryParams(query.decode()))
    assert state_of_query(ORDERS, query) is state
    assert state_of_query(PRODUCTS, query) == read_state(PRODUCTS, QueryParams(query.decode()))
    assert state_of_query(PRODUCTS, query).statuses == ()  # another table, its own reading


def test_a_long_query_string_is_read_each_time_and_not_kept() -> None:
    query = b"status=IN_PROGRESS&q=" + b"x" * MAX_KEPT_QUERY
    first = state_of_query(ORDERS, query)
    assert first == read_state(ORDERS, QueryParams(query.decode()))
    assert state_of_query(ORDERS, query) is not first
