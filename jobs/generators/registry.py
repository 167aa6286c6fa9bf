"""The generators Fabflow knows: the built-ins and those of the entry-point group `fabflow.generators`.

A generator has a `key`, a `title`, and `build(config) -> list[GeneratedPart]` that raises
`ParameterError` (a `ValueError`) naming the parameter it cannot use. Which one builds a product:
the task payload's `generator`, else the product configuration's `generator`, else none.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.metadata import entry_points
from typing import Any, Protocol

from jobs.generators.bracket import Bracket
from jobs.generators.mesh import GeneratedPart
from jobs.generators.name_tag import NameTag
from jobs.generators.vase import Vase

GROUP = "fabflow.generators"


class Generator(Protocol):
    key: str
    title: str

    def build(self, config: Mapping[str, Any]) -> list[GeneratedPart]: ...


BUILT_INS: tuple[Generator, ...] = (NameTag(), Vase(), Bracket())


@cache
def generators() -> dict[str, Generator]:
    known: dict[str, Generator] = {generator.key: generator for generator in BUILT_INS}
    for entry in entry_points(group=GROUP):
        if entry.name not in known:
            known[entry.name] = entry.load()
    return known


def choose(payload_generator: str | None, config: Mapping[str, Any]) -> str | None:
    """The key of the generator that should build a product, or None when nothing names one."""
    named = payload_generator or config.get("generator")
    return named if isinstance(named, str) and named.strip() else None


def get(key: str) -> Generator | None:
    return generators().get(key.strip())
