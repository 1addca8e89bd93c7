"""``hlmap profile``: per-column facts about every raw table, as a table or as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, open_workspace


def register(app: typer.Typer) -> None:
    @app.command()
    def profile(
        workspace: WorkspaceOption = Path("."),
        table: Annotated[
            list[str] | None, typer.Option("--table", "-t", help="Profile only this raw table (repeatable).")
        ] = None,
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the profiles as JSON on stdout.")
        ] = False,
    ) -> None:
        """Profile the ingested tables: types, formats, pick-lists, keys, foreign keys, duplicates."""
        # imported here, not at module level: every hlmap command imports this module to register it
        from pydantic import TypeAdapter

        from assistant.profile.models import TableProfile
        from assistant.profile.profiler import profile_workspace
        from assistant.profile.render import render_table

        ws = open_workspace(workspace)
        try:
            profiles = profile_workspace(ws, table or None)
        finally:
            ws.close()
        if as_json:
            adapter = TypeAdapter(list[TableProfile])
            typer.echo(adapter.dump_json(profiles, indent=2).decode())
            return
        for item in profiles:
            render_table(console, item)
