"""The Webhooks pages, My account's tokens and the Spaces page's signing secret, on the real app:
admins manage, operators read, a real receiver on 127.0.0.1 takes the deliveries."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from server.domain.actors import Actor
from server.models import ApiKey, Space, WebhookDelivery, WebhookEndpoint
from server.services import webhook_endpoints
from tests.e2e.support import until
from tests.graphql.test_webhook_replays import _failed_rows
from tests.web.conftest import WebClient, jobs  # noqa: F401
from tests.web.receiver import Receiver, receiver  # noqa: F401

SPACE = "demo-eyewear"


def _text(response: httpx.Response) -> str:
    return html.unescape(response.text)


async def _create(web: WebClient, url: str, events: list[str], **extra: str) -> httpx.Response:
    form: dict[str, Any] = {"url": url, "events": events, "description": "shop", **extra}
    return await web.post(f"/spaces/{SPACE}/webhooks", form)


async def test_an_admin_creates_an_endpoint_and_sees_its_secret_once_an_operator_reads_only(
    admin_web: WebClient,
    operator_web: WebClient,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    made = await _create(admin_web, receiver.url, ["order.created", "order.status_changed"])
    assert made.status_code == 200 and made.headers["cache-control"] == "no-store"
    endpoint = await WebhookEndpoint.get(url=receiver.url)
    assert endpoint.events == ["order.created", "order.status_changed"]
    assert endpoint.secret in made.text and "shown this once" in made.text

    again = await admin_web.get(f"/spaces/{SPACE}/webhooks")
    assert endpoint.secret not in again.text and receiver.url in again.text
    assert "Rotate secret" in again.text and "New endpoint" in again.text

    read = await operator_web.get(f"/spaces/{SPACE}/webhooks")
    assert read.status_code == 200 and receiver.url in read.text
    assert "Rotate secret" not in read.text and "New endpoint" not in read.text
    assert endpoint.secret not in read.text
    refused = await _create(operator_web, receiver.url + "2", ["*"])
    assert refused.status_code == 403 and await WebhookEndpoint.filter(space__key=SPACE).count() == 1
    assert (await operator_web.post(f"/webhooks/{endpoint.id}/rotate")).status_code == 403
    assert (await operator_web.get(f"/webhooks/{endpoint.id}")).status_code == 200


async def test_bad_input_comes_back_with_the_field_and_the_draft(
    admin_web: WebClient,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    nothing = await _create(admin_web, receiver.url, [])
    assert nothing.status_code == 400 and "name at least one event" in _text(nothing)
    assert f'value="{receiver.url}"' in nothing.text
    private = await _create(admin_web, "https://10.0.0.7/hook", ["*"])
    assert private.status_code == 400 and "not a public address" in _text(private)
    assert await WebhookEndpoint.all().count() == 0


async def test_the_log_shows_every_attempt_and_resend_keeps_the_webhook_id(
    jobs: Any,  # noqa: F811
    admin_web: WebClient,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    await _create(admin_web, receiver.url, ["*"])
    endpoint = await WebhookEndpoint.get(url=receiver.url)
    receiver.reply = b'{"ok": true, "note": "' + b"x" * 2000 + b'"}'
    sent = await admin_web.post(f"/webhooks/{endpoint.id}/test")
    assert "its delivery log" in sent.text
    delivery = await WebhookDelivery.get(endpoint_id=endpoint.id)
    await until(lambda: _state(delivery.id, "succeeded"))

    log = _text(await admin_web.get(f"/webhooks/{endpoint.id}"))
    headers, _ = receiver.calls[0]
    assert str(delivery.id) in log and "webhook.test" in log
    assert headers["webhook-signature"] in log and headers["webhook-timestamp"] in log
    assert '"type": "webhook.test"' in log  # the body, indented
    assert "Attempt 1" in log and " · 200 · " in log and " ms</h3>" in log
    excerpt = re.search(r"First KiB of the answer:</p>\s*<pre class=\"payload\">(.*?)</pre>", log, re.S)
    assert (
        excerpt is not None and excerpt.group(1).startswith('{"ok": true') and len(excerpt.group(1)) == 1024
    )

    resent = await admin_web.post(f"/webhook-deliveries/{delivery.id}/resend")
    assert "same webhook-id" in resent.text
    await until(lambda: _calls(receiver, 2))
    assert receiver.ids() == [str(delivery.id)] * 2
    await until(lambda: _state(delivery.id, "succeeded"))
    assert "Attempt 2" in (await admin_web.get(f"/webhooks/{endpoint.id}")).text


async def _state(delivery_id: Any, state: str) -> bool:
    return (await WebhookDelivery.get(id=delivery_id)).state == state


async def _calls(receiver: Receiver, count: int) -> bool:  # noqa: F811
    return len(receiver.calls) >= count


async def test_replay_shows_its_progress_until_done_and_the_failure_rate(
    jobs: Any,  # noqa: F811
    admin_web: WebClient,
    operator_web: WebClient,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    await _create(admin_web, receiver.url, ["*"])
    endpoint = await WebhookEndpoint.get(url=receiver.url)
    failed = await _failed_rows(endpoint, 3)
    await _failed_rows(endpoint, 2, at=datetime.now(UTC) - timedelta(days=3))  # outside the day and T
    page = _text(await admin_web.get(f"/spaces/{SPACE}/webhooks"))
    assert "100 % failed" in page and "(3 of 3)" in page

    since = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    started = await admin_web.post(f"/webhooks/{endpoint.id}/replays", {"since": since})
    assert started.status_code == 200
    found = re.search(r'hx-get="/webhook-replays/([0-9a-f-]+)"', started.text)
    status = _text(started)
    assert found is not None or "is done" in status

    async def done() -> str | None:
        if found is None:
            return status
        fragment = _text(await operator_web.get(f"/webhook-replays/{found.group(1)}"))
        assert 'role="status"' in fragment
        return fragment if "is done" in fragment else None

    final = await until(done)
    assert "3 of 3 sent again" in final
    await until(lambda: _all_succeeded(failed))
    assert Counter(receiver.ids()) == {str(i): 1 for i in failed}
    page = _text(await admin_web.get(f"/spaces/{SPACE}/webhooks"))
    assert "0 % failed" in page and "(0 of 3)" in page


async def _all_succeeded(ids: list[Any]) -> bool:
    return await WebhookDelivery.filter(id__in=ids, state="succeeded").count() == len(ids)


async def test_an_admin_disables_rotates_and_deletes_an_endpoint(
    admin_web: WebClient,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    await _create(admin_web, receiver.url, ["*"])
    endpoint = await WebhookEndpoint.get(url=receiver.url)
    off = await admin_web.post(f"/webhooks/{endpoint.id}/enabled", {"enabled": "0"})
    assert "is disabled" in off.text and not (await WebhookEndpoint.get(id=endpoint.id)).enabled
    assert ">Enable<" in off.text
    rotated = await admin_web.post(f"/webhooks/{endpoint.id}/rotate")
    after = await WebhookEndpoint.get(id=endpoint.id)
    assert after.previous_secret == endpoint.secret and after.secret in rotated.text
    assert endpoint.secret not in rotated.text and rotated.headers["cache-control"] == "no-store"
    gone = await admin_web.post(f"/webhooks/{endpoint.id}/delete")
    assert "is deleted" in gone.text and await WebhookEndpoint.all().count() == 0
    assert (await admin_web.get(f"/webhooks/{endpoint.id}")).status_code == 404


async def test_my_account_makes_lists_and_revokes_personal_tokens(
    admin_web: WebClient, operator_web: WebClient, admin: Actor
) -> None:
    made = await operator_web.post("/account/tokens", {"name": "nightly", "expires": "2099-12-31"})
    secret = re.search(r'<code id="new-secret">(ffu_[^<]+)</code>', made.text)
    assert secret is not None and made.headers["cache-control"] == "no-store"
    key = await ApiKey.get(name="nightly")
    assert key.expires_at == datetime(2100, 1, 1, tzinfo=UTC)  # works through the last day
    page = await operator_web.get("/account")
    assert key.prefix in page.text and secret.group(1) not in page.text and "2100-01-01 00:00" in page.text
    assert key.prefix not in (await admin_web.get("/account")).text  # one's own tokens only

    bad = await operator_web.post("/account/tokens", {"name": "x", "expires": "someday"})
    assert bad.status_code == 400 and "is not a date" in bad.text
    past = await operator_web.post("/account/tokens", {"name": "x", "expires": "2020-01-01"})
    assert past.status_code == 400 and "lies in the past" in past.text

    other = (await admin_web.post(f"/account/tokens/{key.id}/revoke")).status_code
    assert other == 404 and (await ApiKey.get(id=key.id)).revoked_at is None
    revoked = await operator_web.post(f"/account/tokens/{key.id}/revoke")
    assert "is revoked" in revoked.text and (await ApiKey.get(id=key.id)).revoked_at is not None


async def test_an_admin_shows_and_rotates_the_signing_secret_on_the_spaces_page(
    admin_web: WebClient, operator_web: WebClient, space_key: tuple[str, str]
) -> None:
    space = await Space.get(key=SPACE)
    listed = await admin_web.get("/admin/spaces")
    assert space.signing_secret not in listed.text and "Show signing secret" in listed.text
    shown = await admin_web.post(f"/admin/spaces/{SPACE}/signing-secret")
    assert space.signing_secret in shown.text and shown.headers["cache-control"] == "no-store"
    rotated = await admin_web.post(f"/admin/spaces/{SPACE}/signing-secret/rotate")
    after = await Space.get(key=SPACE)
    assert after.previous_signing_secret == space.signing_secret and after.signing_secret in rotated.text
    assert "previous secret still signs" in rotated.text
    assert (await operator_web.post(f"/admin/spaces/{SPACE}/signing-secret")).status_code == 403
    assert (await admin_web.post("/admin/spaces/nothing-here/signing-secret")).status_code == 400


async def test_an_operator_resend_or_replay_is_refused(
    operator_web: WebClient,
    admin: Actor,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    endpoint = await webhook_endpoints.create_endpoint(admin, SPACE, receiver.url, ["*"])
    (delivery_id,) = await _failed_rows(endpoint, 1)
    assert (await operator_web.post(f"/webhook-deliveries/{delivery_id}/resend")).status_code == 403
    replay = await operator_web.post(f"/webhooks/{endpoint.id}/replays", {"since": "2026-01-01T00:00"})
    assert replay.status_code == 403
    log = await operator_web.get(f"/webhooks/{endpoint.id}")
    assert str(delivery_id) in log.text and "Resend" not in log.text and "Send them again" not in log.text


async def test_an_admin_changes_an_endpoints_settings_and_a_refused_change_keeps_the_draft(
    admin_web: WebClient,
    operator_web: WebClient,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    await _create(admin_web, receiver.url, ["*"])
    endpoint = await WebhookEndpoint.get(url=receiver.url)
    page = await admin_web.get(f"/webhooks/{endpoint.id}")
    assert "Save the settings" in page.text and f'value="{receiver.url}"' in page.text

    moved = receiver.url + "/v2"
    form = {"url": moved, "events": ["order.created"], "description": "shop v2", "ordered": "1"}
    saved = await admin_web.post(f"/webhooks/{endpoint.id}/settings", form)
    assert saved.status_code == 200 and "The settings are saved." in saved.text
    after = await WebhookEndpoint.get(id=endpoint.id)
    assert (after.url, after.events, after.description, after.ordered) == (
        moved,
        ["order.created"],
        "shop v2",
        True,
    )
    assert after.secret == endpoint.secret  # the secret is not part of the settings

    refused_form = {"url": "https://10.0.0.7/hook", "events": ["order.status_changed"], "description": "x"}
    refused = await admin_web.post(f"/webhooks/{endpoint.id}/settings", refused_form)
    assert refused.status_code == 400 and "not a public address" in _text(refused)
    assert 'value="https://10.0.0.7/hook"' in refused.text  # the draft, not the saved URL
    assert re.search(r'value="order\.status_changed" checked', refused.text)
    assert (await WebhookEndpoint.get(id=endpoint.id)).url == moved  # nothing half-saved

    no_events = await admin_web.post(f"/webhooks/{endpoint.id}/settings", {"url": moved, "description": ""})
    assert no_events.status_code == 400 and "name at least one event" in _text(no_events)
    assert (await WebhookEndpoint.get(id=endpoint.id)).events == ["order.created"]

    read = await operator_web.get(f"/webhooks/{endpoint.id}")
    assert "Save the settings" not in read.text
    denied = await operator_web.post(f"/webhooks/{endpoint.id}/settings", form | {"url": receiver.url})
    assert denied.status_code == 403 and (await WebhookEndpoint.get(id=endpoint.id)).url == moved
