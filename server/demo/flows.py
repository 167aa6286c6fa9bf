"""The flows of the demo spaces: what a small manufacturer would set up first.

Eyewear: an operator checks each order, the customer hears it is in production, the frames cure
for a while, and someone confirms the shipment. Lighting: the shade's production file is generated
first (a vase-like body of revolution), then the same; when generating fails, the production team
is told and the order ends as a failure.
"""

from __future__ import annotations

from typing import Any

from server.demo.catalog import EYEWEAR, LIGHTING

Json = dict[str, Any]
HOUR_MS = 3_600_000


def _task(key: str, handler: str, payload: Json, **extra: Any) -> Json:
    return {"key": key, "handlerKey": handler, "payload": payload, **extra}


def _then(*keys: str, trigger: str = "success") -> list[Json]:
    return [{"taskDefinitionKey": key, "trigger": trigger} for key in keys]


IN_PRODUCTION_MAIL = _task(
    "tell-customer",
    "send-email",
    {
        "recipients": ["{customerEmail}"],
        "subject": "Your order {orderName} is in production",
        "body": "<p>Hello {customerInfo.name},</p><p>We have started making your order {orderName}.</p>",
    },
)
CURE = _task("cure", "wait", {"duration": 60_000}, next=_then("confirm-shipment"))
CONFIRM_SHIPMENT = _task(
    "confirm-shipment",
    "manual-task",
    {
        "title": "Pack and ship",
        "description": "Check the finish, pack, print the label.",
        "assigneeTags": ["shipping"],
    },
    timeoutDuration=48 * HOUR_MS,
)


def _review(next_keys: list[Json]) -> Json:
    return _task(
        "review",
        "manual-task",
        {
            "title": "Check the order",
            "description": "Measurements plausible? Files complete? Reject to stop the order.",
            "assigneeTags": ["review"],
        },
        timeoutDuration=24 * HOUR_MS,
        next=next_keys,
    )


STANDARD = {
    "tags": ["demo"],
    "stages": [
        {
            "key": "review",
            "taskDefinitions": [_review(_then("tell-customer")), IN_PRODUCTION_MAIL],
            "initialTaskDefinitionKeys": ["review"],
        },
        {"key": "finish", "taskDefinitions": [CURE, CONFIRM_SHIPMENT], "initialTaskDefinitionKeys": ["cure"]},
    ],
}

LAMPS: Json = {
    "tags": ["demo"],
    "stages": [
        {
            # One stage, so that the failure branch ends the run instead of going on to shipping.
            "key": "make",
            "taskDefinitions": [
                _task(
                    "generate",
                    "generate-production-files",
                    {"fileFormat": "stl", "generator": "vase"},
                    next=_then("review") + _then("tell-production", trigger="failure"),
                ),
                _review(_then("tell-customer", "cure")),
                IN_PRODUCTION_MAIL,
                CURE,
                CONFIRM_SHIPMENT,
                _task(
                    "tell-production",
                    "send-email",
                    {
                        "recipients": ["production@example.com"],
                        "subject": "No production file for {orderName}",
                        "body": "<p>The shade of {orderName} could not be generated; see its history.</p>",
                    },
                    successStatus="Failure",
                ),
            ],
            "initialTaskDefinitionKeys": ["generate"],
        }
    ],
}

DEMO_QUOTE_RATES = {"perKg": "28.00", "perHour": "3.50", "setup": "4.00"}


def lamp_flow(engine: str | None) -> Json:
    """The lamp-shade flow; with a slicing engine on this machine, the shade is sliced and quoted
    between generating it and the review (a failure of either tells production)."""
    if engine is None:
        return LAMPS
    tasks = [dict(task) for task in LAMPS["stages"][0]["taskDefinitions"]]
    tasks[0] = {**tasks[0], "next": _then("slice") + _then("tell-production", trigger="failure")}
    printing = [
        _task("slice", "slice", {"engine": engine, "settings": {"layer_height": 0.3}},
              next=_then("quote") + _then("tell-production", trigger="failure")),
        _task("quote", "quote", {}, next=_then("review") + _then("tell-production", trigger="failure")),
    ]  # fmt: skip
    stage = {**LAMPS["stages"][0], "taskDefinitions": [tasks[0], *printing, *tasks[1:]]}
    return {**LAMPS, "stages": [stage]}


# (space, name, definition); the flow's key is its name in lower case with dashes.
DEMO_FLOWS: tuple[tuple[str, str, Json], ...] = (
    (EYEWEAR, "Standard production", STANDARD),
    (LIGHTING, "Lamp shade production", LAMPS),
)
FLOW_KEYS = {EYEWEAR: "standard-production", LIGHTING: "lamp-shade-production"}
