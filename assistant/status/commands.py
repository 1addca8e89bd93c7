"""``hlmap status``: print where the workspace stands, then the next command to run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer

from assistant.cli_common import WorkspaceOption, console, existing_workspace
from assistant.errors import HlmapError
from assistant.run_pause import read_pause
from assistant.status.facts import Facts, gather
from assistant.status.next_step import next_step


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status_command(workspace: WorkspaceOption = Path(".")) -> None:
        """Where the workspace stands (ingested, profiled, proposals, confirmed, runs) and what comes next."""
        pause = read_pause(workspace.resolve())
        if pause is not None:
            console.print(f"paused:      {pause.describe(datetime.now(UTC))}", markup=False, highlight=False)
        try:
            facts = _facts(workspace)
        except HlmapError:
            if pause is None:
                raise
            # the paused run holds the database open; the pause line above is what there is to know
            console.print("the rest shows once the run lets go of the workspace", markup=False)
            return
        for line in describe(facts):
            console.print(line, markup=False, highlight=False)
        console.print(f"next: {next_step(facts, str(workspace))}", markup=False, highlight=False)


def _facts(workspace: Path) -> Facts:
    ws = existing_workspace(workspace)
    try:
        return gather(ws)
    finally:
        ws.close()


def describe(facts: Facts) -> list[str]:
    lines = [
        f"ingested:    {facts.raw_tables} source tables"
        + (f", {facts.rejected_rows} rejected rows" if facts.rejected_rows else "")
        if facts.raw_tables
        else "ingested:    nothing yet",
        f"profiled:    {facts.profiled_tables} tables" if facts.profiled_tables else "profiled:    not yet",
        f"destination: {facts.destination or 'no snapshot yet'}",
    ]
    if not facts.mapping:
        lines.append("proposals:   none yet")
    elif facts.mapping_error:
        lines.append(f"proposals:   {facts.mapping_error}")
    else:
        decided = ", ".join(f"{n} {status}" for status, n in sorted(facts.decided.items()))
        lines.append(f"proposals:   {decided}")
        if facts.pending:
            per_kind = ", ".join(f"{kind} {n}" for kind, n in facts.pending.items())
            lines.append(f"pending:     {facts.pending_total} ({per_kind})")
        if facts.unsaved:
            who = "a stopped review left"
            if facts.open_review:
                who = f"review {facts.open_review} is still saving"
            lines.append(f"unsaved:     {facts.unsaved} decisions {who} in mapping.journal.json")
    confirmed = "no"
    if facts.confirmed:
        confirmed = "out of date (decisions changed after confirming)" if facts.stale else "yes, up to date"
    lines.append(f"confirmed:   {confirmed}")
    if not facts.runs:
        lines.append("runs:        none")
    for run in facts.runs:
        started = f"{run.started_at:%Y-%m-%d %H:%M}" if run.started_at else "?"
        approved = ", approved" if run.approved else ""
        lines.append(
            f"run:         {run.run_id} {run.mode} {run.status}{approved} "
            f"(location {run.location_id}, started {started})"
        )
    if facts.reconciled_at is None:
        lines.append("reconciled:  never")
    else:
        verdict = {True: "clean", False: "gaps found", None: "result unreadable"}[facts.reconcile_clean]
        lines.append(f"reconciled:  {facts.reconciled_at:%Y-%m-%d %H:%M} UTC, {verdict}")
    return lines
