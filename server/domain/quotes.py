"""Quotes: the price of printing parts from the slicer's figures (DESIGN §10).

A part costs material mass × €/kg + print time × €/h + the setup fee (one per part printed), rounded
to the cent; the order's total is the sum over its parts, each times its product's units. Money is
`Decimal`, never float.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

CENT = Decimal("0.01")
CURRENCY = "EUR"
RATE_NAMES = {"perKg": "€ per kg of material", "perHour": "€ per hour of printing", "setup": "€ per part"}


@dataclass(frozen=True)
class Rates:
    per_kg: Decimal
    per_hour: Decimal
    setup: Decimal

    def as_data(self) -> dict[str, str]:
        return {"perKg": str(self.per_kg), "perHour": str(self.per_hour), "setup": str(self.setup)}


class RateError(ValueError):
    """A rate is missing or not a number ≥ 0; the message names it."""


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def read_rates(*sources: dict[str, Any] | None) -> Rates:
    """The rates from the first source that gives each (the payload, then the space's settings)."""
    values: dict[str, Decimal] = {}
    for name in RATE_NAMES:
        given = next((s[name] for s in sources if s and s.get(name) is not None), None)
        if given is None:
            raise RateError(f'"{name}" ({RATE_NAMES[name]}) is set neither in the payload nor in the space')
        values[name] = _decimal(name, given)
    return Rates(values["perKg"], values["perHour"], values["setup"])


def _decimal(name: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RateError(f'"{name}" must be a number, not {type(value).__name__}')
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise RateError(f'"{name}" must be a number, not {value!r}') from None
    if not number.is_finite() or number < 0:
        raise RateError(f'"{name}" must be a number of at least 0, not {value!r}')
    return number


def part_price(mass_grams: float, print_seconds: int, rates: Rates) -> Decimal:
    material = Decimal(str(mass_grams)) / 1000 * rates.per_kg
    machine = Decimal(print_seconds) / 3600 * rates.per_hour
    return money(material + machine + rates.setup)
