"""Order flows as plain data: the definition, its parsing and validation, and the engine that runs it."""

from __future__ import annotations

from server.domain.flows.definition import (
    FlowDefinition,
    FlowError,
    NextEntry,
    Stage,
    TaskDefinition,
    Trigger,
)
from server.domain.flows.parse import Shape
from server.domain.flows.payload_specs import HandlerSpec, handler_spec, handler_specs, register_handler
from server.domain.flows.schema import flow_json_schema
from server.domain.flows.validate import (
    FlowCheck,
    load_flow,
    validate_flow,
    validate_step,
    validate_task_definition,
)

__all__ = [
    "FlowCheck",
    "FlowDefinition",
    "FlowError",
    "HandlerSpec",
    "NextEntry",
    "Shape",
    "Stage",
    "TaskDefinition",
    "Trigger",
    "flow_json_schema",
    "handler_spec",
    "handler_specs",
    "load_flow",
    "register_handler",
    "validate_flow",
    "validate_step",
    "validate_task_definition",
]
