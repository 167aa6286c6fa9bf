"""The create-order JSON: what is accepted, how it is normalised, and every problem named by its path."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from server.domain.order_input import (
    MAX_PART_DEPTH,
    InvalidInput,
    OrderInput,
    Problem,
    intake_hash,
    load_json_text,
    parse_order_input,
)
from server.domain.statuses import AssetKind
from tests.conftest import EXAMPLES_DIR

Json = dict[str, Any]


def eyewear() -> Json:
    return json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]  # type: ignore[no-any-return]


def valid(body: object) -> OrderInput:
    parsed = parse_order_input(body)
    assert isinstance(parsed, OrderInput), parsed
    return parsed


def problems(body: object) -> list[tuple[str, str]]:
    parsed = parse_order_input(body)
    assert isinstance(parsed, InvalidInput), "expected problems"
    return [(problem.path, problem.code) for problem in parsed.problems]


def messages(body: object) -> dict[str, str]:
    parsed = parse_order_input(body)
    assert isinstance(parsed, InvalidInput), "expected problems"
    return {problem.path: problem.message for problem in parsed.problems}


# --- the examples ------------------------------------------------------------------------------------


def test_the_eyewear_example_is_read_whole() -> None:
    order = valid(json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text()))

    assert (order.space_key, order.name, order.flow_key) == (
        "demo-eyewear",
        "WEB-2026-001842",
        "standard-production",
    )
    assert [line.title for line in order.lines] == ["Custom frame — Aurora", "Lens cloth"]
    assert order.value == Decimal("198.00")  # 1 × 189 + 2 × 4.50
    assert order.deadline == datetime(2026, 12, 1, 17, 0, tzinfo=UTC)  # the earlier of the two
    front = order.lines[0].items[0]
    assert (front.client_id, front.name, front.tags) == ("front", "Front", ("sls", "dyed"))
    assert [child.client_id for child in front.items] == ["hinge-left", "hinge-right"]
    temples = order.lines[0].items[1].assets[0]
    assert (temples.name, temples.kind, temples.is_public) == ("temples.stl", AssetKind.PRODUCTION, False)
    assert temples.current_url == "https://cdn.example.com/cfg-8f2a/temples-v2.stl"
    assert [a.address_type for a in order.addresses] == ["shipping", "billing"]
    assert order.data["customerInfo"]["email"] == "ada@example.com"


def test_search_text_holds_the_lower_cased_names_and_ids_of_the_tree() -> None:
    words = valid(eyewear()).search_text.split("\n")

    assert words[0] == "web-2026-001842"
    assert {"custom frame — aurora", "front", "hinge left", "hinge-left", "cloth", "lens cloth"} <= set(words)
    assert len(words) == len(set(words))


def test_the_thumbnail_is_the_current_version_of_the_first_preview() -> None:
    order = valid(eyewear())

    assert order.thumbnail_url == "https://cdn.example.com/cfg-8f2a/front-v1.png"
    assert order.lines[1].thumbnail_url is None


def test_the_documentation_sample_names_every_placeholder_that_is_not_a_value() -> None:
    body = json.loads((EXAMPLES_DIR / "fixed-003-connector-body.json").read_text())

    found = messages(body)

    assert set(found) == {
        "updateUrl",
        "orderLines[0].amountOfUnits",
        "orderLines[0].items[0].items[0]",
        "orderLines[0].items[0].assets[0].url",
        "orderLines[0].items[0].assets[0].versions[0].url",
    }
    assert found["updateUrl"] == "'string' is not an http or https URL"
    assert found["orderLines[0].items[0].items[0]"] == "is null; an item must be an object"
    assert "not 0" in found["orderLines[0].amountOfUnits"]


def test_the_documentation_sample_that_is_not_json_is_refused_with_line_and_column() -> None:
    loaded = load_json_text((EXAMPLES_DIR / "seed-003-connector-body.json").read_bytes())

    assert isinstance(loaded, InvalidInput)
    (problem,) = loaded.problems
    assert (problem.path, problem.code) == ("", "invalid_json")
    assert "line 36, column 6" in problem.message


def test_valid_json_text_is_its_value() -> None:
    assert load_json_text('{"order": {"spaceKey": "x"}}') == {"order": {"spaceKey": "x"}}
    assert isinstance(load_json_text(b"\xff\xfe"), InvalidInput)
    assert isinstance(load_json_text('{"a": NaN}'), InvalidInput)


# --- normalisation and the intake hash -----------------------------------------------------------------


def test_bare_and_wrapped_are_the_same_order() -> None:
    assert valid(eyewear()) == valid({"order": eyewear()})


def test_the_hash_ignores_how_the_same_order_is_written() -> None:
    given = eyewear()
    rewritten = dict(reversed(list(copy.deepcopy(given).items())))  # keys in another order
    rewritten["orderLines"][1]["valuePerUnit"] = "4.50"
    rewritten["orderLines"][1]["deadline"] = "2026-12-01T18:00:00+01:00"
    rewritten["orderLines"][0]["items"][0]["isAsset"] = None  # absent: false

    assert intake_hash(valid(given)) == intake_hash(valid({"order": rewritten}))


def test_the_hash_sees_every_change_of_content() -> None:
    changed = eyewear()
    changed["orderLines"][0]["items"][0]["items"][1]["data"]["sku"] = "HG-03"

    assert intake_hash(valid(eyewear())) != intake_hash(valid(changed))


def test_the_normalised_json_reads_back_as_the_same_order() -> None:
    order = valid(eyewear())

    assert valid(order.to_json()) == order
    assert valid(json.loads(json.dumps({"order": order.to_json()}))) == order


def test_dates_are_utc_and_a_date_without_zone_is_utc() -> None:
    body = eyewear()
    body["orderLines"][0]["deadline"] = "2026-12-05T17:00:00"
    body["orderLines"][1]["deadline"] = "2026-12-01T18:30:00+01:30"
    body["orderLines"][0]["items"][0]["assets"][0]["versions"][0]["date"] = "2026-11-20"

    order = valid(body)

    assert order.lines[0].deadline == datetime(2026, 12, 5, 17, 0, tzinfo=UTC)
    assert order.lines[1].deadline == datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
    assert order.lines[0].items[0].assets[0].versions[0].date == datetime(2026, 11, 20, tzinfo=UTC)
    assert order.to_json()["orderLines"][1]["deadline"] == "2026-12-01T17:00:00Z"


@pytest.mark.parametrize(
    ("given", "expected"),
    [(4.5, "4.50"), ("4.5", "4.50"), (0, "0.00"), ("0.10", "0.10"), (12, "12.00"), (" 7.25 ", "7.25")],
)
def test_values_per_unit_are_exact_decimals(given: object, expected: str) -> None:
    body = eyewear()
    body["orderLines"][1]["valuePerUnit"] = given

    assert valid(body).lines[1].value_per_unit == Decimal(expected)


@pytest.mark.parametrize(
    "given", [-1, "-0.01", 0.1 + 0.2, "1.005", "abc", "NaN", "Infinity", True, [], 10**13, "1e30"]
)
def test_values_per_unit_that_are_not_money_are_refused(given: object) -> None:
    body = eyewear()
    body["orderLines"][1]["valuePerUnit"] = given

    assert problems(body) == [("orderLines[1].valuePerUnit", "invalid")]


@pytest.mark.parametrize("given", [0, -2, 1.5, True, "2", 10**9, None])
def test_amounts_must_be_whole_and_positive(given: object) -> None:
    body = eyewear()
    body["orderLines"][1]["amountOfUnits"] = given

    code = "required" if given is None else "invalid"
    assert problems(body) == [("orderLines[1].amountOfUnits", code)]


def test_a_whole_float_amount_counts() -> None:
    body = eyewear()
    body["orderLines"][1]["amountOfUnits"] = 2.0

    assert valid(body).lines[1].amount_of_units == 2


# --- problems, by path ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "string",
        "ftp://cdn.example.com/a.stl",
        "https://",
        "//cdn.example.com/a",
        "https://a b/c",
        "https://[::1/a",
        "",
        3,
    ],
)
def test_urls_must_be_http_or_https(url: object) -> None:
    body = eyewear()
    body["orderLines"][0]["items"][1]["assets"][0]["versions"][1]["url"] = url

    assert [path for path, _ in problems(body)] == ["orderLines[0].items[1].assets[0].versions[1].url"]


@pytest.mark.parametrize("date", ["yesterday", "2026-13-01T00:00:00Z", "", 1733400000, "05/12/2026"])
def test_dates_must_be_iso_8601(date: object) -> None:
    body = eyewear()
    body["orderLines"][0]["deadline"] = date

    assert [path for path, _ in problems(body)] == ["orderLines[0].deadline"]


def test_missing_required_fields_are_each_named() -> None:
    body = eyewear()
    del body["spaceKey"]
    body["thirdPartyOrderId"] = None
    del body["orderLines"][0]["title"]
    del body["orderLines"][1]["items"][0]["id"]
    del body["orderLines"][0]["items"][1]["assets"][0]["url"]
    del body["addresses"][1]["addressType"]

    assert problems(body) == [
        ("spaceKey", "required"),
        ("thirdPartyOrderId", "required"),
        ("addresses[1].addressType", "required"),
        ("orderLines[0].title", "required"),
        ("orderLines[0].items[1].assets[0].url", "required"),
        ("orderLines[1].items[0].id", "required"),
    ]


def test_optional_fields_may_be_left_out_or_null() -> None:
    body = {
        "spaceKey": "demo-eyewear",
        "thirdPartyOrderId": "MIN-1",
        "flowKey": None,
        "updateUrl": None,
        "orderLines": [
            {
                "title": "Frame",
                "deadline": "2026-12-05T17:00:00Z",
                "amountOfUnits": 1,
                "valuePerUnit": 10,
                "items": [{"id": "front", "assets": [{"id": "a", "url": "https://x.example/a"}]}],
            }
        ],
    }

    order = valid(body)

    assert (order.flow_key, order.update_url, order.addresses, order.data) == (None, None, (), {})
    item = order.lines[0].items[0]
    assert (item.data, item.tags, item.is_asset, item.items) == ({}, (), False, ())
    assert (item.assets[0].is_public, item.assets[0].versions) == (False, ())


def test_an_order_needs_at_least_one_line() -> None:
    body = eyewear()
    body["orderLines"] = []

    assert problems(body) == [("orderLines", "required")]


def test_null_and_wrongly_typed_elements_are_named_as_such() -> None:
    body = eyewear()
    body["orderLines"][0]["items"][0]["items"] = [None, "hinge"]
    body["orderLines"][1]["items"][0]["assets"] = [None]
    body["addresses"] = [None]
    body["orderLines"].append(None)

    found = messages(body)

    assert found == {
        "addresses[0]": "is null; an address must be an object",
        "orderLines[0].items[0].items[0]": "is null; an item must be an object",
        "orderLines[0].items[0].items[1]": "must be an item (an object), not a string",
        "orderLines[1].items[0].assets[0]": "is null; an asset must be an object",
        "orderLines[2]": "is null; an order line must be an object",
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("orderLines", "nope"),
        ("addresses", {}),
        ("data", []),
        ("data", "x"),
        ("flowKey", 3),
        ("spaceKey", ""),
    ],
)
def test_wrong_types_at_the_top_are_named(field: str, value: object) -> None:
    body = eyewear()
    body[field] = value

    assert [path for path, _ in problems(body)] == [field]


@pytest.mark.parametrize("body", [[1, 2], None, "order", 3, True])
def test_a_body_that_is_not_an_object_is_refused(body: object) -> None:
    assert problems(body) == [("", "invalid")]


def test_a_wrapped_body_must_hold_an_object_and_nothing_else() -> None:
    assert problems({"order": [1]}) == [("order", "invalid")]
    assert problems({"order": eyewear(), "meta": {}}) == [("meta", "unknown_field")]


def test_misspelt_keys_are_refused_with_a_suggestion() -> None:
    body = eyewear()
    body["updateURL"] = body.pop("updateUrl")
    body["orderLines"][0]["amountOfUnit"] = body["orderLines"][0].pop("amountOfUnits")
    body["orderLines"][0]["items"][0]["colour"] = "red"

    found = messages(body)

    assert found["updateURL"] == "is not a field of an order; did you mean 'updateUrl'?"
    assert (
        found["orderLines[0].amountOfUnit"]
        == "is not a field of an order line; did you mean 'amountOfUnits'?"
    )
    assert found["orderLines[0].amountOfUnits"] == "is required"
    assert found["orderLines[0].items[0].colour"].startswith(
        "is not a field of an item; an item has id, data"
    )


def test_item_ids_are_unique_within_their_order_line_at_any_depth() -> None:
    body = eyewear()
    body["orderLines"][0]["items"][1]["id"] = "hinge-left"  # also a child of the first item
    body["orderLines"][1]["items"][0]["id"] = "front"  # another line: allowed

    assert messages(body) == {
        "orderLines[0].items[1].id": "'hinge-left' is already the id of orderLines[0].items[0].items[0]"
    }


def test_asset_ids_are_unique_within_their_owner() -> None:
    body = eyewear()
    front_assets = body["orderLines"][0]["items"][0]["assets"]
    front_assets.append({**front_assets[0], "url": "https://cdn.example.com/other.png"})
    body["orderLines"][0]["items"][1]["assets"][0]["id"] = "front-preview"  # another owner: allowed

    assert problems(body) == [("orderLines[0].items[0].assets[1].id", "duplicate")]


def test_parts_nest_at_most_so_deep() -> None:
    body = eyewear()
    item: Json = {"id": "level-1"}
    body["orderLines"][1]["items"] = [item]
    for level in range(2, MAX_PART_DEPTH + 2):
        child: Json = {"id": f"level-{level}"}
        item["items"] = [child]
        item = child

    path = "orderLines[1]" + ".items[0]" * MAX_PART_DEPTH + ".items"
    assert problems(body) == [(path, "invalid")]


def test_free_form_data_must_be_json() -> None:
    body = eyewear()
    deep: Json = {}
    cursor = deep
    for _ in range(40):
        cursor["x"] = {}
        cursor = cursor["x"]
    body["data"] = deep
    body["orderLines"][0]["data"] = {"width": float("nan")}
    body["orderLines"][1]["data"] = {1: "not a string key"}
    body["addresses"][0]["data"] = {"when": datetime(2026, 1, 1)}

    assert [path for path, _ in problems(body)] == [
        "addresses[0].data",
        "data",
        "orderLines[0].data",
        "orderLines[1].data",
    ]


def test_strings_longer_than_what_is_stored_are_refused() -> None:
    body = eyewear()
    body["thirdPartyOrderId"] = "x" * 201
    body["orderLines"][0]["title"] = "t" * 501

    assert problems(body) == [("thirdPartyOrderId", "invalid"), ("orderLines[0].title", "invalid")]


def test_the_value_of_the_whole_order_must_fit() -> None:
    body = eyewear()
    body["orderLines"][0]["valuePerUnit"] = "999999999999.99"
    body["orderLines"][0]["amountOfUnits"] = 2

    assert problems(body) == [("orderLines", "invalid")]


def test_assets_of_lines_and_of_the_order_and_their_kinds() -> None:
    body = eyewear()
    body["assets"] = [{"id": "invoice", "url": "https://x.example/invoice.pdf"}]
    body["orderLines"][1]["assets"] = [
        {"id": "photo", "url": "https://x.example/photo.JPG?size=2", "name": "Photo", "isPublic": True},
        {"id": "mesh", "url": "https://x.example/files/cloth%20cut.3mf", "kind": "other"},
    ]

    order = valid(body)

    assert [(a.name, a.kind) for a in order.assets] == [("invoice.pdf", AssetKind.OTHER)]
    assert [(a.name, a.kind) for a in order.lines[1].assets] == [
        ("Photo", AssetKind.PREVIEW),
        ("cloth cut.3mf", AssetKind.OTHER),
    ]
    assert order.lines[1].thumbnail_url == "https://x.example/photo.JPG?size=2"


def test_an_unknown_asset_kind_is_refused() -> None:
    body = eyewear()
    body["orderLines"][0]["items"][0]["assets"][0]["kind"] = "thumbnail"

    assert messages(body) == {
        "orderLines[0].items[0].assets[0].kind": "must be one of production, preview, other, not 'thumbnail'"
    }


def test_part_tags_are_trimmed_lower_cased_and_each_kept_once() -> None:
    body = eyewear()
    body["orderLines"][0]["items"][0]["tags"] = [" SLS", "Dyed ", "sls"]

    assert valid(body).lines[0].items[0].tags == ("sls", "dyed")


def test_tags_must_be_strings() -> None:
    body = eyewear()
    body["orderLines"][0]["items"][0]["tags"] = ["sls", 3, ""]

    assert problems(body) == [
        ("orderLines[0].items[0].tags[1]", "invalid"),
        ("orderLines[0].items[0].tags[2]", "required"),
    ]


def test_every_problem_is_a_sentence_with_a_path() -> None:
    body = json.loads((EXAMPLES_DIR / "fixed-003-connector-body.json").read_text())
    parsed = parse_order_input(body)

    assert isinstance(parsed, InvalidInput)
    assert all(isinstance(p, Problem) and p.path and len(p.message) > 10 for p in parsed.problems)


# --- robustness ----------------------------------------------------------------------------------------

ODD_VALUES: list[object] = [None, [], {}, "x", 0, -1, 1.5, True, [None], [{}], {"x": None}]


def every_path(value: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from every_path(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from every_path(child, (*path, index))


def replaced(body: Json, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    copied = copy.deepcopy(body)
    parent: Any = copied
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return copied


def test_any_value_anywhere_gives_an_order_or_problems_never_an_exception() -> None:
    body = eyewear()
    paths = list(every_path(body))
    outcomes = {"valid": 0, "invalid": 0}

    for path in paths:
        for value in ODD_VALUES:
            parsed = parse_order_input(replaced(body, path, value))
            outcomes["valid" if isinstance(parsed, OrderInput) else "invalid"] += 1
            if isinstance(parsed, InvalidInput):
                assert parsed.problems

    assert outcomes["valid"] + outcomes["invalid"] == len(paths) * len(ODD_VALUES) > 1000
    assert outcomes["invalid"] > 500 and outcomes["valid"] > 100  # data values may be anything
