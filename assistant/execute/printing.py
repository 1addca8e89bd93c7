"""Terminal output of ``plan`` and ``apply``: the ordered plan and a run's per-pass summary."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.table import Table

from assistant.cli_common import console
from assistant.execute.accounting.summary import OUTCOMES, Accounting
from assistant.execute.apply import RunSummary
from assistant.execute.plan import Plan
from assistant.execute.preflight import Checklist
from assistant.execute.reconcile import Reconciliation
from assistant.workspace import Workspace


def print_plan(ws: Workspace, plan: Plan) -> None:
    hl = ws.settings.highlevel
    table = Table(title="Plan (in this order)")
    for col in ("pass", "records", "requests", "source rows", "transform errors"):
        table.add_column(col)
    table.add_row(
        "schema: custom fields + tags",
        str(plan.fields_to_create + plan.tags_to_create),
        str(plan.schema_requests),
        "",
        "",
    )
    last_contact = max((i for i, ln in enumerate(plan.lines) if ln.name.startswith("contact:")), default=-1)
    for i, step in enumerate(plan.lines):
        table.add_row(
            step.name, str(step.records), str(step.requests), str(step.source_rows), str(step.errors)
        )
        if i == last_contact:
            table.add_row("company links (bulk)", "", str(plan.link_requests), "", "")
    console.print(table)
    seconds = plan.seconds(hl.requests_per_window, hl.window_seconds)
    console.print(
        f"{plan.total_requests} requests ≈ {seconds / 60:.1f} min at {hl.requests_per_window} per "
        f"{hl.window_seconds:g} s"
    )
    if plan.mismatches:  # reported, never fixed: each document is sent as its lines say
        report = ws.reports_dir / "plan-totals.md"
        report.parent.mkdir(parents=True, exist_ok=True)
        title = "# Documents whose lines miss the stated total (each is sent as its lines say)"
        lines = [title, "", *(f"- {m}" for m in plan.mismatches)]
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print_list("Totals check: documents whose lines miss the stated total", plan.mismatches, report)
    days = -(-plan.total_requests // hl.daily_requests)  # ceiling
    if days > 1:
        console.print(
            f"needs {days} days: HighLevel allows {hl.daily_requests:,} requests per location per day; "
            + (
                "apply pauses when a day's budget is spent and resumes by itself when it resets"
                if hl.wait_for_daily_reset
                else "apply stops when a day's budget is spent (highlevel.wait_for_daily_reset is off)"
            ),
            highlight=False,
        )
    else:
        console.print(f"fits in one day's budget ({hl.daily_requests:,} requests per location)")
    comp = plan.compatibility
    console.print(
        f"Compatibility: {comp['one_to_one']} of {comp['objects']} objects map 1:1; need an object mapping: "
        f"{', '.join(comp['need_transformation']) or 'none'}; complexity {comp['grade']}; "
        f"run time ≈ {comp['run_hours_at_limit']} h at the rate limit"
    )
    if plan.lookalikes:
        console.print("[bold]Source records that look alike, and what the run does with them:[/]")
        for line in plan.lookalikes:
            console.print(f"  - {line}", highlight=False, markup=False)
    if plan.blank_links:
        console.print("[bold]Links read another way than the cell alone gives:[/]")
        for line in plan.blank_links:
            console.print(f"  - {line}", highlight=False, markup=False)
    if plan.table_stages:
        console.print("[bold]Pipeline stages no column gives (decided for the whole table):[/]")
        for line in plan.table_stages:
            console.print(f"  - {line}", highlight=False, markup=False)
    if plan.cannot:
        console.print("[bold]Cannot migrate as records:[/]")
        for line in plan.cannot:
            console.print(f"  - {line}", highlight=False, markup=False)


def print_summary(summary: RunSummary) -> None:
    table = Table(title=f"run {summary.run_id} ({summary.mode}): {summary.status}")
    for col in ("pass", "created", "updated", "skipped", "failed", "conflicts"):
        table.add_column(col)
    for p in summary.passes:
        table.add_row(p.name, str(p.done), str(p.updated), str(p.skipped), str(p.failed), str(p.conflicts))
    console.print(table)
    console.print(f"{summary.requests} requests sent")
    for problem in summary.problems:
        console.print(f"[yellow]setup:[/] {problem}", highlight=False)
    if summary.stopped_by:
        console.print(
            f"[red]stopped:[/] {summary.stopped_by}. Rows not written yet stay pending: running the same "
            "`hlmap apply` again carries on, and nothing already written is written twice.",
            highlight=False,
        )


SHORT = {"excluded": "excl", "undecided": "undec", "not_carried": "n/carr", "pending": "pend"}
SHOWN = 10  # items of a long list printed in the terminal; the report file has every one


def print_list(title: str, items: list[str], report: Path | None = None) -> None:
    """A count, the first few items, and where the rest are: hundreds of lines help nobody on screen."""
    if not items:
        return
    console.print(f"{title}: {len(items)}", highlight=False, markup=False)
    for item in items[:SHOWN]:
        console.print(f"  - {item}", highlight=False, markup=False)
    if len(items) > SHOWN:
        where = f" (all in {report})" if report else ""
        console.print(f"  … and {len(items) - SHOWN} more{where}", highlight=False, markup=False)


def print_accounting(accounting: Accounting) -> None:
    """Every source table's rows by outcome; the reasons rows did not land under each table."""
    word = "clean" if accounting.clean else "NOT clean"
    table = Table(
        title=f"Source accounting (every row of the export): {word}", box=box.SIMPLE, padding=(0, 1)
    )
    totals = accounting.totals()
    shown = [o for o in OUTCOMES if totals[o]]  # outcomes no row has are left out (the report has all)
    width = len(str(sum(totals.values())))
    table.add_column("source table", overflow="fold", min_width=12)
    lost = ["values lost"] if accounting.values_lost else []  # values of landed rows that did not arrive
    for col in ("rows", *(SHORT.get(o, o) for o in shown), *lost):
        table.add_column(col, justify="right", no_wrap=True, min_width=max(width, len(col)))
    for t in accounting.tables:
        values = [str(t.values_lost or "")] if lost else []
        table.add_row(t.table, str(t.rows), *(str(t.counts.get(o, 0) or "") for o in shown), *values)
    values = [str(accounting.values_lost)] if lost else []
    table.add_row("all", str(sum(totals.values())), *(str(totals[o]) for o in shown), *values)
    console.print(table)
    for t in accounting.tables:
        shown_reasons = [*(t.reasons if not t.clean else []), *t.lost, *t.other_forms]
        if shown_reasons:
            console.print(f"{t.table}:", highlight=False, markup=False)
            for reason in shown_reasons:
                console.print(f"  - {reason}", highlight=False, markup=False)
    print_list("Rows read back from broken export lines (meta.repairs)", accounting.repaired)


def print_reconciliation(result: Reconciliation, report: Path, rows_csv: Path | None = None) -> None:
    print_accounting(result.accounting)
    if rows_csv is not None:
        console.print(f"Every row that did not land, and why: exec.accounting / {rows_csv}", markup=False)
        if result.accounting.values_lost:
            lost = rows_csv.with_name("values-lost.csv")
            console.print(f"Every value of a landed row that did not arrive, and why: {lost}", markup=False)
    table = Table(title=f"Reconciliation: {'clean' if result.clean else 'NOT clean'}")
    for col in ("object", "source", "ledger", "destination", "equal"):
        table.add_column(col)
    for o in result.objects:
        table.add_row(o.object, str(o.source), str(o.ledger), str(o.destination), "yes" if o.equal else "NO")
    console.print(table)
    identity = result.identity
    print_list(
        "Records a run made that no ledger row names",
        [f"{u['object']} {u['id']}: {u['why']}" for u in identity.unledgered],
        report,
    )
    print_list(
        "Matches that share no key HighLevel matches on",
        [f"{w['op_id']} → {w['id']}: {w['why']}" for w in identity.wrong_merges],
        report,
    )
    print_list(
        "Records several ledger rows claim",
        [
            f"{s['object']} {s['id']}: {', '.join(s['ledger_rows'])}"
            for s in identity.shared
            if not s["explained"]
        ],
        report,
    )
    for o in result.objects:
        print_list(f"{o.object}: missing in HighLevel", o.missing_in_destination, report)
        print_list(f"{o.object}: not migrated", o.missing_in_ledger, report)
    fields = [f"{k}: {n} records" for k, n in sorted(result.custom_fields_missing.items())]
    print_list("Custom fields with missing values", fields, report)
    print_list("Duplicates matched to an existing record (values not written)", result.duplicates, report)
    print_list("Orphans", result.orphans, report)
    totals = ", ".join(f"{k} {v}" for k, v in sorted(result.destination_totals.items()))
    console.print(f"Destination totals (everything in the location): {totals}", highlight=False)
    console.print(f"Report: {report}", highlight=False, markup=False)


def print_checklist(checklist: Checklist) -> None:
    console.print(f"[bold]Pre-flight checklist[/] ({checklist.digest}; `apply --preflight-ok` confirms it):")
    for item in checklist.items:
        console.print(f"  [ ] {item}", highlight=False, markup=False)


def print_daily_pause(wait: float) -> None:
    console.print(f"daily budget spent: paused for {wait / 3600:.2f} h, resumes by itself when it resets")
