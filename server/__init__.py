"""Fabflow: order management for digital manufacturing."""
