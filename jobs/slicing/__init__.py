"""Slicing engines (CuraEngine, PrusaSlicer) run as subprocesses, the figures of their G-code, mesh checks."""
