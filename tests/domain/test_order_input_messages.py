"""Order intake, problem by problem: each problem's path, code and sentence; optional fields read and
defaulted; the connector JSON and the canonical text the intake hash is made of."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from server.domain.order_input import (
    MAX_MONEY,
    AssetInput,
    InvalidInput,
    LineInput,
    OrderInput,
    canonical_json,
    kind_of_file,
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


def problems(body: object) -> dict[str, tuple[str, str]]:
    parsed = parse_order_input(body)
    assert isinstance(parsed, InvalidInput), "expected problems"
    return {problem.path: (problem.code, problem.message) for problem in parsed.problems}


def front(body: Json) -> Json:
    return body["orderLines"][0]["items"][0]  # type: ignore[no-any-return]


# --- codes and sentences -----------------------------------------------------------------------------


def test_an_unknown_field_has_its_code_and_a_suggestion() -> None:
    body = eyewear()
    front(body)["assets"][0]["ISPUBLIC"] = True  # too far from any key for difflib; same letters

    assert problems(body) == {
        "orderLines[0].items[0].assets[0].ISPUBLIC": (
            "unknown_field",
            "is not a field of an asset; did you mean 'isPublic'?",
        )
    }


def test_an_unknown_field_of_a_version_names_the_version() -> None:
    body = eyewear()
    front(body)["assets"][0]["versions"][0]["size"] = 1

    ((code, message),) = problems(body).values()
    assert list(problems(body)) == ["orderLines[0].items[0].assets[0].versions[0].size"]
    assert (code, message) == (
        "unknown_field",
        "is not a field of an asset version; an asset version has url, date",
    )


def test_a_null_element_has_the_null_code() -> None:
    body = eyewear()
    body["addresses"] = [None]

    assert problems(body) == {"addresses[0]": ("null", "is null; an address must be an object")}


def test_a_value_that_is_not_a_list_says_what_it_is() -> None:
    body = eyewear()
    front(body)["items"] = "hinge"
    body["orderLines"][0]["assets"] = 3

    assert problems(body) == {
        "orderLines[0].items[0].items": ("invalid", "must be a list, not a string"),
        "orderLines[0].assets": ("invalid", "must be a list, not a number"),
    }


def test_a_body_with_order_and_space_key_is_a_bare_order_with_an_unknown_field() -> None:
    body = {**eyewear(), "order": {}}

    assert problems(body)["order"][0] == "unknown_field"


def test_a_wrapper_with_other_keys_names_each() -> None:
    assert problems({"order": eyewear(), "meta": 1}) == {
        "meta": ("unknown_field", "is not expected next to 'order'")
    }


def test_a_wrapper_around_no_object_says_what_it_holds() -> None:
    assert problems({"order": [1]}) == {"order": ("invalid", "must be an object, not a list")}
    assert problems([1]) == {"": ("invalid", "The order must be a JSON object, not a list.")}


def test_an_order_worth_exactly_the_limit_is_refused_with_its_value() -> None:
    body = eyewear()
    body["orderLines"] = [body["orderLines"][1]]
    body["orderLines"][0].update(amountOfUnits=1, valuePerUnit=str(MAX_MONEY - Decimal("0.01")))
    assert valid(body).value == MAX_MONEY - Decimal("0.01")

    body["orderLines"].append({**body["orderLines"][0], "valuePerUnit": "0.01"})

    assert problems(body) == {
        "orderLines": ("invalid", f"add up to a value of {MAX_MONEY:.2f}, more than Fabflow stores")
    }


def test_items_nested_too_deep_are_refused_with_the_limit() -> None:
    body = eyewear()
    item: Json = {"id": "p0"}
    front(body)["items"] = [item]
    for depth in range(1, 20):
        child: Json = {"id": f"p{depth}"}
        item["items"] = [child]
        item = child

    ((path, (_, message)),) = problems(body).items()
    assert path.endswith(".items") and message == "nest deeper than 16 levels"


def test_a_duplicate_asset_id_names_the_asset_that_has_it() -> None:
    body = eyewear()
    assets = front(body)["assets"]
    assets.append({**assets[0], "versions": []})

    assert problems(body) == {
        "orderLines[0].items[0].assets[1].id": (
            "duplicate",
            "'front-preview' is already the id of orderLines[0].items[0].assets[0]",
        )
    }


def test_items_without_ids_are_not_duplicates_of_each_other() -> None:
    body = eyewear()
    front(body)["items"] = [{}, {}]
    front(body)["assets"] = [{"url": "https://x.example/a.png"}, {"url": "https://x.example/b.png"}]

    assert set(problems(body)) == {
        "orderLines[0].items[0].items[0].id",
        "orderLines[0].items[0].items[1].id",
        "orderLines[0].items[0].assets[0].id",
        "orderLines[0].items[0].assets[1].id",
    }


def test_a_bad_tag_is_named_with_a_sentence() -> None:
    body = eyewear()
    front(body)["tags"] = ["ok", 7]

    _, message = problems(body)["orderLines[0].items[0].tags[1]"]
    assert message and "string" in message


def test_an_unknown_asset_kind_that_is_no_string_says_what_it_is() -> None:
    body = eyewear()
    front(body)["assets"][0]["kind"] = 3

    ((message),) = [message for _, message in problems(body).values()]
    assert message == "must be one of production, preview, other, not a number"


def test_bad_values_deep_in_the_tree_are_named_by_their_path() -> None:
    body = eyewear()
    body["orderLines"][0]["orderId"] = 5
    front(body)["data"] = []
    front(body)["assets"][0]["name"] = 5
    front(body)["assets"][0]["versions"][0]["date"] = "yesterday"
    body["orderLines"][1]["assets"] = [{"id": "x", "url": "ftp://x"}]
    body["addresses"][0]["purpose"] = 5
    body["assets"] = [{"id": "y", "url": "nope"}]

    assert set(problems(body)) == {
        "orderLines[0].orderId",
        "orderLines[0].items[0].data",
        "orderLines[0].items[0].assets[0].name",
        "orderLines[0].items[0].assets[0].versions[0].date",
        "orderLines[1].assets[0].url",
        "addresses[0].purpose",
        "assets[0].url",
    }


# --- optional fields -----------------------------------------------------------------------------------


def test_optional_fields_are_read_when_given() -> None:
    body = eyewear()
    body["orderLines"][0]["orderId"] = "L-1"
    body["addresses"][0]["purpose"] = ""  # may be empty

    order = valid(body)

    assert order.lines[0].client_id == "L-1"
    assert [a.purpose for a in order.addresses] == ["", "invoice"]


def test_optional_fields_left_out_have_their_defaults() -> None:
    body = eyewear()
    del body["addresses"][0]["purpose"]
    del body["addresses"][0]["data"]
    del body["orderLines"][0]["data"]

    order = valid(body)

    assert (order.addresses[0].purpose, order.addresses[0].data) == ("", {})
    assert order.lines[0].data == {}
    assert order.lines[1].client_id is None


# --- the connector JSON and the canonical text ---------------------------------------------------------


def test_a_line_writes_its_order_id_only_when_it_has_one() -> None:
    asset = AssetInput("a", "https://x.example/a.png", "a.png", AssetKind.PREVIEW)
    with_id = LineInput("Frame", None, 1, Decimal("2.50"), client_id="L-1", assets=(asset,))
    without = LineInput("Frame", None, 1, Decimal("2.50"))

    assert with_id.to_json()["orderId"] == "L-1"
    assert "orderId" not in without.to_json()
    assert with_id.to_json()["deadline"] is None
    assert with_id.to_json()["assets"] == [asset.to_json()]
    assert without.to_json()["assets"] == []


def test_an_order_writes_its_own_assets() -> None:
    body = eyewear()
    body["assets"] = [{"id": "terms", "url": "https://x.example/terms.pdf"}]

    rendered = valid(body).to_json()

    assert [asset["id"] for asset in rendered["assets"]] == ["terms"]
    assert rendered["orderLines"][0]["deadline"] == "2026-12-05T17:00:00Z"


def test_the_canonical_text_sorts_keys_has_no_spaces_and_keeps_letters() -> None:
    assert canonical_json({"b": [1, 2], "a": "Zoë"}) == '{"a":"Zoë","b":[1,2]}'


def test_the_kind_of_a_file_is_read_from_its_last_extension() -> None:
    assert kind_of_file("cloth.v2.stl") is AssetKind.PRODUCTION
    assert kind_of_file("front.STL.png") is AssetKind.PREVIEW
    assert kind_of_file("stl") is AssetKind.OTHER  # a name without a dot has no extension
    assert kind_of_file("") is AssetKind.OTHER


def test_an_order_line_without_a_deadline_writes_null() -> None:
    line = LineInput("Frame", datetime(2026, 1, 2, tzinfo=UTC), 1, Decimal(0))
    assert line.to_json()["deadline"] == "2026-01-02T00:00:00Z"
