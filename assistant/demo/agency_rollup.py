"""The agency's roll-up: one line per client from its source accounting and its read-back verification.

A client is clean when its reconciliation is (every source row landed, merged or excluded by a
decision, no value of a landed row lost; counts and identity agree) and every written value read
back equal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from assistant.demo.agency_clients import Client

SHOWN = ("landed", "merged", "excluded", "held", "failed")
OTHER = ("not_carried", "pending", "undecided")  # never clean; summed in one column
LOST = "values lost"  # values of rows that landed which did not arrive: never clean
HEADER = ("client", "platform", "map", "location", "rows", *SHOWN, "other", LOST, "verified", "clean")


@dataclass
class ClientOutcome:
    client: Client
    totals: dict[str, int]
    reconciled: bool
    agreement: float | None  # share of written values read back equal; None: no read-back
    differences: int  # values read back different or missing
    note: str = ""  # why a step gave no answer
    values_lost: int = 0  # values of landed rows that did not arrive (the reconciliation's)

    @property
    def rows(self) -> int:
        return sum(self.totals.values())

    @property
    def clean(self) -> bool:
        return self.reconciled and self.agreement is not None and self.differences == 0


def read_outcome(client: Client, workspace: Path, verify_json: str, note: str = "") -> ClientOutcome:
    """The client's figures from ``reports/reconciliation.json`` and ``hlmap verify --json`` output."""
    totals: dict[str, int] = {}
    reconciled, lost = False, 0
    path = workspace / "reports" / "reconciliation.json"
    if path.is_file():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        totals = {k: int(v) for k, v in data["accounting"]["totals"].items()}
        reconciled = bool(data["clean"])
        lost = sum(int(t.get("values_lost", 0)) for t in data["accounting"].get("tables", []))
    else:
        note = note or "no reconciliation"
    agreement, differences = None, 0
    try:
        verified: dict[str, Any] = json.loads(verify_json)
        agreement = verified.get("agreement")
        differences = int(verified.get("differs", 0)) + int(verified.get("missing", 0))
    except ValueError:
        note = note or "no read-back"
    return ClientOutcome(client, totals, reconciled, agreement, differences, note, lost)


def rollup_table(outcomes: list[ClientOutcome]) -> Table:
    table = Table(title="Agency roll-up: one sub-account per client")
    for column in HEADER:
        table.add_column(column, justify="right" if column in ("rows", *SHOWN, "other", LOST) else "left")
    for o in outcomes:
        table.add_row(*_cells(o))
    return table


def _cells(o: ClientOutcome) -> list[str]:
    verified = f"{o.agreement:.2%}" if o.agreement is not None else "-"
    return [
        o.client.name,
        o.client.platform,
        o.client.map_label(),
        o.client.location,
        str(o.rows),
        *(str(o.totals.get(k, 0)) for k in SHOWN),
        str(sum(o.totals.get(k, 0) for k in OTHER)),
        str(o.values_lost),
        verified,
        "yes" if o.clean else f"NO{': ' + o.note if o.note else ''}",
    ]


def totals_line(outcomes: list[ClientOutcome]) -> str:
    clean = sum(1 for o in outcomes if o.clean)
    rows = sum(o.rows for o in outcomes)
    carried = sum(o.totals.get("landed", 0) + o.totals.get("merged", 0) for o in outcomes)
    return f"{clean} of {len(outcomes)} clients clean; {rows:,} source rows, {carried:,} landed or merged"


def write_rollup(outcomes: list[ClientOutcome], folder: Path, figures: list[str]) -> Path:
    lines = ["# Agency rehearsal", "", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(_cells(o)) + " |" for o in outcomes]
    lines += ["", f"- {totals_line(outcomes)}", *(f"- {figure}" for figure in figures)]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "agency-rollup.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def print_rollup(outcomes: list[ClientOutcome], console: Console) -> None:
    console.print(rollup_table(outcomes))
    console.print(totals_line(outcomes), markup=False, highlight=False)
