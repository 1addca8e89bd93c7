"""The verification's reports: Markdown for people, CSV of every difference, a workspace table."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.execute import ledger
from assistant.execute.verify.check import OUTCOMES, Verification
from assistant.execute.verify.document_totals import totals_table
from assistant.report_csv import write_report_csv

TABLE_DDL = """CREATE TABLE IF NOT EXISTS exec.verification (
    verified_at TIMESTAMPTZ, object VARCHAR, source_object VARCHAR, source_key VARCHAR, hl_id VARCHAR,
    field VARCHAR, outcome VARCHAR, written VARCHAR, held VARCHAR, note VARCHAR)"""
COLUMNS = ("object", "source_object", "source_key", "hl_id", "field", "outcome", "written", "held", "note")
SHOWN_DIFFERENCES = 200


def summary_line(result: Verification) -> str:
    return (
        f"{result.count('agreed')} of {result.compared} written values agree ({result.agreement:.2%}); "
        f"{result.count('differs')} differ, {result.count('missing')} missing, "
        f"{result.count('unread')} not read back"
    )


def reads_line(result: Verification) -> str:
    return (
        f"{result.reads} read requests for {result.writes} write requests "
        f"({result.read_share:.2%}; budget {result.budget})"
    )


def causes_line(result: Verification) -> str:
    """Why values do not agree, by cause (the note without the record it names)."""
    counts: dict[str, int] = {}
    for c in result.checks:
        if c.outcome in ("differs", "missing"):
            cause = c.note.split(" (", 1)[0] if c.note.startswith("overwritten") else c.note
            counts[cause or "changed in HighLevel"] = counts.get(cause or "changed in HighLevel", 0) + 1
    return "; ".join(f"{n} {cause}" for cause, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def save_table(con: duckdb.DuckDBPyConnection, result: Verification) -> None:
    """``exec.verification`` holds the latest verification, one row per written value."""
    con.execute(TABLE_DDL)
    con.execute("DELETE FROM exec.verification")
    stamp = ledger.now()
    rows = [[stamp, *(getattr(c, k) for k in COLUMNS)] for c in result.checks]
    if rows:
        con.executemany(f"INSERT INTO exec.verification VALUES ({', '.join('?' * 10)})", rows)


def write_reports(result: Verification, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / "verification-differences.csv"
    differing = (c for c in result.checks if c.outcome != "agreed")
    write_report_csv(csv_path, list(COLUMNS), ([getattr(c, k) for k in COLUMNS] for c in differing))
    lines = [
        "# Verification: every written value read back",
        "",
        f"Result: {'all written values agree' if result.passed else '**differences found**'}",
        "",
        f"- {summary_line(result)}",
        f"- {reads_line(result)}",
        f"- causes: {causes_line(result) or 'none'}",
        f"- differences, one row each: `{csv_path.name}`; all rows: table `exec.verification`",
        "",
        "| object | field | " + " | ".join(OUTCOMES) + " |",
        "|---|---|" + "---|" * len(OUTCOMES),
    ]
    for (obj, name), counts in sorted(result.by_field().items()):
        lines.append(f"| {obj} | {_md(name)} | " + " | ".join(str(counts[o]) for o in OUTCOMES) + " |")
    if result.totals:
        lines += ["", "## Invoice and estimate totals per source status", ""]
        lines += totals_table(result.totals)
    bad = [c for c in result.checks if c.outcome in ("differs", "missing")]
    if bad:
        lines += ["", "## Differences", "", "| object | source key | field | written | held | note |"]
        lines.append("|---|---|---|---|---|---|")
        lines += [
            f"| {c.object} | {_md(c.source_object + ':' + c.source_key)} | {_md(c.field)} | {_md(c.written)} "
            f"| {_md(c.held)} | {_md(c.outcome + ('; ' + c.note if c.note else ''))} |"
            for c in bad[:SHOWN_DIFFERENCES]
        ]
        if len(bad) > SHOWN_DIFFERENCES:
            lines.append(f"\n… and {len(bad) - SHOWN_DIFFERENCES} more in `{csv_path.name}`")
    md_path = folder / "verification.md"
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return md_path, csv_path


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")[:120]
