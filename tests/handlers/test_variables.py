"""Placeholders in payload strings: lookup, escaping, missing values."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from server.domain.variables import (
    SafeHtml,
    lookup,
    order_variables,
    placeholders,
    render,
    render_all,
)

DATA = {
    "customerInfo": {"name": "Ada <Peeters>", "email": "ada@example.com", "phone": None},
    "channel": "webshop",
    "status": "from data",
    "lines": [{"sku": "LC-01"}],
}


def variables() -> dict[str, object]:
    return order_variables(
        order_id="0b6c",
        order_name="WEB-1",
        order_url="https://fab.example.com/orders/0b6c",
        space_key="demo-eyewear",
        status="IN_PROGRESS",
        value=Decimal("189.00"),
        deadline=datetime(2026, 12, 5, 17, tzinfo=UTC),
        data=DATA,
    )


def test_fixed_names_and_dotted_paths_of_the_data() -> None:
    rendered = render("{orderName} {orderUrl} {customerInfo.name} {customerEmail} {lines.0.sku}", variables())
    assert rendered.text == "WEB-1 https://fab.example.com/orders/0b6c Ada <Peeters> ada@example.com LC-01"
    assert rendered.missing == ()


def test_a_data_key_never_hides_a_fixed_name() -> None:
    assert render("{status} / {data.status}", variables()).text == "IN_PROGRESS / from data"


def test_numbers_and_dates_read_plainly() -> None:
    assert render("{value} {deadline}", variables()).text == "189.00 2026-12-05T17:00:00+00:00"


def test_missing_and_null_values_become_empty_and_are_reported_once() -> None:
    rendered = render("[{customerInfo.phone}] [{nope.deeper}] [{nope.deeper}]", variables())
    assert rendered.text == "[] [] []"
    assert rendered.missing == ("customerInfo.phone", "nope.deeper")


def test_html_bodies_escape_values_but_not_safe_html() -> None:
    values = {**variables(), "assetOverview": SafeHtml('<ul><li><a href="x">a.zip</a></li></ul>')}
    rendered = render("<p>{customerInfo.name}</p>{assetOverview}", values, html_body=True)
    assert rendered.text == '<p>Ada &lt;Peeters&gt;</p><ul><li><a href="x">a.zip</a></li></ul>'


def test_text_that_is_not_a_placeholder_stays() -> None:
    template = 'p { color: red } {} { orderName } {"a": 1}'
    assert render(template, variables()).text == template


def test_customer_email_is_missing_without_customer_info() -> None:
    values = order_variables(
        order_id="1",
        order_name="n",
        order_url="u",
        space_key="s",
        status="CREATED",
        value=0,
        deadline=None,
        data={"customerInfo": "not an object"},
    )
    assert lookup(values, "customerEmail") is None
    assert render("{deadline}", values).missing == ("deadline",)


def test_render_all_and_placeholders() -> None:
    texts, missing = render_all(["{customerEmail}", "x@example.com", "{gone}"], variables())
    assert texts == ["ada@example.com", "x@example.com", ""]
    assert missing == ("gone",)
    assert placeholders("{a} {b.c} {a}") == ("a", "b.c")
