"""Stored files are private by ownership: the asset of the order a file's path names decides.

The attack these tests close: an order of space A names the `/assets/<order of B>/…` URL of a
private file of space B with `isPublic: true`, hoping to make it public (both directions).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from server import settings
from server.domain.actors import Actor
from server.domain.statuses import Role
from server.models import Asset, Order, Organization, User
from server.services import assets, auth, passwords
from server.services.errors import ValidationFailed
from server.services.orders import intake as order_intake
from tests.conftest import EXAMPLES_DIR
from tests.graphql.conftest import OTHER_SPACE, other_key  # noqa: F401
from tests.web.conftest import PASSWORD, WebClient, sign_in_client

EYEWEAR = "demo-eyewear"
SECRET = b"solid secret-frame"
ASSET_PATH = "orderLines[0].items[0].assets[0].url"
CREATE_ORDER = """
mutation ($input: JSON!) { createOrder(input: $input) { order { id } errors { field message code } } }
"""


@dataclass
class Space:
    key: str
    secret: str  # a secret key of the space
    order: Order
    file_url: str  # a private file of the order
    file_path: str  # its path on this server


def order_body(space: str, name: str, asset_url: str | None = None, public: bool = True) -> dict[str, Any]:
    body = json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())
    order = body["order"]
    order.update(spaceKey=space, thirdPartyOrderId=name)
    order.pop("flowKey", None)
    if asset_url is not None:
        item = order["orderLines"][0]["items"][0]
        item["assets"] = [{"id": "claimed", "url": asset_url, "isPublic": public}]
    return body  # type: ignore[no-any-return]


async def _space_with_a_private_file(admin: Actor, key: str, secret: str) -> Space:
    created = await order_intake.create_order(admin, order_body(key, f"{key}-1"))
    stored = assets.store(created.order.id, "frame.stl", SECRET)
    await assets.add_version(assets.Owner(created.order.id), client_id="frame", url=stored.url)
    return Space(key, secret, created.order, stored.url, assets.URL_PREFIX + stored.key)


@pytest.fixture
def asset_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(settings, "ASSET_DIR", tmp_path)
    return tmp_path


@pytest.fixture
async def spaces(
    admin: Actor,
    space_key: tuple[str, str],
    other_key: str,  # noqa: F811
    asset_dir: Path,
) -> dict[str, Space]:
    return {
        EYEWEAR: await _space_with_a_private_file(admin, EYEWEAR, space_key[1]),
        OTHER_SPACE: await _space_with_a_private_file(admin, OTHER_SPACE, other_key),
    }


DIRECTIONS = [(EYEWEAR, OTHER_SPACE), (OTHER_SPACE, EYEWEAR)]


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.parametrize(("attacker", "victim"), DIRECTIONS)
async def test_an_order_cannot_claim_another_spaces_private_file(
    client: httpx.AsyncClient, spaces: dict[str, Space], attacker: str, victim: str
) -> None:
    mine, theirs = spaces[attacker], spaces[victim]
    body = order_body(attacker, "CLAIM-1", theirs.file_url)

    response = await client.post("/api/v1/orders", json=body, headers=_bearer(mine.secret))
    anonymous = await client.get(theirs.file_path)

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": ASSET_PATH, "message": "is a file stored for another order", "code": "foreign_file"}
    ]
    assert not await Order.filter(name="CLAIM-1").exists()
    assert anonymous.status_code == 404 and SECRET not in anonymous.content


@pytest.mark.parametrize(("attacker", "victim"), DIRECTIONS)
async def test_graphql_refuses_the_claim_with_the_same_field(
    client: httpx.AsyncClient, spaces: dict[str, Space], attacker: str, victim: str
) -> None:
    body = order_body(attacker, "CLAIM-2", spaces[victim].file_url)

    response = await client.post(
        "/graphql",
        json={"query": CREATE_ORDER, "variables": {"input": body}},
        headers=_bearer(spaces[attacker].secret),
    )

    payload = response.json()["data"]["createOrder"]
    assert payload["order"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(ASSET_PATH, "foreign_file")]


async def test_no_spelling_of_a_stored_file_slips_through(
    client: httpx.AsyncClient, spaces: dict[str, Space]
) -> None:
    theirs = spaces[OTHER_SPACE]
    base = settings.PUBLIC_URL.rstrip("/")
    spellings = [
        base.upper().replace("HTTP://", "http://") + theirs.file_path,
        base + theirs.file_path.replace("/assets/", "/assets/./"),
        base + theirs.file_path.replace("frame", "%66rame"),
        base + "/static/../assets/" + theirs.file_path.removeprefix("/assets/"),
    ]
    for n, url in enumerate(spellings):
        body = order_body(EYEWEAR, f"SPELL-{n}", url)
        response = await client.post("/api/v1/orders", json=body, headers=_bearer(spaces[EYEWEAR].secret))
        assert response.status_code == 400, url
        assert response.json()["errors"][0]["field"] == ASSET_PATH


async def test_a_version_url_is_checked_too(client: httpx.AsyncClient, spaces: dict[str, Space]) -> None:
    body = order_body(EYEWEAR, "VERSIONS-1", "https://cdn.example.com/front.stl")
    asset = body["order"]["orderLines"][0]["items"][0]["assets"][0]
    asset["versions"] = [{"url": spaces[OTHER_SPACE].file_url, "date": "2026-11-20T10:00:00Z"}]

    response = await client.post("/api/v1/orders", json=body, headers=_bearer(spaces[EYEWEAR].secret))

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [
        "orderLines[0].items[0].assets[0].versions[0].url"
    ]


async def test_orders_naming_files_elsewhere_are_still_taken(
    client: httpx.AsyncClient, spaces: dict[str, Space]
) -> None:
    body = order_body(EYEWEAR, "ELSEWHERE-1", "https://cdn.example.com/assets/front.stl")

    response = await client.post("/api/v1/orders", json=body, headers=_bearer(spaces[EYEWEAR].secret))

    assert response.status_code == 201, response.text


@pytest.mark.parametrize(("attacker", "victim"), DIRECTIONS)
async def test_an_asset_of_another_order_does_not_make_a_file_public(
    client: httpx.AsyncClient, spaces: dict[str, Space], attacker: str, victim: str
) -> None:
    """A row that names the file from another order (stored before the intake refused it) counts
    for nothing; the owner's own asset decides."""
    mine, theirs = spaces[attacker], spaces[victim]
    await Asset.create(
        order_id=mine.order.id, position=99, client_id="claim", name="x", url=theirs.file_url, is_public=True
    )

    before = await client.get(theirs.file_path)
    await Asset.filter(order_id=theirs.order.id, url=theirs.file_url).update(is_public=True)
    after = await client.get(theirs.file_path)

    assert before.status_code == 404
    assert after.status_code == 200 and after.content == SECRET


async def test_adding_another_orders_file_as_a_version_is_refused(spaces: dict[str, Space]) -> None:
    mine, theirs = spaces[EYEWEAR], spaces[OTHER_SPACE]

    with pytest.raises(ValidationFailed) as refused:
        await assets.add_version(assets.Owner(mine.order.id), client_id="fb", url=theirs.file_url)

    assert [(e.field, e.code) for e in refused.value.errors] == [("url", "foreign_file")]


# --- who reads a private file ------------------------------------------------------------------


async def test_a_key_reads_its_own_spaces_private_files_only(
    client: httpx.AsyncClient, spaces: dict[str, Space]
) -> None:
    mine, theirs = spaces[EYEWEAR], spaces[OTHER_SPACE]

    own = await client.get(mine.file_path, headers=_bearer(mine.secret))
    other = await client.get(theirs.file_path, headers=_bearer(mine.secret))
    anonymous = await client.get(mine.file_path)

    assert own.status_code == 200 and own.content == SECRET
    assert other.status_code == 404 and anonymous.status_code == 404


async def test_a_signed_link_opens_a_private_file(
    client: httpx.AsyncClient, spaces: dict[str, Space]
) -> None:
    signed = assets.signed_url(spaces[EYEWEAR].file_url)

    response = await client.get(signed.removeprefix(settings.PUBLIC_URL.rstrip("/")))

    assert response.status_code == 200 and response.content == SECRET


@pytest.fixture
async def stranger_web(app: Any, clean_db: str) -> AsyncIterator[WebClient]:
    """An admin of another organization, signed in."""
    organization = await Organization.create(name="Elsewhere")
    await User.create(
        organization_id=organization.id,
        email="stranger@example.com",
        password_hash=passwords.hash_password(PASSWORD),
        role=Role.ADMIN,
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield await sign_in_client(http, "stranger@example.com")


@pytest.fixture
async def colleague_web(app: Any, admin: Actor) -> AsyncIterator[WebClient]:
    """An operator of the spaces' organization, signed in."""
    await auth.create_user(admin, "op@example.com", PASSWORD, role=Role.OPERATOR)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield await sign_in_client(http, "op@example.com")


async def test_a_user_reads_private_files_of_their_organization_only(
    spaces: dict[str, Space], colleague_web: WebClient, stranger_web: WebClient, admin: Actor
) -> None:
    for space in spaces.values():
        colleague = await colleague_web.get(space.file_path)
        stranger = await stranger_web.get(space.file_path)
        assert colleague.status_code == 200 and colleague.content == SECRET
        assert stranger.status_code == 404 and SECRET not in stranger.content


async def test_a_personal_token_of_another_organization_reads_nothing(
    client: httpx.AsyncClient, spaces: dict[str, Space], stranger_web: WebClient
) -> None:
    stranger = await User.get(email="stranger@example.com")
    token = (await auth.create_user_token(auth.actor_for_user(stranger), "t")).secret

    response = await client.get(spaces[EYEWEAR].file_path, headers=_bearer(token))

    assert response.status_code == 404
