"""Options and helpers shared by every hlmap subcommand."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from assistant.errors import HlmapError
from assistant.workspace import Workspace

# A log or a file has no width: lines are never folded and tables get room (COLUMNS still wins).
_PIPE_WIDTH = 200


def _console(stderr: bool = False) -> Console:
    probe = Console(stderr=stderr)
    if probe.is_terminal or os.environ.get("COLUMNS"):
        return probe
    return Console(stderr=stderr, width=_PIPE_WIDTH, soft_wrap=True)


console = _console()
err_console = _console(stderr=True)

WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        help="Workspace folder (workspace.duckdb, hlmap.toml, mapping.yaml).",
        file_okay=False,
    ),
]


def open_workspace(path: Path, overrides: dict[str, Any] | None = None, *, create: bool = False) -> Workspace:
    """Open the workspace, applying flag overrides to its settings; only ``create`` makes a new one.

    Only the commands that start a migration (ingest, demo) create one: a mistyped ``-w`` given
    to any other command would otherwise leave an empty workspace behind and fail later.
    """
    cleaned = _drop_none(overrides or {})
    workspace = Workspace(path, cleaned)
    if not create and not workspace.exists():
        raise HlmapError(
            f"no workspace at {workspace.root}: start one with `hlmap ingest EXPORT_FILES -w {path}`"
        )
    workspace.ensure()
    _ = workspace.settings  # a bad hlmap.toml or HLMAP_* value stops the command before any work
    return workspace


@contextmanager
def recorded(path: Path, title: str) -> Iterator[None]:
    """Everything printed inside also lands in ``path`` as plain text (a Markdown report)."""
    console.record = True
    console.export_text(clear=True)  # start from an empty record
    try:
        yield
        text = console.export_text(clear=True, styles=False)
    finally:
        console.record = False
    path.write_text(f"# {title}\n\n```text\n{text}```\n", encoding="utf-8")
    console.print(f"written to {path}", markup=False, highlight=False)


def existing_workspace(path: Path, overrides: dict[str, Any] | None = None) -> Workspace:
    return open_workspace(path, overrides)


def listed(ids: Sequence[str], limit: int = 8) -> str:
    """``": a, b, c and 12 more"``: a list cut short says how much was left out."""
    if not ids:
        return ""
    shown = ", ".join(ids[:limit])
    more = len(ids) - limit
    return f": {shown} and {more} more" if more > 0 else f": {shown}"


def login_name() -> str:
    """Who decisions are recorded as when ``--who`` is not given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # containers without a passwd entry for the uid
        return "unknown"


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
