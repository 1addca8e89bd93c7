"""The plan's loss section: each loss beside the decision that causes it, then the totals."""

from __future__ import annotations

from pathlib import Path

from assistant.cli_common import console
from assistant.execute.plan_losses import FAILED_WRITE, PlanLosses
from assistant.mapping.loss import Loss

SHOWN = 15  # losses printed in the terminal, largest first; the report file has every one
WORDS = {
    "excluded": "excluded by a decision",
    "held": "held back by a rule HighLevel forces",
    "not_carried": "not carried (merged away)",
    "undecided": "in tables no decision covers",
    "failed": "unreadable in the export",
    FAILED_WRITE: "failed when an earlier run sent them (errors in `hlmap reconcile`; apply resends them)",
}


def loss_text(line: Loss) -> str:
    sizes = [f"{line.records} records"] if line.records else []
    sizes += [f"{line.values} values"] if line.values else []
    return f"{line.item_id} — {', '.join(sizes)}: {line.why}"


def totals_text(losses: PlanLosses) -> list[str]:
    total = losses.source_rows
    share = f" ({losses.rows_left / total:.1%})" if total else ""
    lines = [f"Not carried in total: {losses.rows_left} of {total} source rows{share}"]
    lines += [f"  {n} {WORDS.get(o, o)}" for o, n in sorted(losses.rows.items()) if o in WORDS and n]
    if losses.parked:  # carried, but not to the parent they named
        lines.append(f"  (carried: {losses.parked} parked on the holding contact, parent not in the export)")
    lines.append(f"  and {losses.values_left} filled values the field decisions leave in the source")
    if losses.missing_in_export:
        cut = len(losses.missing_in_export)
        lines.append(f"Rows whose export line is cut short (values lost before the export): {cut}")
    return lines


def write_losses(losses: PlanLosses, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan-losses.md"
    body = ["# What the plan will not carry", ""] + [f"- {loss_text(line)}" for line in losses.lines]
    cut = ["", "## Values the export lacks (lines cut short, read back by the ingest)", ""]
    cut = cut + [f"- {line}" for line in losses.missing_in_export] if losses.missing_in_export else []
    path.write_text("\n".join([*body, *cut, "", *totals_text(losses)]) + "\n", encoding="utf-8")
    return path


def print_losses(losses: PlanLosses, report: Path) -> None:
    if not losses.lines and not losses.rows_left and not losses.missing_in_export:
        console.print("Nothing is left behind: every source row and filled value is carried.")
        return
    console.print("[bold]What this map will not carry (by the decision that causes it):[/]")
    for line in losses.lines[:SHOWN]:
        console.print(f"  - {loss_text(line)}", highlight=False, markup=False)
    if len(losses.lines) > SHOWN:
        console.print(f"  … and {len(losses.lines) - SHOWN} more (all in {report})", markup=False)
    for text in totals_text(losses):
        console.print(text, highlight=False, markup=False)
    for cut in losses.missing_in_export[:SHOWN]:
        console.print(f"  - {cut}", highlight=False, markup=False)
    if len(losses.missing_in_export) > SHOWN:
        console.print(f"  … and {len(losses.missing_in_export) - SHOWN} more (all in {report})", markup=False)
