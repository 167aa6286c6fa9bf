"""Client JSON over HTTP: a body or GraphQL variables over a limit get 400/413 naming it, never a 500."""

from __future__ import annotations

import json

import httpx
import pytest

from server import settings

DEEP_VARIABLES = '{"query": "{ me { label } }", "variables": {"x": ' + "[" * 1000 + "]" * 1000 + "}}"
ORDERS = "/api/v1/orders"


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


async def test_graphql_variables_nested_too_deeply_are_400_naming_the_limit(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    assert len(DEEP_VARIABLES) < 2100
    response = await client.post(
        "/graphql",
        content=DEEP_VARIABLES,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {space_key[1]}"},
    )

    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "too_deep", "limit": "FABFLOW_JSON_MAX_DEPTH"}
    assert f"deeper than {settings.JSON_MAX_DEPTH} levels" in error["message"]


async def test_graphql_variables_of_a_get_are_checked_too(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    response = await client.get(
        "/graphql",
        params={"query": "{ me { label } }", "variables": '{"x": ' + deep(5000) + "}"},
        headers={"Authorization": f"Bearer {space_key[1]}"},
    )

    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "too_deep"


async def test_graphql_within_the_depth_limit_runs(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    nested = deep(settings.JSON_MAX_DEPTH - 2)  # in {"variables": {"x": …}}: two levels more
    body = '{"query": "{ me { label } }", "variables": {"x": ' + nested + "}}"
    response = await client.post(
        "/graphql",
        content=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {space_key[1]}"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["data"]["me"]["label"]


async def test_graphql_text_that_is_not_json_is_still_a_400(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", content="{nope", headers={"Content-Type": "application/json"})
    assert response.status_code == 400


@pytest.mark.parametrize("levels", [settings.JSON_MAX_DEPTH + 1, 100_000])
async def test_an_order_nested_too_deeply_is_400_naming_the_limit(
    client: httpx.AsyncClient, space_key: tuple[str, str], levels: int
) -> None:
    response = await client.post(
        ORDERS,
        content='{"order": {"spaceKey": "demo-eyewear", "data": ' + deep(levels) + "}}",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {space_key[1]}"},
    )

    assert response.status_code == 400, response.text
    assert response.json() == {
        "errors": [
            {
                "field": "",
                "message": f"The JSON text nests deeper than {settings.JSON_MAX_DEPTH} levels "
                "(FABFLOW_JSON_MAX_DEPTH).",
                "code": "too_deep",
            }
        ]
    }


async def test_an_order_over_the_size_limit_is_413(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    padding = "x" * settings.MAX_BODY_BYTES
    response = await client.post(
        ORDERS,
        content=json.dumps({"order": {"spaceKey": "demo-eyewear", "name": padding}}),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {space_key[1]}"},
    )

    assert response.status_code == 413, response.text
    assert response.json()["errors"][0]["code"] == "too_large"


async def test_the_reader_refuses_a_large_text_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behind the body-size middleware the shared reader holds the same limit (websockets have none)."""
    from server.json_input import JsonRefused, body_limits, read_json

    monkeypatch.setattr(settings, "MAX_BODY_BYTES", 10)
    with pytest.raises(JsonRefused) as refused:
        read_json('{"name": "eleven bytes"}', body_limits())

    assert (refused.value.status, refused.value.code, refused.value.limit) == (
        413,
        "too_large",
        "FABFLOW_MAX_BODY_BYTES",
    )
    assert "larger than 10 bytes" in refused.value.message
