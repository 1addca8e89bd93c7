"""``hlmap plan | apply | rollback | reconcile | rebuild-reference``."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.errors import HlmapError
from assistant.execute.accounting.export import write_csv, write_lost_csv
from assistant.execute.apply import RunSummary, run_apply
from assistant.execute.audit import audit_path
from assistant.execute.daily_pause import show_daily_pause
from assistant.execute.delta import delta_preview
from assistant.execute.diff import sample_diff, write_reports
from assistant.execute.fanout import FanOutOptions
from assistant.execute.fanout_cli import fan_out_command
from assistant.execute.gate import check_mode, check_preflight
from assistant.execute.history_changes import CHANGED_TITLE, change_lines
from assistant.execute.ledger import failed_operations
from assistant.execute.plan_command import plan_command
from assistant.execute.prepare import prepare, source_zone
from assistant.execute.printing import (
    print_list,
    print_reconciliation,
    print_summary,
)
from assistant.execute.reconcile import reconcile
from assistant.execute.reconcile_report import write_report
from assistant.execute.rollback_cli import rollback_command
from assistant.execute.sample import approve, choose_sample
from assistant.execute.survivorship import parse_choices
from assistant.execute.update import conflict_lines
from assistant.execute.verify.command import location_country, print_verification, run_verification
from assistant.highlevel.credentials import connect
from assistant.workspace import Workspace

LocationOption = Annotated[
    str | None, typer.Option("--location-id", help="HighLevel sub-account (location) id.")
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option("--base-url", help="API root (default from settings; the stand-in's URL to rehearse)."),
]


def _workspace(path: Any, location_id: str | None = None, base_url: str | None = None) -> Workspace:
    return open_workspace(path, {"highlevel": {"location_id": location_id, "base_url": base_url}})


def apply_command(
    workspace: WorkspaceOption = ".",  # type: ignore[assignment]
    location_id: LocationOption = None,
    base_url: BaseUrlOption = None,
    sample: Annotated[int | None, typer.Option("--sample", help="Migrate N records and diff them.")] = None,
    delta: Annotated[
        bool, typer.Option("--delta", help="Create new, update changed records since the full run.")
    ] = False,
    approve_sample: Annotated[
        str | None, typer.Option("--approve-sample", help="Approve a sample run, then run in full.")
    ] = None,
    skip_sample: Annotated[
        bool, typer.Option("--skip-sample", help="Run in full without an approved sample.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bars.")] = False,
    preflight_ok: Annotated[
        bool, typer.Option("--preflight-ok", help="I settled the plan's pre-flight checklist in HighLevel.")
    ] = False,
    who: Annotated[str | None, typer.Option("--who", help="Who acknowledges (default: OS user).")] = None,
    on_duplicate: Annotated[
        list[str] | None,
        typer.Option("--on-duplicate", help="OBJECT=skip|fill_empty|overwrite|separate (repeatable)."),
    ] = None,
    no_verify: Annotated[
        bool, typer.Option("--no-verify", help="Skip the read-back verification after a full run.")
    ] = False,
    locations: Annotated[
        str | None,
        typer.Option("--locations", help="L1,L2,...: several locations at once, each with its own ledger."),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option("--manifest", help="TOML file of [[client]] workspace/location lines, run at once."),
    ] = None,
) -> None:
    """Apply the confirmed map to a HighLevel location (or the local stand-in), or to many at once."""
    if locations or manifest:
        if location_id or approve_sample or on_duplicate:
            raise HlmapError(
                "--locations/--manifest: --location-id, --approve-sample and --on-duplicate apply to one "
                "location (approve each sample in its workspace: the per-location table names it)"
            )
        mode = "sample" if sample else "delta" if delta else "full"
        options = FanOutOptions(mode, sample or 0, skip_sample, preflight_ok, who, not no_verify)
        fan_out_command(Path(workspace), locations, manifest, base_url, options)
        return
    ws = _workspace(workspace, location_id, base_url)
    loc = ws.settings.highlevel.location_id
    if not loc:
        raise HlmapError("--location-id is required (or [highlevel] location_id in hlmap.toml)")
    con = ws.connect()
    if approve_sample:
        approve(con, approve_sample)
    mode = "sample" if sample else "delta" if delta else "full"
    check_mode(con, loc, mode, skip_sample)
    prepared = prepare(ws)
    selection = choose_sample(con, prepared.specs, sample) if sample else None
    choices = parse_choices(on_duplicate or [], {o.source_object for o in prepared.doc.objects})
    check_preflight(ws, loc, prepared, mode, preflight_ok, who)
    if mode == "delta":
        preview_ = delta_preview(con)
        console.print(
            f"delta: {preview_.new} new, {preview_.changed} changed, {preview_.unchanged} unchanged"
        )
        for oid in preview_.deleted_in_source[:50]:
            console.print(f"  deleted in the source (not applied): {oid}", markup=False)

    async def go() -> RunSummary:
        async with connect(ws.settings.highlevel, loc) as (hl, agency):
            await hl.check_token()  # a refused token leaves no failed run behind
            show_daily_pause(hl, ws.root, loc)
            summary = await run_apply(
                ws,
                prepared,
                hl,
                mode,
                selection=selection,
                console=None if quiet else console,
                sample_size=sample or 0,
                on_duplicate=choices,
                agency=agency,
            )
            if mode == "sample" and summary.status == "done":
                rows = await sample_diff(
                    hl,
                    con,
                    summary.run_id,
                    prepared.specs,
                    summary.field_ids,
                    location_country(ws),
                    source_zone(ws),
                )
                failed = failed_operations(con, summary.run_id)
                md, csv_path = write_reports(rows, ws.reports_dir, summary.run_id, failed, summary.problems)
                bad = sum(1 for r in rows if not r.match)
                console.print(f"sample diff: {len(rows)} fields, {bad} mismatches → {md} / {csv_path}")
            if mode == "full" and summary.status == "done" and not no_verify:
                try:
                    print_verification(await run_verification(hl, ws), console, ws.reports_dir)
                except HlmapError as exc:  # the run itself is done; the check can be repeated alone
                    console.print(f"verification did not finish ({exc}); run `hlmap verify`", markup=False)
            return summary

    summary = asyncio.run(go())
    print_summary(summary)
    print_list("Failed operations", failed_operations(con, summary.run_id), audit_path(ws.root))
    print_list(
        "Conflicts (values in exec.conflicts)", conflict_lines(con, summary.run_id), audit_path(ws.root)
    )
    print_list(CHANGED_TITLE, change_lines(con, summary.run_id), audit_path(ws.root))
    if summary.status != "done" or any(p.failed for p in summary.passes):
        raise typer.Exit(1)


def reconcile_command(
    workspace: WorkspaceOption = ".",  # type: ignore[assignment]
    location_id: LocationOption = None,
    base_url: BaseUrlOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Account for every source row, compare source, ledger and destination, check identity.

    Exits 0 only when clean: no source row held back, failed, not carried, unsent or undecided, no value
    of a row that landed refused on the way (``values_lost``),
    the counts agree, and every record a run made matches exactly one ledger row.
    """
    ws = _workspace(workspace, location_id, base_url)
    con = ws.connect()
    prepared = prepare(ws)  # the current source, compiled

    async def go() -> Any:
        async with connect(ws.settings.highlevel, ws.settings.highlevel.location_id or "") as (hl, _):
            return await reconcile(hl, con, prepared)

    result = asyncio.run(go())
    path = write_report(result, ws.reports_dir)
    csv_path = write_csv(con, ws.reports_dir)
    write_lost_csv(con, ws.reports_dir)  # header only when every value arrived
    (ws.reports_dir / "reconciliation.json").write_text(
        json.dumps(result.to_json(), indent=2), encoding="utf-8"
    )
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
    else:
        print_reconciliation(result, path, csv_path)
    ws.close()  # before the exit code: a caller in the same process may open the workspace next
    if not result.clean:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("plan")(plan_command)
    app.command("apply")(apply_command)
    app.command("rollback")(rollback_command)
    app.command("reconcile")(reconcile_command)
