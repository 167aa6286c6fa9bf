"""HP PrintOS Site Flow: its order JSON, its request signature and its postbacks, as pure functions.

The order JSON follows HP's public samples, `HPInc/printos-siteflow-api-samples`:
`python/siteflow_api.py` (the order it validates and submits: `destination.name`,
`orderData.sourceOrderId`, `postbackAddress`, `items[{sourceItemId, sku, quantity,
components[{code, path, fetch}]}]`, `shipments[{shipTo{name, address1, town, postcode, state,
isoCountry, email, phone}, carrier{code, service}}]`) and `sample_output/submit_order_output.txt`
(the answer of a submission: the Site Flow order id is `order._id`, the account it came from
`order.source.name`; `fetch` comes back as a boolean).

The signature is that of `python/siteflow_api.py` `create_headers` and `javascript/printOSClient.js`
`createHeaders`: HMAC-SHA1 over `METHOD + " " + path + timestamp` (path without the base URL,
timestamp `YYYY-MM-DDTHH:MM:SSZ` in UTC) with the API secret, hex; sent as
`x-hp-hmac-authentication: <key>:<signature>`, `x-hp-hmac-date: <timestamp>` and
`x-hp-hmac-algorithm: SHA1`. Cancelling is `PUT /api/order/<sourceAccount>/<sourceOrderId>/cancel`
(`cancel_order` of the same file).

Postbacks are Site Flow "triggers" whose JSON body the account owner writes as a template; HP's
PrintOS postback page shows the body `{timestamp, sourceOrderId, status: 'printready'}`. A postback
here names the order by `sourceOrderId` and the event by `status` (or `event`): the trigger names
(Order Received, Order PrintReady, Component Printed, Order Cancelled, Order Errored, Shipment
Dispatched / Shipment Shipped) in any spelling, or the status words Site Flow uses.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

ORDER_PATH = "/api/order"
SIGNATURE_ALGORITHM = "SHA1"
DEFAULT_CARRIER = {"code": "customer", "service": "shipping"}  # the carrier of HP's sample order
DEFAULT_COMPONENT_CODE = "Content"  # the component code of HP's sample order

RECEIVED = "Received"
PRINT_READY = "PrintReady"
COMPONENT_PRINTED = "ComponentPrinted"
CANCELLED = "Cancelled"
ERRORED = "Errored"
SHIPMENT_DISPATCHED = "ShipmentDispatched"
EVENTS = (RECEIVED, PRINT_READY, COMPONENT_PRINTED, CANCELLED, ERRORED, SHIPMENT_DISPATCHED)
FINAL_EVENTS = (CANCELLED, ERRORED, SHIPMENT_DISPATCHED)

# What a postback's `status` may say, lower-cased without spaces, dashes or underscores.
_EVENT_WORDS = {
    "received": RECEIVED,
    "orderreceived": RECEIVED,
    "printready": PRINT_READY,
    "orderprintready": PRINT_READY,
    "componentprinted": COMPONENT_PRINTED,
    "printed": COMPONENT_PRINTED,
    "cancelled": CANCELLED,
    "canceled": CANCELLED,
    "ordercancelled": CANCELLED,
    "ordercanceled": CANCELLED,
    "errored": ERRORED,
    "error": ERRORED,
    "ordererrored": ERRORED,
    "shipmentdispatched": SHIPMENT_DISPATCHED,
    "shipmentshipped": SHIPMENT_DISPATCHED,
    "dispatched": SHIPMENT_DISPATCHED,
    "shipped": SHIPMENT_DISPATCHED,
}

EVENT_WORDS = {
    RECEIVED: "received the order",
    PRINT_READY: "has the files: the order is ready to print",
    COMPONENT_PRINTED: "printed a component",
    CANCELLED: "cancelled the order",
    ERRORED: "put the order in error",
    SHIPMENT_DISPATCHED: "dispatched a shipment",
}

_SOURCE_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


# --- the order ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemFile:
    """One production file to print: it becomes one Site Flow item with one component."""

    source_item_id: str
    sku: str
    quantity: int
    component_code: str
    url: str  # a URL Site Flow can fetch (a signed link for a file Fabflow stores)


def source_order_id(order_name: str, task_run_hex: str) -> str:
    """Unique per task run (Site Flow refuses a second order with the same one); readable."""
    name = _SOURCE_ID_CHARS.sub("-", order_name).strip("-")[:60] or "order"
    return f"{name}-{task_run_hex[:12]}"


def ship_to(address: dict[str, Any], customer: dict[str, Any]) -> dict[str, str]:
    """Site Flow's `shipTo` from a Fabflow delivery address (`name`, `street`, `postalCode`, `city`,
    `state`, `country`, …) and the customer's e-mail and phone when the address has none."""
    fields = {
        "name": address.get("name") or customer.get("name"),
        "companyName": address.get("company") or customer.get("company"),
        "address1": address.get("street") or address.get("address1") or address.get("line1"),
        "address2": address.get("address2") or address.get("line2"),
        "town": address.get("city") or address.get("town"),
        "postcode": address.get("postalCode") or address.get("postcode") or address.get("zip"),
        "state": address.get("state") or address.get("region"),
        "isoCountry": address.get("country") or address.get("isoCountry"),
        "email": address.get("email") or customer.get("email"),
        "phone": address.get("phone") or customer.get("phone"),
    }
    return {key: str(value) for key, value in fields.items() if value}


MISSING_SHIP_TO = ("name", "address1", "town", "postcode", "isoCountry")


def order_json(
    destination: str,
    source_order: str,
    postback_address: str,
    files: list[ItemFile],
    shipping: dict[str, str],
    carrier: dict[str, str],
) -> dict[str, Any]:
    """The body of `POST /api/order`."""
    return {
        "destination": {"name": destination},
        "orderData": {
            "sourceOrderId": source_order,
            "postbackAddress": postback_address,
            "items": [
                {
                    "sourceItemId": item.source_item_id,
                    "sku": item.sku,
                    "quantity": item.quantity,
                    "components": [{"code": item.component_code, "path": item.url, "fetch": True}],
                }
                for item in files
            ],
            "shipments": [{"shipTo": shipping, "carrier": carrier}],
        },
    }


@dataclass(frozen=True)
class Submitted:
    siteflow_order_id: str
    source_account: str


def read_submission(answer: Any) -> Submitted | None:
    """The Site Flow order id and source account of a submission's answer, or None if it has none."""
    order = answer.get("order") if isinstance(answer, dict) else None
    if not isinstance(order, dict) or not isinstance(order.get("_id"), str) or not order["_id"]:
        return None
    source = order.get("source")
    account = source.get("name") if isinstance(source, dict) else None
    return Submitted(order["_id"], account if isinstance(account, str) else "")


def cancel_path(source_account: str, source_order: str) -> str:
    return f"{ORDER_PATH}/{source_account}/{source_order}/cancel"


# --- the signature --------------------------------------------------------------------------------


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def signature(secret: str, method: str, path: str, stamp: str) -> str:
    to_sign = f"{method.upper()} {path}{stamp}".encode()
    return hmac.new(secret.encode(), to_sign, hashlib.sha1).hexdigest()


def signed_headers(key: str, secret: str, method: str, path: str, moment: datetime) -> dict[str, str]:
    stamp = timestamp(moment)
    return {
        "content-type": "application/json",
        "x-hp-hmac-authentication": f"{key}:{signature(secret, method, path, stamp)}",
        "x-hp-hmac-date": stamp,
        "x-hp-hmac-algorithm": SIGNATURE_ALGORITHM,
    }


# --- postbacks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Postback:
    source_order_id: str  # "" when the body names none (allowed at a task's own URL)
    event: str  # one of EVENTS
    tracking_number: str
    message: str
    body: dict[str, Any]

    @property
    def final(self) -> bool:
        return self.event in FINAL_EVENTS


class PostbackProblem(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def event_of(text: str) -> str | None:
    return _EVENT_WORDS.get(re.sub(r"[\s_\-]+", "", text).lower())


def read_postback(body: Any, *, needs_source_order_id: bool) -> Postback:
    """Parse a postback body; raises `PostbackProblem` naming the field."""
    if not isinstance(body, dict):
        raise PostbackProblem("", "The postback must be a JSON object.")
    source = _text(body, "sourceOrderId")
    if needs_source_order_id and not source:
        raise PostbackProblem("sourceOrderId", "is required: it says which order the postback is about")
    said = _text(body, "status") or _text(body, "event")
    if not said:
        raise PostbackProblem("status", f"is required: one of {', '.join(EVENTS)}")
    event = event_of(said)
    if event is None:
        raise PostbackProblem("status", f'"{said[:80]}" is not a Site Flow event ({", ".join(EVENTS)})')
    return Postback(
        source_order_id=source,
        event=event,
        tracking_number=_text(body, "trackingNumber") or _text(body, "tracking"),
        message=_text(body, "message") or _text(body, "error"),
        body=body,
    )


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if isinstance(value, str):
        return value.strip()[:500]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""
