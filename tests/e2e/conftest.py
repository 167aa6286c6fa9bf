"""The flow fixtures (an order, a flow, the in-process worker) serve the end-to-end tests too."""

from tests.flows.conftest import jobs, make_flow, make_order

__all__ = ["jobs", "make_flow", "make_order"]
