"""``reports/reconciliation.md``: the source accounting first, then counts, identity and the lists."""

from __future__ import annotations

from pathlib import Path

from assistant.execute.accounting.summary import OUTCOMES, Accounting
from assistant.execute.reconcile import Reconciliation


def accounting_lines(accounting: Accounting) -> list[str]:
    """The per-table outcome counts as a Markdown table, then why rows did not land, per table."""
    outcomes = [o.replace("_", " ") for o in OUTCOMES]
    head = ["source table", "rows", *outcomes, "values lost", "clean"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for t in accounting.tables:
        cells = [t.table, str(t.rows), *(str(t.counts.get(o, 0)) for o in OUTCOMES), str(t.values_lost)]
        lines.append("| " + " | ".join([*cells, "yes" if t.clean else "**NO**"]) + " |")
    totals = accounting.totals()
    cells = ["**all**", str(sum(totals.values())), *(str(totals[o]) for o in OUTCOMES)]
    lines.append("| " + " | ".join([*cells, str(accounting.values_lost), ""]) + " |")
    for t in accounting.tables:
        reasons = t.reasons if not set(t.counts) <= {"landed"} else []
        if reasons or t.lost or t.other_forms:
            lines += ["", f"**{t.table}**" + (f" (decision {t.decision})" if t.decision else "")]
            lines += [f"- {r}" for r in [*reasons, *t.lost, *t.other_forms]]
    if accounting.repaired:
        lines += [
            "",
            f"**Rows read back from broken export lines** ({len(accounting.repaired)}, meta.repairs)",
        ]
        lines += [f"- {r}" for r in accounting.repaired]
    return lines


def write_report(result: Reconciliation, folder: Path) -> Path:
    lines = ["# Reconciliation", "", f"Clean: {'yes' if result.clean else 'NO'}", ""]
    lines += ["## Source accounting (every row of the export)", ""]
    lines += accounting_lines(result.accounting)
    lines += ["", "Every row that did not land, and why: `exec.accounting` / accounting.csv", ""]
    if result.accounting.values_lost:
        lines += ["Every value of a landed row that did not arrive, and why: values-lost.csv", ""]
    lines += ["## Records: source, ledger, destination", ""]
    lines += ["| object | source | ledger | destination | equal |", "|---|---|---|---|---|"]
    lines += [
        f"| {o.object} | {o.source} | {o.ledger} | {o.destination} | {'yes' if o.equal else '**NO**'} |"
        for o in result.objects
    ]
    for o in result.objects:
        if o.missing_in_destination or o.missing_in_ledger:
            lines += ["", f"## {o.object}", ""]
            lines += [f"- missing in HighLevel: {m}" for m in o.missing_in_destination]
            lines += [f"- not migrated: {m}" for m in o.missing_in_ledger]
    identity = result.identity
    if identity.unledgered:
        lines += ["", "## Records a run made that no ledger row names", ""]
        lines += [f"- {u['object']} {u['id']}: {u['why']}" for u in identity.unledgered]
    if identity.wrong_merges:
        lines += ["", "## Matches that share no key HighLevel matches on", ""]
        lines += [f"- {w['op_id']} → {w['id']}: {w['why']}" for w in identity.wrong_merges]
    shared = [s for s in identity.shared if not s["explained"]]
    if shared:
        lines += ["", "## Records several ledger rows claim", ""]
        lines += [f"- {s['object']} {s['id']}: {', '.join(s['ledger_rows'])}" for s in shared]
    if result.custom_fields_missing:
        lines += ["", "## Custom fields with missing values", ""]
        lines += [f"- {k}: {n} records" for k, n in sorted(result.custom_fields_missing.items())]
    if result.duplicates:
        lines += ["", "## Duplicates matched to an existing record", ""] + [
            f"- {d}" for d in result.duplicates
        ]
    if result.orphans:
        lines += ["", "## Orphans", ""] + [f"- {o}" for o in result.orphans]
    totals = ", ".join(f"{k} {v}" for k, v in sorted(result.destination_totals.items()))
    lines += ["", f"Destination totals (everything in the location): {totals}"]
    path = folder / "reconciliation.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
