"""The Orders, Products and Parts tables: filters, sorting, pages, columns, highlight, CSV export."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from typing import Any

import pytest

from server.domain.statuses import OrderStatus
from server.models import Order, User
from server.services.orders import lists as order_lists
from tests.graphql.seed import seed_orders
from tests.web.conftest import WebClient
from web import lists as web_lists


def order_names(html: str) -> list[str]:
    return re.findall(r'<a href="/orders/[0-9a-f-]+">([^<]+)</a>', html)


async def test_the_orders_page_lists_orders_newest_first(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 3)

    response = await admin_web.get("/orders")

    assert response.status_code == 200
    assert "<html" in response.text
    names = order_names(response.text)
    assert names[0] == "ORD-0002" and sorted(names) == ["ORD-0000", "ORD-0001", "ORD-0002"]


async def test_an_htmx_request_gets_only_the_table(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    await seed_orders("demo-eyewear", 2)

    response = await admin_web.get("/orders", headers={"HX-Request": "true"})

    assert "<html" not in response.text
    assert 'id="selection"' in response.text
    assert "HX-Request" in response.headers["vary"]


async def test_filters_by_status_text_and_created_date(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 4)
    await Order.filter(id=rows.orders[1].id).update(status=OrderStatus.SUCCESS)

    by_status = await admin_web.get("/orders?status=SUCCESS")
    by_text = await admin_web.get("/orders?q=ord-0003")
    by_date = await admin_web.get("/orders?from=2026-03-02")

    assert order_names(by_status.text) == ["ORD-0001"]
    assert order_names(by_text.text) == ["ORD-0003"]
    assert order_names(by_date.text) == []


async def test_clicking_a_column_title_sorts_and_clicking_again_flips(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 3)

    ascending = await admin_web.get("/orders?sort=name&dir=asc")
    descending = await admin_web.get("/orders?sort=name&dir=desc")

    assert order_names(ascending.text) == ["ORD-0000", "ORD-0001", "ORD-0002"]
    assert order_names(descending.text) == ["ORD-0002", "ORD-0001", "ORD-0000"]
    assert 'href="/orders?sort=name&amp;dir=desc"' in ascending.text


async def test_pages_follow_the_keyset_cursor(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    await seed_orders("demo-eyewear", 30)

    first = await admin_web.get("/orders?size=25&sort=name&dir=asc")
    next_href = re.search(r'href="(/orders\?[^"]+)"[^>]*rel="next"', first.text)
    assert next_href is not None
    second = await admin_web.get(next_href.group(1).replace("&amp;", "&"))

    assert len(order_names(first.text)) == 25
    assert order_names(second.text) == [f"ORD-{i:04d}" for i in range(25, 30)]
    assert "26–30 of 30" in second.text


async def test_chosen_columns_are_remembered_per_user(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 1)

    response = await admin_web.post(
        "/orders/columns", {"column": ["name", "id"]}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "Order ID" in response.text and ">Value<" not in response.text
    user = await User.get(email="admin@example.com")
    assert user.preferences["columns"]["orders"] == ["name", "id"]
    again = await admin_web.get("/orders")
    assert 'class="col-id"' in again.text and 'class="col-value"' not in again.text


async def test_orders_matching_my_tags_are_highlighted_and_can_be_filtered(
    operator_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 2, prefix="PLAIN")
    await seed_orders("demo-eyewear", 1, prefix="MINE", tags=["eyewear"])

    everything = await operator_web.get("/orders")
    mine = await operator_web.get("/orders?mine=1")

    assert len(re.findall(r'<tr id="orders-[^"]+" class="mine"', everything.text)) == 1
    assert order_names(mine.text) == ["MINE-0000"]


async def test_selected_rows_export_as_csv_with_the_visible_columns(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 3)
    await Order.filter(id=rows.orders[0].id).update(name='=HYPERLINK("http://x")')
    chosen = [str(rows.orders[0].id), str(rows.orders[2].id)]

    response = await admin_web.post(
        "/orders/export", {"id": chosen, "column": ["name", "status", "value"], "csrf_token": admin_web.csrf}
    )

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == ["Order", "Status", "Value"]
    assert table[1] == ['\'=HYPERLINK("http://x")', "Created", "9.50"]
    assert table[2][0] == "ORD-0002"


async def test_products_and_parts_tables_show_their_order(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 1)

    products = await admin_web.get("/products?sort=title&dir=asc")
    parts = await admin_web.get("/parts?q=part-0-1")

    assert products.status_code == 200 and "Frame 0 of ORD-0000" in products.text
    assert '<td class="col-order">ORD-0000</td>' in products.text
    assert parts.status_code == 200 and "Part-0-1" in parts.text


async def test_products_and_parts_export_as_csv(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)

    response = await admin_web.post(
        "/parts/export",
        {"id": [str(rows.parts[0].id)], "column": ["name", "product", "order"], "csrf_token": admin_web.csrf},
    )

    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table == [["Part", "Product", "Order"], ["Part-0-0", "Frame 0 of ORD-0000", "ORD-0000"]]


async def test_order_names_are_shown_as_text(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    hostile = '<script>alert(1)</script><a hx-get="/logout" hx-trigger="load">x</a>'
    await Order.filter(id=rows.orders[0].id).update(name=hostile, tags=['<img src=x onerror="alert(1)">'])
    await admin_web.post("/orders/columns", {"column": ["name", "tags"]})

    response = await admin_web.get("/orders")

    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert 'hx-get="/logout"' not in response.text
    assert "<img src=x" not in response.text


def table_body(html: str) -> str:
    found = re.search(r"<tbody[^>]*>(.*?)</tbody>", html, re.S)
    assert found is not None
    return found.group(1)


async def test_malformed_table_parameters_are_ignored(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    """A stale or hand-edited link still shows the table: a bad value counts as not given."""
    await seed_orders("demo-eyewear", 2)
    for path in ("/orders", "/products", "/parts"):
        plain = await admin_web.get(path)
        assert plain.status_code == 200
        assert "<tr id=" in table_body(plain.text) and 'class="empty"' not in table_body(plain.text)
        for query in (
            "after=garbage",
            "after=eyJ4IjoxfQ",
            "sort=nope&dir=sideways",
            "size=-5&n=x",
            "from=2026-13-45",
        ):
            response = await admin_web.get(f"{path}?{query}")

            assert response.status_code == 200, (path, query, response.status_code)
            assert table_body(response.text) == table_body(plain.text), (path, query)


async def test_previous_page_goes_back_page_by_page(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    await seed_orders("demo-eyewear", 60)

    def link(html: str, rel: str) -> str:
        found = re.search(rf'href="(/orders\?[^"]+)"[^>]*rel="{rel}"', html)
        assert found is not None
        return found.group(1).replace("&amp;", "&")

    first = await admin_web.get("/orders?size=25&sort=name&dir=asc")
    second = await admin_web.get(link(first.text, "next"))
    third = await admin_web.get(link(second.text, "next"))
    back_to_second = await admin_web.get(link(third.text, "prev"))
    back_to_first = await admin_web.get(link(back_to_second.text, "prev"))

    assert order_names(third.text)[0] == "ORD-0050"
    assert order_names(back_to_second.text) == order_names(second.text)
    assert "26–50 of 60" in back_to_second.text
    assert order_names(back_to_first.text) == order_names(first.text)
    assert 'rel="prev"' not in back_to_first.text


async def test_a_count_past_its_bound_shows_a_plus(
    admin_web: WebClient, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed_orders("demo-eyewear", 30)
    monkeypatch.setattr(order_lists, "COUNT_BOUND", 20)

    page = await admin_web.get("/orders?size=25")

    assert "1–25 of 20+" in page.text


async def test_a_count_slower_than_the_rows_comes_by_its_own_request(
    admin_web: WebClient, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table does not wait for a count that is still running: the pager asks for it."""
    await seed_orders("demo-eyewear", 30)
    monkeypatch.setattr(order_lists, "COUNT_BOUND", 20)
    never = asyncio.Event()
    real = web_lists.LISTERS["orders"]

    async def stuck_count(actor: Any, flt: Any, sort: Any, page: Any) -> Any:
        if not page.with_rows:
            await never.wait()
        return await real(actor, flt, sort, page)

    with monkeypatch.context() as patched:
        patched.setattr(web_lists, "reads_side_by_side", lambda: True)
        patched.setitem(web_lists.LISTERS, "orders", stuck_count)
        patched.setattr(web_lists, "COUNT_WAIT", 0.01)
        table = await admin_web.get("/orders?size=25&status=CREATED", headers={"HX-Request": "true"})

    assert len(order_names(table.text)) == 25
    found = re.search(r'hx-get="(/orders/count\?[^"]+)" hx-trigger="load"', table.text)
    assert found, table.text
    assert " of 20" not in table.text
    count = await admin_web.get(found.group(1).replace("&amp;", "&"), headers={"HX-Request": "true"})
    assert count.text == "of 20+"


async def test_the_rows_are_made_while_the_count_is_still_running(
    admin_web: WebClient, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count that finishes only once the rows' markup is made still comes with the table."""
    await seed_orders("demo-eyewear", 30)
    rows_made = asyncio.Event()
    real_lister, real_rows = web_lists.LISTERS["orders"], web_lists.table_rows

    async def count_after_the_rows(actor: Any, flt: Any, sort: Any, page: Any) -> Any:
        if not page.with_rows:
            await asyncio.wait_for(rows_made.wait(), timeout=5)
        return await real_lister(actor, flt, sort, page)

    def made(*args: Any) -> Any:
        rows_made.set()
        return real_rows(*args)

    with monkeypatch.context() as patched:
        patched.setattr(web_lists, "reads_side_by_side", lambda: True)
        patched.setitem(web_lists.LISTERS, "orders", count_after_the_rows)
        patched.setattr(web_lists, "table_rows", made)
        patched.setattr(web_lists, "COUNT_WAIT", 2.0)
        table = await admin_web.get("/orders?size=25&status=CREATED", headers={"HX-Request": "true"})

    assert len(order_names(table.text)) == 25
    assert "1–25 of 30" in table.text
    assert "/orders/count?" not in table.text


async def test_the_count_request_counts_what_the_filters_match(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 3)

    assert (await admin_web.get("/orders/count?q=ORD-0001")).text == "of 1"
    assert (await admin_web.get("/orders/count")).text == "of 3"
