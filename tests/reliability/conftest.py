"""The handler and flow fixtures (an order, task contexts, SMTP and HTTP servers, the worker)."""

from tests.flows.conftest import jobs, make_flow, make_order
from tests.handlers.conftest import connector, make_context, order, smtp_server, space

__all__ = ["connector", "jobs", "make_context", "make_flow", "make_order", "order", "smtp_server", "space"]
