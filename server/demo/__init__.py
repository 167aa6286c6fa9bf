"""The demo: a catalogue of realistic orders, flows that use every built-in handler, and their loader.

Data and a use of the system, not its rules: it goes through the services like any client.
"""
