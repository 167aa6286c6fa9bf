"""The JSON Schema (Draft 2020-12) of the canonical flow format, served at `/schemas/flow.json`.

Rendered from the declarations `validate` checks with, and from the handler registry at call time,
so a plug-in handler appears as soon as it is registered. The schema covers the canonical shape;
the single stage and the step list are accepted on save but converted, so editors need not know them.
"""

from __future__ import annotations

from server.domain.flows.definition import Json
from server.domain.flows.validate import flow

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def flow_json_schema(schema_id: str | None = None) -> Json:
    schema: Json = {"$schema": DRAFT}
    if schema_id:
        schema["$id"] = schema_id
    schema |= {
        "title": "Fabflow order flow",
        "description": "Stages run in order; each starts its initial tasks, and a task's next entries "
        "start more tasks when it ends with a matching outcome.",
    }
    return schema | flow().json_schema()
