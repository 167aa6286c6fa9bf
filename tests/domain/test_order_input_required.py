"""Order intake, field by field: every required field is refused when missing or null, with a message
that says which; the flags are read from the body, not only defaulted."""

from __future__ import annotations

import json
from typing import Any

import pytest

from server.domain.order_input import InvalidInput, OrderInput, parse_order_input
from tests.conftest import EXAMPLES_DIR

Json = dict[str, Any]

# (path to the object, its key, the path a problem names); the eyewear example has each of them.
REQUIRED = [
    ((), "spaceKey", "spaceKey"),
    ((), "thirdPartyOrderId", "thirdPartyOrderId"),
    (("orderLines", 0), "title", "orderLines[0].title"),
    (("orderLines", 0), "deadline", "orderLines[0].deadline"),
    (("orderLines", 0), "amountOfUnits", "orderLines[0].amountOfUnits"),
    (("orderLines", 0), "valuePerUnit", "orderLines[0].valuePerUnit"),
    (("orderLines", 0, "items", 0), "id", "orderLines[0].items[0].id"),
    (("orderLines", 0, "items", 0, "assets", 0), "id", "orderLines[0].items[0].assets[0].id"),
    (("orderLines", 0, "items", 0, "assets", 0), "url", "orderLines[0].items[0].assets[0].url"),
    (
        ("orderLines", 0, "items", 0, "assets", 0, "versions", 0),
        "url",
        "orderLines[0].items[0].assets[0].versions[0].url",
    ),
    (
        ("orderLines", 0, "items", 0, "assets", 0, "versions", 0),
        "date",
        "orderLines[0].items[0].assets[0].versions[0].date",
    ),
    (("addresses", 0), "addressType", "addresses[0].addressType"),
]


def eyewear() -> Json:
    return json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]  # type: ignore[no-any-return]


def at(body: Json, path: tuple[str | int, ...]) -> Json:
    node: Any = body
    for step in path:
        node = node[step]
    return node  # type: ignore[no-any-return]


def problems(body: object) -> dict[str, tuple[str, str]]:
    parsed = parse_order_input(body)
    assert isinstance(parsed, InvalidInput), "expected problems"
    return {problem.path: (problem.code, problem.message) for problem in parsed.problems}


def test_the_example_has_every_required_field() -> None:
    body = eyewear()
    assert isinstance(parse_order_input(body), OrderInput)
    for owner, key, _ in REQUIRED:
        assert at(body, owner)[key] is not None


@pytest.mark.parametrize(("owner", "key", "where"), REQUIRED, ids=[where for _, _, where in REQUIRED])
def test_a_missing_required_field_is_refused_by_its_path(
    owner: tuple[str | int, ...], key: str, where: str
) -> None:
    body = eyewear()
    del at(body, owner)[key]

    assert problems(body) == {where: ("required", "is required")}


@pytest.mark.parametrize(("owner", "key", "where"), REQUIRED, ids=[where for _, _, where in REQUIRED])
def test_a_null_required_field_is_refused_as_null(owner: tuple[str | int, ...], key: str, where: str) -> None:
    body = eyewear()
    at(body, owner)[key] = None

    assert problems(body) == {where: ("required", "is required and may not be null")}


@pytest.mark.parametrize("lines", ["absent", None])
def test_an_order_without_order_lines_is_refused(lines: object) -> None:
    body = eyewear()
    if lines == "absent":
        del body["orderLines"]
    else:
        body["orderLines"] = lines

    assert problems(body) == {"orderLines": ("required", "is required")}


def test_an_empty_list_of_order_lines_is_refused_with_its_own_sentence() -> None:
    body = eyewear()
    body["orderLines"] = []

    assert problems(body) == {"orderLines": ("required", "must hold at least one order line")}


@pytest.mark.parametrize("flag", [True, False])
def test_is_public_is_read_from_the_asset(flag: bool) -> None:
    body = eyewear()
    for line in body["orderLines"]:
        for item in line.get("items") or []:
            for asset in item.get("assets") or []:
                asset["isPublic"] = flag

    order = parse_order_input(body)

    assert isinstance(order, OrderInput)
    assets = [
        asset for line in order.lines for top in line.items for item in top.walk() for asset in item.assets
    ]
    assert len(assets) >= 2
    assert {asset.is_public for asset in assets} == {flag}
    assert {asset.to_json()["isPublic"] for asset in assets} == {flag}


@pytest.mark.parametrize("flag", [True, False])
def test_is_asset_is_read_from_the_item(flag: bool) -> None:
    body = eyewear()
    front = body["orderLines"][0]["items"][0]
    front["isAsset"] = flag
    front["items"][0]["isAsset"] = flag

    order = parse_order_input(body)

    assert isinstance(order, OrderInput)
    item = order.lines[0].items[0]
    assert (item.is_asset, item.items[0].is_asset, item.to_json()["isAsset"]) == (flag, flag, flag)


def test_a_flag_that_is_not_a_boolean_is_refused() -> None:
    body = eyewear()
    body["orderLines"][0]["items"][0]["isAsset"] = "yes"
    body["orderLines"][0]["items"][0]["assets"][0]["isPublic"] = 1

    assert set(problems(body)) == {
        "orderLines[0].items[0].isAsset",
        "orderLines[0].items[0].assets[0].isPublic",
    }
