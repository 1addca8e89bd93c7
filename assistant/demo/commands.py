"""``hlmap demo``: ingest, profile, propose, review, sample, full run and reconcile on built-in data."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console

DEMO_MARKER = ".hlmap-demo"


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo_command(
        workspace: WorkspaceOption = Path("hlmap-demo"),
        yes: Annotated[
            bool,
            typer.Option("--yes", help="Accept proposals above the threshold instead of opening the review."),
        ] = False,
        sample: Annotated[int, typer.Option("--sample", help="Records in the sample run.", min=1)] = 60,
        platform: Annotated[
            str,
            typer.Option("--platform", help="Built-in fixture: stel_order, contractor_plus, perfect_books."),
        ] = "stel_order",
        rate_limit: Annotated[
            int,
            typer.Option(
                "--rate-limit",
                min=1,
                help="Requests per 10 s the stand-in allows (HighLevel's limit is 100).",
            ),
        ] = 100,
        agency: Annotated[
            int | None,
            typer.Option(
                "--agency",
                min=1,
                help="An agency of N clients instead: mixed platforms, one sub-account each, one fan-out.",
            ),
        ] = None,
        rows: Annotated[
            int, typer.Option("--rows", min=1, help="Main-object rows of each client's export (--agency).")
        ] = 12,
    ) -> None:
        """The main job on built-in data against the local stand-in: no account and no API key needed."""
        from assistant.demo.flow import run_demo

        if agency is not None:
            _agency(workspace, agency, rows, yes, rate_limit)
            return
        _fresh(workspace)
        run_demo(
            workspace, platform=platform, accept=yes, sample=sample, rate_limit=rate_limit, console=console
        )


def _agency(workspace: Path, count: int, rows: int, yes: bool, rate_limit: int) -> None:
    from assistant.demo.agency_flow import run_agency_demo
    from assistant.errors import HlmapError

    if not yes:
        raise HlmapError("--agency decides every client's map by the threshold: add --yes")
    _fresh(workspace)
    run_agency_demo(workspace, count=count, rows=rows, rate_limit=rate_limit, console=console)


def _fresh(workspace: Path) -> None:
    """Start from an empty workspace; only ever delete a folder an earlier demo created."""
    if workspace.exists() and any(workspace.iterdir()):
        if not (workspace / DEMO_MARKER).exists():
            from assistant.errors import HlmapError

            raise HlmapError(f"{workspace} exists and is not a demo workspace; pass another --workspace")
        shutil.rmtree(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    (workspace / DEMO_MARKER).write_text("created by hlmap demo; deleted by the next demo run\n")
