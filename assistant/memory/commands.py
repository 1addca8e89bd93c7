"""``hlmap memory show | add | forget``: the team's memory of confirmed maps."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.errors import HlmapError
from assistant.memory.hooks import remember_confirmed
from assistant.memory.models import MemoryFile
from assistant.memory.store import load_memory, memory_path, save_memory
from assistant.workspace import Workspace

memory_app = typer.Typer(help="Memory of confirmed maps, reused by `hlmap propose`.", no_args_is_help=True)


def _path(workspace: Path) -> Path:
    """The memory file the workspace's settings name (a folder that is no workspace: the defaults)."""
    ws = Workspace(workspace)
    return memory_path(ws.settings.memory, ws.root)


def _table(memory: MemoryFile) -> Table:
    table = Table(
        "migration", "source table", "confirmed by", "on", "columns", "accepted", "edited", "rejected"
    )
    for entry in [*memory.tables, *memory.tags]:
        counts = {s: sum(d.status == s for d in entry.decisions) for s in ("accepted", "edited", "rejected")}
        table.add_row(
            entry.migration,
            entry.table,
            entry.confirmed_by or "",
            f"{entry.confirmed_at:%Y-%m-%d}" if entry.confirmed_at else "",
            str(len(entry.columns)),
            *(str(n) for n in counts.values()),
        )
    return table


@memory_app.command("show")
def show(workspace: WorkspaceOption = Path(".")) -> None:
    """List the remembered tables: migration, who confirmed them and when, decisions per status."""
    path = _path(workspace)
    memory = load_memory(path)
    console.print(f"memory file: {path}", markup=False, highlight=False)
    if not memory.tables and not memory.tags:
        console.print(
            "nothing remembered yet: confirm a map (`hlmap decide --confirm`) or `hlmap memory add`"
        )
        return
    console.print(_table(memory))


@memory_app.command("add")
def add(workspace: WorkspaceOption = Path(".")) -> None:
    """Remember this workspace's confirmed map now (also when memory.enabled is false)."""
    ws = open_workspace(workspace)
    console.print(remember_confirmed(ws, force=True), markup=False, highlight=False)


@memory_app.command("forget")
def forget(
    migration: Annotated[str, typer.Argument(help="The migration whose decisions to forget.")],
    workspace: WorkspaceOption = Path("."),
    table: Annotated[str | None, typer.Option("--table", help="Only this source table of it.")] = None,
) -> None:
    """Drop a migration's remembered decisions (or one table's) from the memory file."""
    path = _path(workspace)
    memory = load_memory(path)
    known = memory.migrations()
    if migration not in known:
        names = ", ".join(known) or "none"
        raise HlmapError(f"memory file {path}: no migration named {migration!r} (remembered: {names})")
    dropped = memory.forget(migration, table)
    if not dropped:
        raise HlmapError(f"memory file {path}: migration {migration!r} has no table {table!r}")
    save_memory(path, memory)
    console.print(
        f"forgot {dropped} remembered table(s) of {migration} in {path}", markup=False, highlight=False
    )


def register(app: typer.Typer) -> None:
    app.add_typer(memory_app, name="memory")
