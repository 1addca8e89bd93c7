"""``hlmap review``: open the review TUI on a workspace's mapping document."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, login_name, open_workspace
from assistant.errors import HlmapError
from assistant.memory.hooks import remember_after_confirm
from assistant.prerequisites import require


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        workspace: WorkspaceOption = Path("."),
        who: Annotated[
            str | None, typer.Option("--who", help="Name recorded with every decision (default: login name).")
        ] = None,
    ) -> None:
        """Accept, edit or reject every proposal; each decision is saved as it is made."""
        ws = open_workspace(workspace)
        require(ws, "propose")
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise HlmapError(
                "hlmap review needs a terminal; without one, decide with `hlmap decide` "
                "(--accept-above, --accept, --reject, --set, --confirm)"
            )
        from assistant.review.app import ReviewApp  # Textual loads only for this command

        ws.close()  # the app's worker opens its own connection
        app = ReviewApp(ws, who or login_name())
        confirmed = app.run()
        if app.return_code:
            raise typer.Exit(app.return_code)
        if confirmed is not None:
            console.print(f"[green]confirmed[/] → {confirmed}")
            remembered = remember_after_confirm(ws)
            if remembered:
                console.print(remembered, markup=False, highlight=False)
        else:
            console.print(f"decisions saved in {ws.mapping_path}")
