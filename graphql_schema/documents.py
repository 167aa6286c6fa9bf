"""Parsed and validated documents kept per document text, and Apollo-style persisted queries.

A document is parsed and validated once per (text, parse options, validation rules); the same
text sent again reuses both. The limit rules (depth, aliases) are classes made once per limit
value, so a changed limit is another key and the limits stay in force for every cached document.

Persisted queries: `extensions.persistedQuery.sha256Hash` names a document. Sent with the
document, the hash is checked and the pair kept; sent alone, the kept document runs, or the
answer is the error `PersistedQueryNotFound` (code `PERSISTED_QUERY_NOT_FOUND`) and the client
sends the document with its hash again. Both caches are bounded (least recently used goes).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterator
from functools import cache
from typing import Any, Generic, TypeVar

from graphql import DocumentNode, GraphQLError
from graphql.validation import ASTValidationRule
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension

from graphql_schema.errors import PublicError

MAX_DOCUMENTS = 512
K = TypeVar("K")
V = TypeVar("V")


class Lru(Generic[K, V]):
    """A small bounded mapping that forgets the least recently used entry first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


@cache
def depth_rule(max_depth: int) -> type[ASTValidationRule]:
    """The depth limit's validation rule, one class per limit (a stable part of the cache key)."""
    return QueryDepthLimiter(max_depth=max_depth).validation_rules[0]


@cache
def alias_rule(max_aliases: int) -> type[ASTValidationRule]:
    return MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules[0]


ParseKey = tuple[str, tuple[tuple[str, Any], ...]]
ValidateKey = tuple[str, tuple[tuple[str, Any], ...], tuple[type[ASTValidationRule], ...]]

PARSED: Lru[ParseKey, DocumentNode] = Lru(MAX_DOCUMENTS)
VALIDATED: Lru[ValidateKey, tuple[GraphQLError, ...]] = Lru(MAX_DOCUMENTS)
PERSISTED: Lru[str, str] = Lru(MAX_DOCUMENTS)


class DocumentCache(SchemaExtension):
    """Reuses the parsed document and the validation result of a text seen before.

    Must come after the extensions that set parse options and validation rules.
    """

    def _parse_key(self) -> ParseKey | None:
        context = self.execution_context
        if context.query is None:
            return None
        return context.query, tuple(sorted(context.parse_options.items()))

    def on_parse(self) -> Iterator[None]:
        key = self._parse_key()
        found = PARSED.get(key) if key else None
        if found is not None:
            self.execution_context.graphql_document = found
        yield
        document = self.execution_context.graphql_document
        if key and found is None and document is not None:
            PARSED.put(key, document)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        parse_key = self._parse_key()
        key = (*parse_key, context.validation_rules) if parse_key else None
        errors = VALIDATED.get(key) if key else None  # type: ignore[arg-type]
        if errors is not None:
            context.pre_execution_errors = list(errors)
        yield
        if key and errors is None and context.pre_execution_errors is not None:
            VALIDATED.put(key, tuple(context.pre_execution_errors))  # type: ignore[arg-type]


class PersistedQueries(SchemaExtension):
    """`extensions.persistedQuery.sha256Hash`: run a kept document by its hash, or keep a new one."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        wanted = _persisted_hash(context.operation_extensions)
        if wanted is not None:
            if context.query:
                if hashlib.sha256(context.query.encode()).hexdigest() != wanted:
                    raise PublicError("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH")
                PERSISTED.put(wanted, context.query)
            else:
                kept = PERSISTED.get(wanted)
                if kept is None:
                    raise PublicError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
                context.query = kept
        yield


def _persisted_hash(extensions: dict[str, Any] | None) -> str | None:
    persisted = (extensions or {}).get("persistedQuery")
    if not isinstance(persisted, dict):
        return None
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or len(digest) != 64:
        raise PublicError("persistedQuery.sha256Hash must be a hex SHA-256", "PERSISTED_QUERY_INVALID")
    return digest.lower()
