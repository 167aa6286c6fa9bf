"""The schema: queries and mutations of every area, and the hardening extensions."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import strawberry
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from graphql_schema import variables
from graphql_schema.admin.mutations import AdminMutations
from graphql_schema.admin.queries import AdminQueries
from graphql_schema.admin.tokens import TokenMutations, TokenQueries
from graphql_schema.context import ReleaseLoadedRows
from graphql_schema.direct import install_direct_lists
from graphql_schema.documents import DocumentCache, PersistedQueries, alias_rule, depth_rule
from graphql_schema.errors import should_mask_error
from graphql_schema.execution import PlannedExecutionContext
from graphql_schema.flows.mutations import FlowMutations
from graphql_schema.flows.queries import FlowQueries
from graphql_schema.flows.subscriptions import FlowSubscriptions
from graphql_schema.hooks import KeptHooksRunner
from graphql_schema.integrations.schema import IntegrationMutations, IntegrationQueries
from graphql_schema.orders.mutations import OrderMutations
from graphql_schema.orders.queries import LIST_FIELDS, OrderQueries
from graphql_schema.permissions import SessionMutationsFromThisSite
from graphql_schema.webhooks.schema import WebhookMutations, WebhookQueries
from server import settings

Query = merge_types(
    "Query", (OrderQueries, FlowQueries, AdminQueries, WebhookQueries, TokenQueries, IntegrationQueries)
)
Mutation = merge_types(
    "Mutation",
    (OrderMutations, FlowMutations, AdminMutations, WebhookMutations, TokenMutations, IntegrationMutations),
)


class MaskedErrors(MaskErrors):
    """Strawberry's `MaskErrors`; whether a result has errors is asked of its `errors` attribute, not
    by `isinstance` of a runtime Protocol (which inspects the class on every operation)."""

    def _process_result(self, result: object) -> None:
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]


class Limits(SchemaExtension):
    """The document limits, in force for every operation: depth, tokens, aliases and (outside
    development) no introspection. One extension for all of them: each extension costs every
    operation its hooks, whatever they do."""

    def __init__(self, *, development: bool) -> None:
        self.development = development

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        rules = [depth_rule(settings.GRAPHQL_MAX_DEPTH), alias_rule(settings.GRAPHQL_MAX_ALIASES)]
        if not self.development:
            rules.append(NoSchemaIntrospectionCustomRule)
        context.validation_rules = (*context.validation_rules, *rules)
        context.parse_options["max_tokens"] = settings.GRAPHQL_MAX_TOKENS
        yield


def extensions(*, development: bool, debug: bool) -> list[Callable[[], SchemaExtension]]:
    """Factories, not instances: Strawberry then makes fresh extensions for every operation."""
    factories: list[Callable[[], SchemaExtension]] = [
        PersistedQueries,
        lambda: Limits(development=development),
        ReleaseLoadedRows,
        SessionMutationsFromThisSite,
    ]
    if not debug:
        factories.append(lambda: MaskedErrors(should_mask_error=should_mask_error))
    factories.append(DocumentCache)  # last: it keys on the parse options and rules set above
    return factories


class FabflowSchema(strawberry.Schema):
    """Strawberry's schema; extension hooks looked up once per extension class (`graphql_schema.hooks`)."""

    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return KeptHooksRunner(execution_context=execution_context, extensions=extensions)


def make_schema(
    *, development: bool | None = None, debug: bool | None = None, direct_lists: bool = True
) -> strawberry.Schema:
    """The schema; introspection only in development, errors masked unless debugging.

    Preloaded trees of rows complete from a plan (`graphql_schema.execution`); the order,
    product and part lists resolve without Strawberry's wrapping unless `direct_lists` is
    False (`graphql_schema.direct`).
    """
    schema = FabflowSchema(
        query=Query,
        mutation=Mutation,
        subscription=FlowSubscriptions,
        execution_context_class=PlannedExecutionContext,
        extensions=extensions(
            development=settings.is_development() if development is None else development,
            debug=settings.DEBUG if debug is None else debug,
        ),
    )
    if direct_lists:
        install_direct_lists(
            schema, {name: (field.convert, field.resolve) for name, field in LIST_FIELDS.items()}
        )
    variables.install()
    return schema
