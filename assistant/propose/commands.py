"""``hlmap propose``: write every proposal into the mapping document and print a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.mapping.models import Status
from assistant.mapping.shared import addition_lines
from assistant.memory.summary import from_memory, remembered_summary
from assistant.propose.first_seen_hint import unseen_export_hint
from assistant.propose.service import propose
from assistant.propose.shared_service import propose_on_shared_map
from assistant.propose.summary import side_counts, summary_table
from assistant.workspace import Workspace


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
        shared_map: Annotated[
            Path | None,
            typer.Option(
                "--shared-map",
                help="A client's confirmed map to run here: its decisions kept, values only this "
                "export holds proposed as additions.",
                dir_okay=False,
            ),
        ] = None,
    ) -> None:
        """Propose object, field, tag, stage and owner maps; keeps decisions already made."""
        if shared_map is not None:
            _propose_on_shared_map(open_workspace(workspace), shared_map)
            return
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
        hint = unseen_export_hint(threshold) if from_memory(document) == (0, 0) else None
        if hint:
            console.print(hint, markup=False, highlight=False)
        if kept:
            console.print(f"kept {kept} earlier decision(s) unchanged")
        console.print(f"wrote {ws.mapping_path}")


def _propose_on_shared_map(ws: Workspace, shared_map: Path) -> None:
    document, additions, lacking = propose_on_shared_map(ws, shared_map)
    threshold = ws.settings.propose.confidence_threshold
    console.print(
        f"{ws.mapping_path}: the confirmed map {shared_map} with {len(additions)} addition(s) for the "
        "values only this client's export holds",
        markup=False,
        highlight=False,
    )
    for line in addition_lines(document):
        console.print(f"  {line}", markup=False, highlight=False)
    if lacking:
        console.print(
            f"this location has no pipeline {', '.join(map(repr, lacking))}: HighLevel's API cannot create "
            "one. Setup step: an admin creates it, then `hlmap target pull` and this command again; or map "
            "its stage values into an existing pipeline with `hlmap decide --stage`",
            markup=False,
        )
    pending = sum(1 for a in additions if a.status == Status.PROPOSED)
    if pending:
        above = sum(1 for a in additions if a.status == Status.PROPOSED and a.confidence >= threshold)
        console.print(
            f"{pending} pending ({above} above {threshold:.2f}): decide them with `hlmap review` or "
            f"`hlmap decide`, then confirm",
            markup=False,
        )
