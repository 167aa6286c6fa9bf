"""Flow pages: list, create with validation, edit as a new version, diff, enable/disable."""

from __future__ import annotations

import json
import re

from server.models import Flow, FlowVersion
from tests.web.conftest import WebClient, stage, task

VALID = {"stages": [stage("approve", [task("check", "manual-task", {"title": "Check"})], ["check"])]}
UNKNOWN_HANDLER = {"stages": [stage("approve", [task("check", "no-such-handler", {})], ["check"])]}


async def test_validation_as_you_type_names_the_line_of_each_problem(admin_web: WebClient) -> None:
    broken = await admin_web.post("/flows/check", {"source": '{\n  "stages": [\n'})
    unknown = await admin_web.post("/flows/check", {"source": json.dumps(UNKNOWN_HANDLER, indent=2)})
    valid = await admin_web.post("/flows/check", {"source": json.dumps(VALID)})

    assert "<html" not in broken.text and re.search(r"Line \d+", broken.text)
    assert "no-such-handler" in unknown.text and "Line 8" in unknown.text
    assert "Valid" in valid.text and "<svg" in valid.text and 'data-task="check"' in valid.text


async def test_an_admin_creates_a_flow_after_fixing_it(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    refused = await admin_web.post(
        "/flows", {"name": "Tiny", "space": "demo-eyewear", "source": json.dumps(UNKNOWN_HANDLER)}
    )
    created = await admin_web.post(
        "/flows", {"name": "Approve prints", "space": "demo-eyewear", "source": json.dumps(VALID)}
    )

    assert refused.status_code == 400
    assert "at least 5 characters" in refused.text and "no-such-handler" in refused.text
    assert created.status_code == 303
    flow = await Flow.get(name="Approve prints")
    assert flow.key == "approve-prints" and created.headers["location"] == f"/flows/{flow.id}"


async def test_saving_makes_a_version_and_versions_can_be_compared(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await admin_web.post(
        "/flows", {"name": "Approve prints", "space": "demo-eyewear", "source": json.dumps(VALID)}
    )
    flow = await Flow.get(name="Approve prints")
    changed = json.dumps(VALID, indent=2).replace('"Check"', '"Check the colour"')

    saved = await admin_web.post(f"/flows/{flow.id}", {"source": changed})
    diff = await admin_web.get(f"/flows/{flow.id}/diff?a=1&b=2")

    assert "Saved as version 2." in saved.text
    assert await FlowVersion.filter(flow_id=flow.id).count() == 2
    assert '<span class="add">+' in diff.text and "Check the colour" in diff.text


async def test_an_invalid_save_keeps_the_text_and_makes_no_version(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await admin_web.post(
        "/flows", {"name": "Approve prints", "space": "demo-eyewear", "source": json.dumps(VALID)}
    )
    flow = await Flow.get(name="Approve prints")

    response = await admin_web.post(f"/flows/{flow.id}", {"source": '{"stages": []'})

    assert response.status_code == 400
    assert "{&#34;stages&#34;: []" in response.text
    assert await FlowVersion.filter(flow_id=flow.id).count() == 1


async def test_disable_and_enable(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    await admin_web.post(
        "/flows", {"name": "Approve prints", "space": "demo-eyewear", "source": json.dumps(VALID)}
    )
    flow = await Flow.get(name="Approve prints")

    await admin_web.post(f"/flows/{flow.id}/enabled", {"enabled": "0"})
    disabled = await Flow.get(id=flow.id)
    await admin_web.post(f"/flows/{flow.id}/enabled", {"enabled": "1"})

    assert disabled.enabled is False and (await Flow.get(id=flow.id)).enabled is True


async def test_operators_read_flows_but_cannot_change_them(
    admin_web: WebClient, operator_web: WebClient, space_key: tuple[str, str]
) -> None:
    await admin_web.post(
        "/flows", {"name": "Approve prints", "space": "demo-eyewear", "source": json.dumps(VALID)}
    )
    flow = await Flow.get(name="Approve prints")

    listing = await operator_web.get("/flows")
    page = await operator_web.get(f"/flows/{flow.id}")
    save = await operator_web.post(f"/flows/{flow.id}", {"source": json.dumps(VALID)})
    new = await operator_web.get("/flows/new")

    assert "Approve prints" in listing.text and "New flow" not in listing.text
    assert "readonly" in page.text and "Save as a new version" not in page.text
    assert save.status_code == 403 and new.status_code == 403


async def test_flow_text_is_escaped_in_the_editor_and_the_diagram(admin_web: WebClient) -> None:
    hostile = {
        "stages": [
            stage(
                "</textarea><script>x</script>",
                [task("<b>t</b>", "manual-task", {"title": "x"})],
                ["<b>t</b>"],
            )
        ]
    }

    response = await admin_web.post("/flows/check", {"source": json.dumps(hostile)})

    assert "<script>x</script>" not in response.text and "<b>t</b>" not in response.text


async def test_the_check_is_announced_by_a_status_outside_the_replaced_result(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    """The result is replaced on every keystroke's check: a live region there would speak each time."""
    page = await admin_web.get("/flows/new")
    broken = await admin_web.post("/flows/check", {"source": json.dumps(UNKNOWN_HANDLER, indent=2)})
    valid = await admin_web.post("/flows/check", {"source": json.dumps(VALID)})

    assert re.search(r'<p id="flow-check-status"[^>]*role="status" aria-live="polite"', page.text)
    assert "aria-live" not in broken.text and "aria-live" not in valid.text
    assert 'data-summary="1 problem"' in broken.text
    assert re.search(r'data-summary="Valid · 1 stage, \d+ tasks?"', valid.text)
