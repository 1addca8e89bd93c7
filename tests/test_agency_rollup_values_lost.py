"""The agency roll-up shows each client's values lost beside its rows, and such a client is not clean."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.demo.agency_clients import Client
from assistant.demo.agency_rollup import HEADER, read_outcome, write_rollup


def _reconciled(ws: Path, lost: int) -> None:
    tables = [{"table": "clients", "values_lost": lost}, {"table": "jobs", "values_lost": 0}]
    data = {"clean": lost == 0, "accounting": {"totals": {"landed": 12}, "tables": tables}}
    (ws / "reports").mkdir(parents=True)
    (ws / "reports" / "reconciliation.json").write_text(json.dumps(data), encoding="utf-8")


def test_a_client_with_values_lost_shows_them_and_is_not_clean(tmp_path: Path) -> None:
    verified = json.dumps({"agreement": 1.0, "differs": 0, "missing": 0})
    outcomes = []
    for name, lost in (("client-01", 0), ("client-02", 3)):
        _reconciled(tmp_path / name, lost)
        outcomes.append(read_outcome(Client(name, "stel_order", 1, None, "Loc"), tmp_path / name, verified))
    assert [(o.values_lost, o.clean) for o in outcomes] == [(0, True), (3, False)]
    text = write_rollup(outcomes, tmp_path / "reports", []).read_text(encoding="utf-8")
    assert "| " + " | ".join(HEADER) + " |" in text and "values lost" in HEADER
    row = next(line for line in text.splitlines() if line.startswith("| client-02 "))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[HEADER.index("values lost")] == "3" and cells[-1] == "NO"
