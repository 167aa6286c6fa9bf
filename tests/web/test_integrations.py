"""The integrations page: a space's Site Flow connection (secret sealed, never shown again), its
postback URL and token, and the slicers the workers reported; admins only."""

from __future__ import annotations

import httpx

from server.domain.actors import Actor
from server.models import SiteflowConnection
from server.services import auth, manufacturing, siteflow
from tests.web.conftest import WebClient

SECRET = "a-site-flow-secret-nobody-sees"


async def test_an_admin_connects_a_space_and_the_secret_is_never_shown(
    admin_web: WebClient, admin: Actor, space_key: tuple[str, str]
) -> None:
    form = {
        "space": space_key[0],
        "base_url": "https://stage.printos.api.hp.com/siteflow/",
        "api_key": "key-123",
        "secret": SECRET,
        "destination": "hp.psp",
    }
    saved = await admin_web.post("/admin/integrations/siteflow", form)

    assert saved.status_code == 200, saved.text
    assert "The Site Flow connection of demo-eyewear is saved." in saved.text
    view = await siteflow.connection(admin, space_key[0])
    assert view.base_url == "https://stage.printos.api.hp.com/siteflow" and view.api_key == "key-123"
    assert view.postback_url.endswith("/api/v1/siteflow/spaces/demo-eyewear")
    page = await admin_web.get("/admin/integrations")
    assert SECRET not in saved.text and SECRET not in page.text
    assert f"Authorization: {view.postback_token}" in page.text and view.postback_url in page.text
    row = await SiteflowConnection.get()
    assert SECRET not in row.sealed_secret

    again = await admin_web.post("/admin/integrations/siteflow", {**form, "secret": "", "api_key": "key-456"})
    assert again.status_code == 200
    kept = await siteflow.credentials(row.space_id)  # type: ignore[attr-defined]
    assert kept is not None and kept.secret == SECRET and kept.api_key == "key-456"


async def test_a_bad_connection_names_the_fields(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    response = await admin_web.post(
        "/admin/integrations/siteflow", {"space": space_key[0], "base_url": "ftp://x", "api_key": ""}
    )
    assert response.status_code == 400
    assert "baseUrl" in response.text and "http(s) URL" in response.text
    missing = await admin_web.post(
        "/admin/integrations/siteflow",
        {"space": space_key[0], "base_url": "https://h/siteflow", "api_key": ""},
    )
    assert missing.status_code == 400 and "apiKey" in missing.text and "secret" in missing.text
    assert not await SiteflowConnection.exists()


async def test_the_page_lists_the_slicers_the_workers_reported(admin_web: WebClient) -> None:
    await manufacturing.report_capabilities("printer-host-7", {"prusa": {"version": "2.9.9", "path": "/x"}})
    await manufacturing.report_capabilities("bare-host", {})

    page = await admin_web.get("/admin/integrations")

    assert page.status_code == 200
    assert "printer-host-7" in page.text and "2.9.9" in page.text
    assert "bare-host" in page.text and "no slicer installed" in page.text


async def test_operators_get_no_integrations(operator_web: WebClient, space_key: tuple[str, str]) -> None:
    assert (await operator_web.get("/admin/integrations")).status_code == 403
    form = {"space": space_key[0], "base_url": "https://h/siteflow", "api_key": "k", "secret": "s"}
    assert (await operator_web.post("/admin/integrations/siteflow", form)).status_code == 403
    assert not await SiteflowConnection.exists()


async def test_graphql_sets_and_reads_the_connection_without_the_secret(
    client: httpx.AsyncClient, space_key: tuple[str, str], admin: Actor
) -> None:
    token = (await auth.create_user_token(admin, "tests")).secret
    headers = {"authorization": f"Bearer {token}"}
    mutation = """mutation($s: String!, $secret: String!) {
      setSiteflowConnection(spaceKey: $s, baseUrl: "https://h.example/sf", apiKey: "k1", secret: $secret) {
        connection { apiKey postbackUrl } errors { field message } } }"""
    done = (
        await client.post(
            "/graphql",
            json={"query": mutation, "variables": {"s": space_key[0], "secret": SECRET}},
            headers=headers,
        )
    ).json()
    assert done["data"]["setSiteflowConnection"]["errors"] == [], done
    query = (
        "query($s: String!) { siteflowConnection(spaceKey: $s) { configured apiKey baseUrl postbackToken } }"
    )
    read = (
        await client.post(
            "/graphql", json={"query": query, "variables": {"s": space_key[0]}}, headers=headers
        )
    ).json()
    connection = read["data"]["siteflowConnection"]
    assert connection["configured"] and connection["apiKey"] == "k1" and connection["postbackToken"]
    assert SECRET not in str(read)
    by_key = await client.post(
        "/graphql",
        json={"query": query, "variables": {"s": space_key[0]}},
        headers={"authorization": f"Bearer {space_key[1]}"},
    )
    assert by_key.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
