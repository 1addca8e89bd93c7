"""A local stand-in for HighLevel's API v2: real HTTP on loopback, the official spec's paths and shapes.

Start it with ``hlmap sandbox serve`` (or ``python -m assistant.sandbox serve``); tests start it
through ``tests/sandbox_process.py``. Admin endpoints live under ``/_sandbox/``.
"""
