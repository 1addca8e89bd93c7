"""``python -m assistant.sandbox serve ...``: the same command as ``hlmap sandbox serve``."""

from assistant.sandbox.commands import sandbox_app

sandbox_app(prog_name="python -m assistant.sandbox")
