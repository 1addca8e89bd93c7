"""``hlmap rollback``: show what will be deleted and restored, ask, then undo one run or all of them."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import typer

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.execute.audit import AuditLog, audit_path
from assistant.execute.printing import print_list
from assistant.execute.rollback import RollbackReport, rollback
from assistant.execute.rollback_plan import preview, runs_to_undo
from assistant.highlevel.credentials import connect
from assistant.workspace import Workspace


def rollback_command(
    workspace: WorkspaceOption = ".",  # type: ignore[assignment]
    run: Annotated[str | None, typer.Option("--run", help="Run to undo (default: the latest).")] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Undo every run of the workspace, newest first.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    location_id: Annotated[
        str | None, typer.Option("--location-id", help="HighLevel sub-account (default: the run's).")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="API root (default: the one the run used).")
    ] = None,
) -> None:
    """Undo a run: delete what it created, restore what it updated (newest pass first)."""
    ws = open_workspace(workspace, {"highlevel": {"location_id": location_id, "base_url": base_url}})
    con = ws.connect()
    run_ids = runs_to_undo(con, run, every)
    previews = [preview(con, run_id) for run_id in run_ids]
    for item in previews:
        for line in item.lines():
            console.print(line, markup=False, highlight=False, soft_wrap=True)
    if not yes and not typer.confirm(f"Roll back {len(run_ids)} run(s)?", default=False):
        console.print("nothing was changed")
        raise typer.Exit(1)
    failed = False
    for run_id in run_ids:  # newest first: a later run may have updated what an earlier one created
        report = _undo(ws, run_id, location_id, base_url)
        _print(ws, report)
        failed = failed or bool(report.failed)
        if failed:
            break  # older runs wait until this one is fully undone
    if failed:
        raise typer.Exit(1)


def _undo(ws: Workspace, run_id: str, location_id: str | None, base_url: str | None) -> RollbackReport:
    con = ws.connect()
    row = con.execute("SELECT location_id, base_url FROM exec.runs WHERE run_id = ?", [run_id]).fetchone()
    where = row or (None, None)
    settings = ws.settings.highlevel.model_copy(
        update={"location_id": location_id or where[0], "base_url": base_url or where[1]}
    )

    async def go() -> Any:
        async with connect(settings, settings.location_id or "") as (hl, _agency):
            audit = AuditLog(con, audit_path(ws.root), run_id, ws.settings.execute.audit_payloads)
            return await rollback(hl, con, run_id, audit)

    result: RollbackReport = asyncio.run(go())
    return result


def _print(ws: Workspace, report: RollbackReport) -> None:
    console.print(f"rolled back {report.run_id}: {report.deleted} deleted, {report.restored} restored")
    print_list("Left as they were (they existed before the run)", report.kept, audit_path(ws.root))
    print_list("Could not be undone", report.failed, audit_path(ws.root))
    console.print("HighLevel cannot undo:")
    for line in report.cannot_undo:
        console.print(f"  - {line}", markup=False)
