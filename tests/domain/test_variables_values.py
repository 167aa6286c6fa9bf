"""Placeholders, value by value: how each kind of value reads, where a dotted path stops, which
fixed names an order has, and that several strings report every missing placeholder."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from server.domain.variables import SafeHtml, as_text, lookup, order_variables, render, render_all


def variables(**data: Any) -> dict[str, Any]:
    return order_variables(
        order_id="0b6c",
        order_name="WEB-1",
        order_url="https://fab.example.com/orders/0b6c",
        space_key="demo-eyewear",
        status="IN_PROGRESS",
        value=Decimal("189.00"),
        deadline=None,
        data=data,
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (3, "3"),
        (2.5, "2.5"),
        (Decimal("1E+2"), "100"),  # a decimal reads positionally, never in scientific notation
        (Decimal("0.10"), "0.10"),
        (Decimal("NaN"), "NaN"),
        (datetime(2026, 12, 5, 17, tzinfo=UTC), "2026-12-05T17:00:00+00:00"),
        ({"name": "Zoë"}, '{"name": "Zoë"}'),  # objects as JSON, letters as they are
        ([1, "ü"], '[1, "ü"]'),
        (
            {"value": Decimal("1.5"), "at": datetime(2026, 1, 2, tzinfo=UTC)},
            '{"value": "1.5", "at": "2026-01-02 00:00:00+00:00"}',
        ),
        ("plain", "plain"),
    ],
)
def test_given_a_value_when_it_is_read_as_text_then_it_reads_plainly(value: Any, text: str) -> None:
    assert as_text(value) == text


def test_given_values_of_each_kind_when_rendered_then_each_reads_plainly() -> None:
    values = variables(flags={"rush": True, "gift": False}, count=3, size={"w": 2})
    rendered = render("{flags.rush}/{flags.gift} {count} {size} {value}", values)
    assert rendered.text == 'true/false 3 {"w": 2} 189.00'
    assert rendered.missing == ()


def test_given_an_order_when_its_fixed_names_are_rendered_then_each_has_its_value() -> None:
    rendered = render("{orderId} {orderName} {spaceKey} {status} {orderUrl}", variables())
    assert rendered.text == "0b6c WEB-1 demo-eyewear IN_PROGRESS https://fab.example.com/orders/0b6c"
    assert rendered.missing == ()


def test_given_a_list_when_a_path_indexes_it_then_only_an_existing_item_is_found() -> None:
    values = variables(lines=[{"sku": "LC-01"}])
    assert lookup(values, "lines.0.sku") == "LC-01"
    assert lookup(values, "lines.1.sku") is None  # one past the end
    assert lookup(values, "lines.first") is None  # a name is no index


def test_given_a_string_when_a_path_goes_through_it_then_the_value_is_missing() -> None:
    values = variables(customerInfo={"name": "Ada"})
    assert lookup(values, "customerInfo.name.0") is None  # a string is not a list of letters
    assert lookup(values, "customerInfo.name.first") is None
    assert render("[{customerInfo.name.0}]", values).missing == ("customerInfo.name.0",)


def test_given_a_null_on_the_way_when_a_path_goes_through_it_then_the_value_is_missing() -> None:
    values = variables(customerInfo=None, note=None)
    assert lookup(values, "customerInfo.name") is None
    assert lookup(values, "note") is None


def test_given_safe_html_when_rendered_as_plain_text_then_it_is_inserted_as_it_is() -> None:
    values = {**variables(), "assetOverview": SafeHtml("<ul><li>a & b</li></ul>")}
    assert render("{assetOverview}", values).text == "<ul><li>a & b</li></ul>"
    assert render("{assetOverview}", values, html_body=True).text == "<ul><li>a & b</li></ul>"


def test_given_several_strings_when_rendered_together_then_every_missing_placeholder_is_reported_once() -> (
    None
):
    texts, missing = render_all(["{gone} {orderName}", "{lost}", "{gone}"], variables())
    assert texts == [" WEB-1", "", ""]
    assert missing == ("gone", "lost")
