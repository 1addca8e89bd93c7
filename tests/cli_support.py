"""Running ``hlmap`` in-process on a small reviewed workspace, for the command-line tests."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from assistant.highlevel.snapshot import store_destination
from assistant.workspace import Workspace
from tests.review_data import destination, small_document, write_workspace


def hlmap(*args: str | Path) -> Result:
    from assistant.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error:")]


def reviewed_workspace(root: Path) -> Workspace:
    """The small migration's proposals plus its destination snapshot (pipelines, users, fields)."""
    workspace = write_workspace(root, small_document())
    store_destination(workspace, destination(), "test")
    workspace.close()
    return Workspace(root)
