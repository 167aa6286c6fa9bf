"""`quote`: prices each sliced part and the order from the slicer's figures (DESIGN §10).

A part costs mass × `perKg` + print time × `perHour` + `setup` (EUR, rounded to the cent); the order
total is Σ part price × its product's units. Rates come from the payload, else the space's settings
(`quoteRates`). Parts need `slicing` figures (a `slice` task before this one). The quote is stored on
each part (`manufacturingData.quote`) and on the order (`Order.quote`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from jobs.handlers.base import BaseHandler, Failed, Field, HandlerResult, HandlerSpec, Succeeded, TaskContext
from server.domain import quotes
from server.domain.flows.payload_specs import Scalar
from server.domain.json_values import kind_of
from server.services import manufacturing
from server.services.orders import context as order_context


def _rate_problem(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return f"must be a number of EUR, not {kind_of(value)}"
    try:
        quotes.read_rates({"perKg": value, "perHour": 0, "setup": 0})
    except quotes.RateError:
        return f"must be a number of at least 0, not {value!r}"
    return None


RATE = Scalar({"type": ["number", "string"]}, _rate_problem)

SPEC = HandlerSpec(
    "quote",
    "Prices each sliced part and the order: mass × €/kg + print time × €/h + setup.",
    (
        Field("perKg", RATE, description="EUR per kg of material; else the space's quoteRates."),
        Field("perHour", RATE, description="EUR per hour of printing; else the space's quoteRates."),
        Field("setup", RATE, description="EUR per part printed; else the space's quoteRates."),
    ),
)


class Quote(BaseHandler):
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        space_rates = (await manufacturing.space_settings(context.space_id)).get("quoteRates")
        try:
            rates = quotes.read_rates(payload, space_rates if isinstance(space_rates, dict) else None)
        except quotes.RateError as exc:
            return Failed(f"{exc}.")
        parts = await manufacturing.parts_with_slicing(context.order_id)
        if not parts:
            return Failed("No part of the order has slicing figures: run a slice task before the quote.")
        lines, per_part, total = [], {}, Decimal("0")
        for part, units in parts:
            slicing = part.manufacturing_data["slicing"]  # type: ignore[index]
            price = quotes.part_price(float(slicing["massGrams"]), int(slicing["printSeconds"]), rates)
            line = {"partId": str(part.id), "name": part.name, "price": str(price), "units": units,
                    "massGrams": slicing["massGrams"], "printSeconds": slicing["printSeconds"]}  # fmt: skip
            per_part[UUID(str(part.id))] = {"currency": quotes.CURRENCY, **line}
            lines.append(line)
            total += price * units
        quote = {"currency": quotes.CURRENCY, "total": str(quotes.money(total)), "parts": lines,
                 "rates": rates.as_data(), "at": datetime.now(UTC).isoformat()}  # fmt: skip
        await manufacturing.store_quote(context.order_id, quote, per_part)
        await order_context.record_event(
            context.order_id,
            "order-quoted",
            f"Task {context.task_key}: quoted {quote['total']} EUR for {len(lines)} part(s).",
            {"task": context.task_key, "total": quote["total"]},
        )
        return Succeeded(quote)


HANDLER = Quote()
