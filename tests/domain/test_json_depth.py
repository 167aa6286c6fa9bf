"""The depth scan agrees with the parsed value's depth, ignores brackets in strings, never recurses."""

from __future__ import annotations

import json
import random

import pytest

from server.domain.json_depth import exceeds_depth, nesting_depth


def parsed_depth(value: object) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def random_value(rng: random.Random, levels: int) -> object:
    if levels == 0 or rng.random() < 0.3:
        return rng.choice([1, None, "a[{", 'x\\"]', "}}]]"])
    if rng.random() < 0.5:
        return [random_value(rng, levels - 1) for _ in range(rng.randint(0, 3))]
    return {f"k{i}[": random_value(rng, levels - 1) for i in range(rng.randint(0, 3))}


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"1", 0),
        (b'"[[[["', 0),
        (b"[]", 1),
        (b'{"a": [1, {"b": "]]"}]}', 3),
        (b'["\\"[", {"k]": "\\\\"}, [[]]]', 3),
        (b"[" * 5000, 5000),  # never closed: as deep as a parser would go
        (b"]]]]", 0),
    ],
)
def test_depth_of_texts(text: bytes, depth: int) -> None:
    assert nesting_depth(text) == depth


def test_depth_matches_the_parsed_value_of_random_texts() -> None:
    rng = random.Random(7)
    for _ in range(500):
        value = random_value(rng, rng.randint(0, 10))
        text = json.dumps(value).encode()
        depth = parsed_depth(value)
        assert nesting_depth(text) == depth, text
        assert exceeds_depth(text, depth) is False
        assert depth == 0 or exceeds_depth(text, depth - 1)


def test_a_huge_deep_text_is_scanned_without_recursion() -> None:
    levels = 1_000_000
    assert exceeds_depth(b'{"a":' * levels + b"1" + b"}" * levels, 100)
    assert not exceeds_depth(b"[" * 100 + b"]" * 100, 100)
