"""The free-text search words of orders, products and parts: lower-cased, one per line.

Search is a case-insensitive substring of these words; PostgreSQL serves it with a trigram
index on the `search_text` column that holds them. They are written with the row, at intake.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Where the connector format keeps who ordered: `data.customerInfo` and each address's `data`.
CUSTOMER_KEYS = ("name", "firstName", "lastName", "email", "company")


def search_words(words: Iterable[str | None]) -> str:
    """The non-empty words, trimmed and lower-cased, each once, one per line."""
    unique = dict.fromkeys(word.strip().lower() for word in words if word and word.strip())
    return "\n".join(unique)


def customer_words(data: Mapping[str, Any], addresses: Iterable[Mapping[str, Any]] = ()) -> list[str]:
    """The customer's names, e-mail and company from an order's `data` and its addresses' `data`."""
    sources = [data.get("customerInfo"), *addresses]
    return [
        value
        for source in sources
        if isinstance(source, Mapping)
        for key in CUSTOMER_KEYS
        if isinstance(value := source.get(key), str)
    ]
