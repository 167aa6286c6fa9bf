"""Placeholders in payload strings (DESIGN §4.3): `{orderUrl}`, `{customerInfo.name}`, …

A placeholder is a name, or a dotted path, in braces. It is looked up in a mapping of variables
(`order_variables` builds the standard one); dotted paths walk through nested objects, and a
number in a path picks an item of a list (`{items.0.name}`). Anything that is not a name in braces
(CSS rules, JSON, a lone `{`) is left as it is.

A placeholder whose value is missing or `null` becomes empty and is reported in
`Rendered.missing`, so that the caller can leave a warning in the order's history. In HTML
templates every inserted value is HTML-escaped, except values already given as `SafeHtml`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w-]*(?:\.[\w-]+)*)\}")

_MISSING = object()


class SafeHtml(str):
    """Text that is already HTML (e.g. the asset overview): inserted into HTML bodies unescaped."""

    __slots__ = ()


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...] = ()  # placeholders that resolved to nothing, in order of appearance


def order_variables(
    *,
    order_id: str,
    order_name: str,
    order_url: str,
    space_key: str,
    status: str,
    value: Decimal | float | str,
    deadline: datetime | None,
    data: Mapping[str, Any],
) -> dict[str, Any]:
    """The variables of one order: the fixed names first, then every key of its `data`.

    A key of `data` never hides a fixed name; `{data.status}` still reaches it.
    """
    customer = data.get("customerInfo")
    fixed: dict[str, Any] = {
        "orderId": order_id,
        "orderName": order_name,
        "orderUrl": order_url,
        "spaceKey": space_key,
        "status": status,
        "value": value,
        "deadline": deadline,
        "customerEmail": customer.get("email") if isinstance(customer, Mapping) else None,
        "data": dict(data),
    }
    return {**data, **fixed}


def lookup(variables: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path, or None when any step of it is missing."""
    current: Any = variables
    for step in path.split("."):
        current = _step(current, step)
        if current is _MISSING:
            return None
    return current


def _step(current: Any, step: str) -> Any:
    if isinstance(current, Mapping):
        # Equivalent mutants: a None default reads as missing too, by the next step or by lookup.
        return current.get(step, _MISSING)  # pragma: no mutate
    if isinstance(current, list) and step.isdigit() and int(step) < len(current):
        return current[int(step)]
    return _MISSING


def as_text(value: Any) -> str:
    """How a value reads inside text: strings as they are, numbers plainly, objects as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def render(template: str, variables: Mapping[str, Any], *, html_body: bool = False) -> Rendered:
    """`template` with its placeholders filled in; HTML-escaped values when `html_body`."""
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = lookup(variables, name)
        if value is None:
            missing.append(name)
            return ""
        if html_body and not isinstance(value, SafeHtml):
            return html.escape(as_text(value))
        # Equivalent mutant: as_text gives a SafeHtml, a str, back as it is.
        return str(value) if isinstance(value, SafeHtml) else as_text(value)  # pragma: no mutate

    return Rendered(PLACEHOLDER.sub(replace, template), tuple(dict.fromkeys(missing)))


def render_all(templates: Iterable[str], variables: Mapping[str, Any]) -> tuple[list[str], tuple[str, ...]]:
    """Plain-text rendering of several strings: the results and every missing placeholder once."""
    texts: list[str] = []
    missing: list[str] = []
    for template in templates:
        rendered = render(template, variables)
        texts.append(rendered.text)
        missing += rendered.missing
    return texts, tuple(dict.fromkeys(missing))


def placeholders(template: str) -> tuple[str, ...]:
    """The placeholder names a template uses, each once."""
    return tuple(dict.fromkeys(PLACEHOLDER.findall(template)))
