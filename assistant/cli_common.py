"""Options and helpers shared by every hlmap subcommand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from assistant.workspace import Workspace

console = Console()
err_console = Console(stderr=True)

WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        help="Workspace folder (workspace.duckdb, hlmap.toml, mapping.yaml).",
        file_okay=False,
    ),
]


def open_workspace(path: Path, overrides: dict[str, Any] | None = None) -> Workspace:
    """Open (and create if needed) the workspace, applying flag overrides to its settings."""
    cleaned = _drop_none(overrides or {})
    return Workspace(path, cleaned).ensure()


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, dict):
            nested = _drop_none(value)
            if nested:
                out[key] = nested
        elif value is not None:
            out[key] = value
    return out
