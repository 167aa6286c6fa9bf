"""Order.quote over GraphQL: money as exact decimals, the parts' figures as stored by the quote task."""

from __future__ import annotations

from server.models import Order
from tests.graphql.conftest import Gql
from tests.graphql.seed import seed_orders

QUOTE = """
query { orders(first: 5, orderBy: {field: NAME, direction: ASC}) { edges { node {
  name quote { currency total parts { partId price units massGrams printSeconds }
    rates { perKg perHour setup } at }
  products { parts { manufacturingData } }
} } } }
"""


async def test_the_stored_quote_comes_back_with_exact_money(gql: Gql, space_key: tuple[str, str]) -> None:
    rows = await seed_orders(space_key[0], 2)
    part = rows.parts[0]
    quote = {"currency": "EUR", "total": "12.30", "at": "2026-12-01T10:00:00+00:00",
             "rates": {"perKg": "30", "perHour": "4.5", "setup": "2"},
             "parts": [{"partId": str(part.id), "name": "p", "price": "6.15", "units": 2,
                        "massGrams": 10.5, "printSeconds": 3600}]}  # fmt: skip
    await Order.filter(id=part.order_id).update(quote=quote)  # type: ignore[attr-defined]

    body = await gql(QUOTE, token=space_key[1])

    assert "errors" not in body, body
    nodes = [edge["node"] for edge in body["data"]["orders"]["edges"]]
    quoted = next(node for node in nodes if node["quote"])
    assert quoted["quote"] == {
        "currency": "EUR", "total": "12.30", "at": "2026-12-01T10:00:00+00:00",
        "parts": [{"partId": str(part.id), "price": "6.15", "units": 2, "massGrams": 10.5,
                   "printSeconds": 3600}],
        "rates": {"perKg": "30", "perHour": "4.5", "setup": "2"},
    }  # fmt: skip
    assert [node["quote"] for node in nodes].count(None) == 1


SAVE_FLOW = """
mutation($definition: JSON!) {
  createFlow(spaceKey: "demo-eyewear", name: "Print and price", definition: $definition) {
    flow { key } errors { field message } warnings
  }
}"""
SLICING_FLOW = {
    "stages": [{
        "key": "print",
        "taskDefinitions": [
            {"key": "slice-cura", "handlerKey": "slice", "payload": {"engine": "cura"},
             "next": [{"taskDefinitionKey": "slice-prusa", "trigger": "success"}]},
            {"key": "slice-prusa", "handlerKey": "slice", "payload": {"engine": "prusa"}},
        ],
        "initialTaskDefinitionKeys": ["slice-cura"],
    }]
}  # fmt: skip


async def test_saving_a_flow_with_an_engine_no_worker_reported_warns_but_saves(
    gql: Gql, space_key: tuple[str, str], admin_token: str
) -> None:
    from server.services import manufacturing

    await manufacturing.report_capabilities("printer-host", {"prusa": {"version": "2.5.0", "path": "/x"}})

    saved = (await gql(SAVE_FLOW, {"definition": SLICING_FLOW}, token=admin_token))["data"]["createFlow"]

    assert saved["errors"] == [] and saved["flow"]["key"] == "print-and-price"
    [warning] = saved["warnings"]
    assert '"slice-cura"' in warning and '"cura"' in warning and "install-slicers" in warning
