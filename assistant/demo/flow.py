"""The demo's steps, in the order a migration engineer runs them."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.prompt import Confirm
from rich.table import Table

from assistant.demo.costs import print_rejection_costs
from assistant.demo.history import set_up_history
from assistant.demo.pipeline_rehearsal import pipelines_to_create, rehearse_pipeline_setup
from assistant.demo.readback import readback_summary
from assistant.demo.rerun import rerun_lines, save_env
from assistant.demo.standin import start_standin
from assistant.demo.steps import StepRunner
from assistant.demo.undecided import report_undecided
from assistant.errors import HlmapError
from assistant.fixturegen.generate import PLATFORMS, repo_fixtures_dir
from assistant.highlevel.state import load_state
from assistant.mapping import store
from assistant.workspace import Workspace

WHO = "hlmap demo --yes"


def run_demo(
    workspace: Path, *, platform: str, accept: bool, sample: int, rate_limit: int, console: Console
) -> None:
    if platform not in PLATFORMS:
        raise HlmapError(f"--platform {platform!r}: choose one of {', '.join(PLATFORMS)}")
    if not accept and not sys.stdin.isatty():
        raise HlmapError("the review needs a terminal; run `hlmap demo --yes` to accept proposals instead")
    fixture = repo_fixtures_dir() / platform
    write_settings(workspace, fixture / "destination.json", console)
    standin = start_standin(
        fixture / "destination.json", workspace / "standin-state.json", workspace / "standin.log", rate_limit
    )
    console.print(f"Local HighLevel stand-in at {standin.url} (location {standin.location_id})", markup=False)
    at = ["--location-id", standin.location_id, "--base-url", standin.url]
    env = {"HIGHLEVEL_TOKEN": standin.token, "HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW": str(rate_limit)}
    steps = StepRunner(workspace, console, env=env)
    env_file = save_env(workspace, env)
    try:
        steps.run("1/10 Ingest the source export", ["ingest", str(fixture / "source")])
        steps.run("2/10 Profile every column", ["profile"], output=workspace / "reports" / "profile.txt")
        steps.run("3/10 Snapshot the destination sub-account", ["target", "pull", *at])
        steps.run("4/10 Propose the map (offline)", ["propose"])
        missing = pipelines_to_create(workspace)
        if missing:  # the plan's setup step, done on the rehearsal location as an admin would
            rehearse_pipeline_setup(
                missing,
                url=standin.url,
                token=standin.token,
                location_id=standin.location_id,
                console=console,
            )
            steps.run("4/10 Snapshot the destination again, after the setup step", ["target", "pull", *at])
            steps.run("4/10 Propose again, with the new pipeline", ["propose"])
        if accept:
            console.rule("[bold]5/10 Accept the proposals above the confidence threshold")
            accept_above_threshold(workspace, console)
        else:
            steps.run("5/10 Review every proposal, then confirm (c)", ["review"], interactive=True)
            if not Workspace(workspace).confirmed_mapping_path.exists():
                raise HlmapError("the mapping was not confirmed; nothing was sent to HighLevel")
        set_up_history(workspace, standin.url, standin.token, console)
        steps.run("6/10 Plan", ["plan"])
        steps.run(
            f"7/10 Sample run of {sample} records, with its field-level diff",
            ["apply", *at, "--sample", str(sample)],
        )
        run_id = latest_sample_run(workspace)
        if not accept and not Confirm.ask(f"Approve sample {run_id} and run in full?", console=console):
            raise HlmapError(f"sample {run_id} not approved; the full run did not start")
        # the full run's own read-back is the demo's step 10, after the reconciliation
        steps.run(
            "8/10 Full run", ["apply", *at, "--approve-sample", run_id, "--no-verify", "--preflight-ok"]
        )
        reconciled = steps.run("9/10 Account for every source row, reconcile", ["reconcile", *at], allow=(1,))
        steps.run("10/10 Read every written value back and compare", ["verify", *at], allow=(1,))
    finally:
        standin.stop()
    show_reports(workspace, console)
    console.print("To re-run any step above as printed, bring the stand-in back first:", markup=False)
    for line in rerun_lines(env_file, standin.url, workspace / "standin-state.json", rate_limit):
        console.print(f"  {line}", markup=False, highlight=False)
    if reconciled != 0:
        console.print(
            "Reconciliation: NOT clean — source rows or values did not arrive; each row with its reason in "
            f"{workspace / 'reports' / 'accounting.csv'} (and exec.accounting), each value in "
            f"{workspace / 'reports' / 'values-lost.csv'}",
            markup=False,
            style="bold red",
        )
        raise typer.Exit(1)
    console.print(
        "Reconciliation: clean — every source row landed, merged or excluded by a decision, with every "
        f"value; read back: {readback_summary(workspace / 'reports')}",
        markup=False,
    )


def write_settings(workspace: Path, destination: Path, console: Console) -> None:
    """The demo's hlmap.toml: records whose owner matches no user go to the first active user."""
    state = load_state(destination)
    fallback = next((u.email for u in state.users if u.email and not u.deleted), None)
    lines = ['project = "demo"', "", "[propose]", "confidence_threshold = 0.7"]
    if fallback:
        lines.append(f'fallback_owner_email = "{fallback}"')
        console.print(f"Fallback owner for unmatched source users: {fallback} (hlmap.toml)", markup=False)
    (workspace / "hlmap.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def accept_above_threshold(workspace: Path, console: Console) -> None:
    """Accept what the proposer is sure of, reject the rest, confirm; show what was decided."""
    from assistant.review.session import open_session

    ws = Workspace(workspace)
    try:
        threshold = ws.settings.propose.confidence_threshold
        session = open_session(ws, WHO)
        accepted = session.accept_above(threshold, custom_field_models_confirmed=True)
        rejected = session.reject_pending()
        path = session.confirm()
        table = _decisions_table(accepted, rejected, threshold)
        console.print(table)
        print_rejection_costs(ws, rejected, console)
    finally:
        ws.close()
    console.print(f"confirmed mapping written to {path}", markup=False)
    ws = Workspace(workspace)
    try:
        report_undecided(store.load_confirmed(ws), console)
    finally:
        ws.close()


def _decisions_table(accepted: list[str], rejected: list[str], threshold: float) -> Table:
    table = Table(title=f"decisions (threshold {threshold:.2f})")
    for column in ("kind", "accepted", "rejected (below threshold: not migrated)"):
        table.add_column(column)
    kinds_accepted = Counter(item_id.split(":", 1)[0] for item_id in accepted)
    kinds_rejected = Counter(item_id.split(":", 1)[0] for item_id in rejected)
    for kind in sorted(set(kinds_accepted) | set(kinds_rejected)):
        table.add_row(kind, str(kinds_accepted[kind]), str(kinds_rejected[kind]))
    return table


def latest_sample_run(workspace: Path) -> str:
    ws = Workspace(workspace)
    try:
        row = (
            ws.connect()
            .execute(
                "SELECT run_id FROM exec.runs WHERE mode = 'sample' AND status = 'done' "
                "ORDER BY started_at DESC LIMIT 1"
            )
            .fetchone()
        )
    finally:
        ws.close()
    if row is None:
        raise HlmapError("the sample run did not finish; see the output above")
    return str(row[0])


def show_reports(workspace: Path, console: Console) -> None:
    console.rule("[bold]Reports")
    for path in sorted((workspace / "reports").rglob("*")):
        if path.is_file():
            console.print(f"  {path}", markup=False)
    console.print(f"  {workspace / 'mapping.confirmed.yaml'}", markup=False)
    audit = workspace / "audit.jsonl"  # every request the runs sent, one JSON line each
    if audit.exists():
        console.print(f"  {audit}", markup=False)
    state = workspace / "standin-state.json"
    if state.exists():  # the stand-in records, never delivers, a send or text-to-pay
        sent = json.loads(state.read_text(encoding="utf-8")).get("tables", {}).get("customerMessages", {})
        console.print(f"Messages to customers (invoice send, text-to-pay) the stand-in received: {len(sent)}")
    console.print(f"Workspace: {workspace} (re-run any step with -w {workspace})", markup=False)
