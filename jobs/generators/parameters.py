"""Reading generator parameters from a product's configuration, with bounds and clear messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ParameterError(ValueError):
    """A configuration value a generator cannot build from; the message names the parameter."""


def number(config: Mapping[str, Any], name: str, default: float, low: float, high: float) -> float:
    """`config[name]` as a number between `low` and `high` (mm or degrees), or `default` when absent."""
    value = config.get(name, default)
    if isinstance(value, str):
        try:
            value = float(value.strip().removesuffix("mm").strip())
        except ValueError:
            raise ParameterError(f'"{name}" must be a number, not {value!r}.') from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParameterError(f'"{name}" must be a number, not {value!r}.')
    if not low <= value <= high:
        raise ParameterError(f'"{name}" must be between {low:g} and {high:g}, not {value:g}.')
    return float(value)


def whole(config: Mapping[str, Any], name: str, default: int, low: int, high: int) -> int:
    value = number(config, name, default, low, high)
    if value != int(value):
        raise ParameterError(f'"{name}" must be a whole number, not {value:g}.')
    return int(value)
