"""`POST /api/v1/orders`: the status codes and bodies a connector or shop sees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from server import settings
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus, Role
from server.models import HistoryEntry, Order, Part
from server.services import auth, flows
from tests.conftest import EXAMPLES_DIR

URL = "/api/v1/orders"
DOCS_EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "order-eyewear.json"


def eyewear() -> dict[str, Any]:
    return json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())  # type: ignore[no-any-return]


def headers(secret: str | None, content_type: str = "application/json") -> dict[str, str]:
    given = {"Content-Type": content_type}
    if secret:
        given["Authorization"] = f"Bearer {secret}"
    return given


async def post(client: httpx.AsyncClient, body: object, secret: str | None) -> httpx.Response:
    return await client.post(URL, content=json.dumps(body), headers=headers(secret))


def error_fields(response: httpx.Response) -> list[tuple[str, str]]:
    return [(error["field"], error["code"]) for error in response.json()["errors"]]


async def test_the_example_of_the_docs_goes_in(client: httpx.AsyncClient, space_key: tuple[str, str]) -> None:
    response = await client.post(URL, content=DOCS_EXAMPLE.read_bytes(), headers=headers(space_key[1]))

    assert response.status_code == 201, response.text
    body = response.json()
    order = await Order.get(id=body["order"]["id"])
    assert body == {
        "order": {
            "id": str(order.id),
            "name": "WEB-2026-001842",
            "status": "CREATED",
            "url": f"{settings.PUBLIC_URL}/orders/{order.id}",
        },
        "created": True,
    }
    assert response.headers["location"] == body["order"]["url"]
    assert await Part.filter(order_id=order.id).count() == 5


async def test_the_same_order_again_is_200_with_the_same_order(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    first = await post(client, eyewear(), space_key[1])
    again = await post(client, eyewear()["order"], space_key[1])  # bare this time

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["order"] == first.json()["order"] and again.json()["created"] is False
    assert await Order.all().count() == 1


async def test_a_different_body_under_the_same_id_is_409(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    await post(client, eyewear(), space_key[1])
    changed = eyewear()
    changed["order"]["orderLines"][1]["amountOfUnits"] = 3

    response = await post(client, changed, space_key[1])

    assert response.status_code == 409
    assert error_fields(response) == [("thirdPartyOrderId", "conflict")]


@pytest.mark.parametrize("secret", [None, "ffk_made-up", "Basic abc"])
async def test_without_a_valid_key_it_is_401(
    client: httpx.AsyncClient, space_key: tuple[str, str], secret: str | None
) -> None:
    response = await client.post(
        URL,
        content=json.dumps(eyewear()),
        headers={"Content-Type": "application/json", **({"Authorization": secret} if secret else {})},
    )
    bad_key = await post(client, eyewear(), "ffk_made-up")

    assert response.status_code == bad_key.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert error_fields(response) == [("", "unauthenticated")]
    assert bad_key.json()["errors"][0]["message"] == "The key is unknown or revoked."
    assert await Order.all().count() == 0


async def test_a_revoked_key_is_401(
    client: httpx.AsyncClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    created = await auth.create_api_key(admin, "demo-eyewear", "soon revoked")
    await auth.revoke_api_key(admin, created.key.id)

    assert (await post(client, eyewear(), created.secret)).status_code == 401


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
async def test_a_body_that_is_not_declared_json_is_415(
    client: httpx.AsyncClient, space_key: tuple[str, str], content_type: str
) -> None:
    response = await client.post(
        URL, content=json.dumps(eyewear()), headers=headers(space_key[1], content_type)
    )

    assert response.status_code == 415
    assert error_fields(response) == [("", "unsupported_media_type")]


async def test_json_with_a_charset_or_a_json_suffix_is_accepted(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    body = json.dumps(eyewear())
    first = await client.post(
        URL, content=body, headers=headers(space_key[1], "application/json; charset=utf-8")
    )
    again = await client.post(URL, content=body, headers=headers(space_key[1], "application/vnd.order+json"))

    assert (first.status_code, again.status_code) == (201, 200)


async def test_text_that_is_not_json_is_400_with_line_and_column(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    text = (EXAMPLES_DIR / "seed-003-connector-body.json").read_bytes()

    response = await client.post(URL, content=text, headers=headers(space_key[1]))

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["field"], error["code"]) == ("", "invalid_json")
    assert "line 36, column 6" in error["message"]


async def test_the_documentation_sample_is_400_naming_every_placeholder(
    client: httpx.AsyncClient, space_key: tuple[str, str]
) -> None:
    body = json.loads((EXAMPLES_DIR / "fixed-003-connector-body.json").read_text())

    response = await post(client, body, space_key[1])

    assert response.status_code == 400
    assert error_fields(response) == [
        ("updateUrl", "invalid"),
        ("orderLines[0].amountOfUnits", "invalid"),
        ("orderLines[0].items[0].items[0]", "null"),
        ("orderLines[0].items[0].assets[0].url", "invalid"),
        ("orderLines[0].items[0].assets[0].versions[0].url", "invalid"),
    ]
    assert all(error["message"] for error in response.json()["errors"])


@pytest.mark.parametrize(
    "body", [[1, 2], "order", None, {}, {"order": None}, {"order": {"orderLines": "nope"}}]
)
async def test_bodies_of_the_wrong_shape_are_400(
    client: httpx.AsyncClient, space_key: tuple[str, str], body: object
) -> None:
    response = await post(client, body, space_key[1])

    assert response.status_code == 400
    assert response.json()["errors"]


async def test_an_empty_body_is_400(client: httpx.AsyncClient, space_key: tuple[str, str]) -> None:
    response = await client.post(URL, content=b"", headers=headers(space_key[1]))

    assert response.status_code == 400
    assert error_fields(response) == [("", "invalid_json")]


async def test_another_spaces_key_and_an_unknown_space_are_the_same_404(
    client: httpx.AsyncClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    await auth.create_space(admin, "demo-lighting", "Lighting")
    elsewhere, nowhere = eyewear(), eyewear()
    elsewhere["order"]["spaceKey"] = "demo-lighting"
    nowhere["order"]["spaceKey"] = "nowhere"

    other = await post(client, elsewhere, space_key[1])
    missing = await post(client, nowhere, space_key[1])

    assert other.status_code == missing.status_code == 404
    assert error_fields(other) == [("spaceKey", "not_found")]
    assert (
        other.json()["errors"][0]["message"].replace("demo-lighting", "nowhere")
        == missing.json()["errors"][0]["message"]
    )
    assert await Order.all().count() == 0


async def test_a_user_token_creates_in_its_organization(
    client: httpx.AsyncClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    user = await auth.create_user(admin, "op@example.com", "correct horse battery", role=Role.OPERATOR)
    token = await auth.create_user_token(auth.actor_for_user(user), "shop")

    response = await post(client, eyewear(), token.secret)

    assert response.status_code == 201
    created = await HistoryEntry.get(order_id=response.json()["order"]["id"], kind="order.created")
    assert created.actor == "user:op@example.com"


async def test_a_body_over_the_limit_is_413(client: httpx.AsyncClient, space_key: tuple[str, str]) -> None:
    body = eyewear()
    body["order"]["data"]["padding"] = "x" * settings.MAX_BODY_BYTES

    response = await post(client, body, space_key[1])

    assert response.status_code == 413
    assert error_fields(response) == [("", "too_large")]
    assert await Order.all().count() == 0


async def test_an_order_whose_flow_starts_answers_with_its_new_status(
    client: httpx.AsyncClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    waits = {"key": "confirm", "handlerKey": "manual-task", "payload": {"title": "Check the frame"}}
    definition = {
        "stages": [{"key": "make", "taskDefinitions": [waits], "initialTaskDefinitionKeys": ["confirm"]}]
    }
    await flows.create_flow(
        admin, "demo-eyewear", "Standard production", definition, key="standard-production"
    )

    response = await post(client, eyewear(), space_key[1])

    assert response.status_code == 201
    assert response.json()["order"]["status"] == "IN_PROGRESS"
    assert (await Order.get(id=response.json()["order"]["id"])).status == OrderStatus.IN_PROGRESS
