"""``hlmap propose``: write every proposal into the mapping document and print a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.memory.summary import remembered_summary
from assistant.propose.service import propose
from assistant.propose.summary import side_counts, summary_table


def register(app: typer.Typer) -> None:
    @app.command("propose")
    def propose_command(
        workspace: WorkspaceOption = Path("."),
        backend: Annotated[str | None, typer.Option(help="offline (default) or llm.")] = None,
        model: Annotated[str | None, typer.Option(help="Model name for the llm backend.")] = None,
        no_values: Annotated[
            bool, typer.Option("--no-values", help="Send no raw source value to the LLM (names/stats only).")
        ] = False,
        objects: Annotated[
            list[str] | None, typer.Option("--objects", help="Only these source objects (repeatable).")
        ] = None,
        destination: Annotated[
            Path | None,
            typer.Option(
                "--destination",
                help="Destination state JSON to use instead of the workspace snapshot.",
                dir_okay=False,
            ),
        ] = None,
    ) -> None:
        """Propose object, field, tag, stage and owner maps; keeps decisions already made."""
        overrides = {
            "propose": {"backend": backend},
            "llm": {"model": model, "send_values": False if no_values else None},
        }
        ws = open_workspace(workspace, overrides)
        settings = ws.settings
        names = [name for value in objects or [] for name in value.split(",") if name.strip()]
        document, kept, stats = propose(
            ws,
            backend=settings.propose.backend,
            model=settings.llm.model,
            send_values=settings.llm.send_values,
            objects=[n.strip() for n in names] or None,
            destination_file=destination,
        )
        threshold = settings.propose.confidence_threshold
        console.print(summary_table(document, threshold))
        console.print(side_counts(document, threshold))
        if stats is not None:
            figures = ("calls", "cached", "fallbacks", "attempts", "tokens_in", "tokens_out")
            console.print("llm: " + ", ".join(f"{name} {getattr(stats, name, '?')}" for name in figures))
        if settings.memory.enabled:
            console.print(remembered_summary(document), markup=False, highlight=False)
        if kept:
            console.print(f"kept {kept} earlier decision(s) unchanged")
        console.print(f"wrote {ws.mapping_path}")
