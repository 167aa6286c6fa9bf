"""Flows through GraphQL: create, version, enable, validate; operator actions; space isolation."""

from __future__ import annotations

import json
import uuid
from typing import Any

from server.models import Order, Space
from tests.graphql.conftest import Gql

CREATE_FLOW = """
mutation($space: String!, $name: String!, $definition: JSON!) {
  createFlow(spaceKey: $space, name: $name, definition: $definition) {
    flow { id key name enabled spaceKey currentVersion { number definition source } versions { number } }
    errors { field message code }
  }
}"""
UPDATE_FLOW = """
mutation($id: ID!, $definition: JSON!) {
  updateFlow(id: $id, definition: $definition) {
    flow { currentVersion { number } versions { number } } errors { field message code }
  }
}"""
SET_ENABLED = """
mutation($id: ID!, $enabled: Boolean!) {
  setFlowEnabled(id: $id, enabled: $enabled) { flow { enabled } errors { field } }
}
"""
FLOWS = "query($space: String) { flows(spaceKey: $space) { name key versions { number } } }"
CHECK = """
query($definition: String!) {
  checkFlow(definition: $definition) { ok shape problems { pointer message line column } }
}
"""
START = """
mutation($order: ID!) {
  startOrderFlow(orderId: $order) {
    flowRun { id status taskRuns { key handlerKey status attempts } } errors { field message code }
  }
}"""
CANCEL = "mutation($id: ID!) { cancelFlowRun(id: $id) { flowRun { status reason } errors { field code } } }"

MANUAL = {
    "stages": [
        {
            "key": "review",
            "taskDefinitions": [
                {"key": "check", "handlerKey": "manual-task", "payload": {"title": "Check it"}}
            ],
            "initialTaskDefinitionKeys": ["check"],
        }
    ]
}


async def _create(gql: Gql, token: str, name: str = "Standard production", definition: Any = None) -> Any:
    variables = {"space": "demo-eyewear", "name": name, "definition": definition or MANUAL}
    return (await gql(CREATE_FLOW, variables, token=token))["data"]["createFlow"]


async def test_a_flow_is_created_versioned_and_disabled(
    gql: Gql, space_key: tuple[str, str], admin_token: str
) -> None:
    created = await _create(gql, admin_token)
    flow = created["flow"]
    assert created["errors"] == [] and flow["key"] == "standard-production" and flow["enabled"] is True
    assert flow["currentVersion"]["definition"]["stages"][0]["key"] == "review"

    updated = await gql(UPDATE_FLOW, {"id": flow["id"], "definition": json.dumps(MANUAL)}, token=admin_token)
    disabled = await gql(SET_ENABLED, {"id": flow["id"], "enabled": False}, token=admin_token)
    listed = await gql(FLOWS, {"space": "demo-eyewear"}, token=space_key[1])

    assert updated["data"]["updateFlow"]["flow"]["currentVersion"]["number"] == 2
    assert [v["number"] for v in updated["data"]["updateFlow"]["flow"]["versions"]] == [2, 1]
    assert disabled["data"]["setFlowEnabled"]["flow"]["enabled"] is False
    assert listed["data"]["flows"] == [
        {
            "name": "Standard production",
            "key": "standard-production",
            "versions": [{"number": 2}, {"number": 1}],
        }
    ]


async def test_bad_flows_are_refused_with_the_field_and_the_pointer(
    gql: Gql, space_key: tuple[str, str], admin_token: str
) -> None:
    missing_uri = {
        "stages": [
            {
                "key": "s",
                "taskDefinitions": [
                    {"key": "call", "handlerKey": "consume-rest-api", "payload": {"sendFeedback": True}}
                ],
                "initialTaskDefinitionKeys": ["call"],
            }
        ]
    }
    short = await _create(gql, admin_token, name="Flo")
    bad_payload = await _create(gql, admin_token, name="Connector flow", definition=missing_uri)
    not_json = await _create(gql, admin_token, name="Broken flow", definition='{"stages": [')
    await _create(gql, admin_token)
    taken = await _create(gql, admin_token)

    assert short["flow"] is None and [e["field"] for e in short["errors"]] == ["name"]
    fields = {e["field"] for e in bad_payload["errors"]}
    assert "definition/stages/0/taskDefinitions/0/payload/uri" in fields
    assert "definition/stages/0/taskDefinitions/0/payload/sendFeedback" in fields
    assert "line 1" in not_json["errors"][0]["message"]
    assert taken["errors"][0]["code"] == "conflict"


async def test_check_flow_reports_problems_without_saving(gql: Gql, space_key: tuple[str, str]) -> None:
    body = await gql(CHECK, {"definition": '{"stages": [{"key": "s"}]}'}, token=space_key[1])
    result = body["data"]["checkFlow"]
    assert result["ok"] is False and result["shape"] == "canonical"
    assert any(p["pointer"].startswith("/stages/0") for p in result["problems"])
    assert (await gql(FLOWS, {}, token=space_key[1]))["data"]["flows"] == []


async def test_start_and_cancel_a_run_of_an_order(
    gql: Gql, space_key: tuple[str, str], admin_token: str
) -> None:
    await _create(gql, admin_token)
    order = await _order("standard-production")

    started = (await gql(START, {"order": str(order.id)}, token=space_key[1]))["data"]["startOrderFlow"]
    again = (await gql(START, {"order": str(order.id)}, token=space_key[1]))["data"]["startOrderFlow"]
    run = started["flowRun"]
    cancelled = (await gql(CANCEL, {"id": run["id"]}, token=space_key[1]))["data"]["cancelFlowRun"]

    assert run["status"] == "RUNNING"
    assert run["taskRuns"] == [
        {"key": "check", "handlerKey": "manual-task", "status": "READY", "attempts": 0}
    ]
    assert again["flowRun"] is None and again["errors"][0]["code"] == "conflict"
    assert cancelled["flowRun"]["status"] == "CANCELLED"
    assert "key:" not in cancelled["flowRun"]["reason"] or cancelled["flowRun"]["reason"].startswith(
        "Cancelled"
    )


async def test_another_spaces_key_sees_and_touches_none_of_it(
    gql: Gql, space_key: tuple[str, str], other_key: str, admin_token: str
) -> None:
    flow = (await _create(gql, admin_token))["flow"]
    order = await _order("standard-production")
    run = (await gql(START, {"order": str(order.id)}, token=space_key[1]))["data"]["startOrderFlow"][
        "flowRun"
    ]

    listed = await gql(FLOWS, {}, token=other_key)
    one = await gql("query($id: ID!) { flow(id: $id) { id } }", {"id": flow["id"]}, token=other_key)
    a_run = await gql("query($id: ID!) { flowRun(id: $id) { id } }", {"id": run["id"]}, token=other_key)
    update = await gql(UPDATE_FLOW, {"id": flow["id"], "definition": MANUAL}, token=other_key)
    cancel = await gql(CANCEL, {"id": run["id"]}, token=other_key)
    start = await gql(START, {"order": str(order.id)}, token=other_key)
    create = await gql(
        CREATE_FLOW, {"space": "demo-eyewear", "name": "Sneaky flow", "definition": MANUAL}, token=other_key
    )

    assert listed["data"]["flows"] == []
    assert one["data"]["flow"] is None and a_run["data"]["flowRun"] is None
    for body, name in ((cancel, "cancelFlowRun"), (start, "startOrderFlow")):
        payload = body["data"][name]
        assert payload["errors"] and payload["errors"][0]["code"] == "not_found", (name, payload)
    for body, name in ((update, "updateFlow"), (create, "createFlow")):  # no key edits flows
        payload = body["data"][name]
        assert payload["errors"] and payload["errors"][0]["code"] == "forbidden", (name, payload)


async def test_flow_mutations_need_a_caller(gql: Gql, clean_db: str) -> None:
    body = await gql(CREATE_FLOW, {"space": "x", "name": "Anonymous", "definition": MANUAL})
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_the_flow_json_schema_is_served(client: Any, clean_db: str) -> None:
    response = await client.get("/schemas/flow.json")
    schema = response.json()
    assert response.status_code == 200 and schema["$id"].endswith("/schemas/flow.json")
    assert "consume-rest-api" in json.dumps(schema)


async def _order(flow_key: str) -> Order:
    space = await Space.get(key="demo-eyewear")
    return await Order.create(
        space_id=space.id, name=f"ORD-{uuid.uuid4().hex[:6]}", flow_key=flow_key, intake_hash="-"
    )
