"""``hlmap verify``: read back every migrated record in pages and compare every written value."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.errors import HlmapError
from assistant.execute.prepare import source_zone
from assistant.execute.verify.check import OUTCOMES, Verification, verify
from assistant.execute.verify.document_totals import totals_json, totals_lines
from assistant.execute.verify.report import (
    causes_line,
    reads_line,
    save_table,
    summary_line,
    write_reports,
)
from assistant.execute.verify.written import written
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.credentials import connect
from assistant.workspace import Workspace


async def run_verification(hl: HighLevelClient, ws: Workspace) -> Verification:
    """Verify what the ledger says was written to ``hl``'s location; save the table and reports."""
    con = ws.connect()
    if not written(con, hl.location_id):
        raise HlmapError(
            f"nothing to verify: the ledger holds no record written into location {hl.location_id} "
            "(run `hlmap apply` first)"
        )
    share = ws.settings.execute.verify_read_share
    result = await verify(hl, con, share, location_country(ws), source_zone(ws))
    save_table(con, result)
    write_reports(result, ws.reports_dir)
    return result


def location_country(ws: Workspace) -> str | None:
    """The destination's country (phones without a prefix are read in it), from its snapshot."""
    from assistant.highlevel.snapshot import load_destination

    try:
        return load_destination(ws).location.country
    except HlmapError:
        return None


def print_verification(result: Verification, out: Console, folder: Any) -> None:
    table = Table(title="Read-back verification (written values per object)")
    for column in ("object", *OUTCOMES):
        table.add_column(column, justify="left" if column == "object" else "right")
    per_object: dict[str, dict[str, int]] = {}
    for (obj, _), counts in result.by_field().items():
        row = per_object.setdefault(obj, dict.fromkeys(OUTCOMES, 0))
        for outcome in OUTCOMES:
            row[outcome] += counts[outcome]
    for obj, row in sorted(per_object.items()):
        table.add_row(obj, *(str(row[o]) for o in OUTCOMES))
    out.print(table)
    out.print(f"Agreement: {summary_line(result)}", markup=False, soft_wrap=True)
    out.print(f"Read-back cost: {reads_line(result)}", markup=False)
    if result.totals:
        out.print("Invoice and estimate totals per source status (source vs HighLevel):")
        for line in totals_lines(result.totals):
            out.print(f"  {line}", markup=False, soft_wrap=True)
    if not result.passed:
        out.print(f"Causes: {causes_line(result)}", markup=False, soft_wrap=True)
    out.print(f"Report: {folder / 'verification.md'}; differences: {folder / 'verification-differences.csv'}")


def verify_command(
    workspace: WorkspaceOption = ".",  # type: ignore[assignment]
    location_id: Annotated[
        str | None, typer.Option("--location-id", help="HighLevel sub-account (location) id.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="API root (default from settings; the stand-in's URL).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Read every migrated record back in pages and compare each written value; exit 1 on any difference."""
    ws = open_workspace(workspace, {"highlevel": {"location_id": location_id, "base_url": base_url}})
    if not ws.settings.highlevel.location_id:
        raise HlmapError("--location-id is required (or [highlevel] location_id in hlmap.toml)")

    async def go() -> Verification:
        async with connect(ws.settings.highlevel, ws.settings.highlevel.location_id or "") as (hl, _):
            return await run_verification(hl, ws)

    result = asyncio.run(go())
    if as_json:
        counts = {o: result.count(o) for o in OUTCOMES}
        data: dict[str, object] = {**counts, "agreement": result.agreement, "reads": result.reads}
        data.update(writes=result.writes, document_totals=[totals_json(t) for t in result.totals])
        typer.echo(json.dumps(data, indent=2))
    else:
        print_verification(result, console, ws.reports_dir)
    if not result.passed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("verify")(verify_command)
