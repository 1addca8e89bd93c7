"""``hlmap verify`` sums invoice totals per source status on both sides and flags a difference.

The tiny migration's invoices: FV-1 paid (100.00, its lines say so), FV-6 unpaid whose lines sum to
25.00 though it states 30.00 (sent as its lines say, so HighLevel holds 25.00), FV-3 unpaid whose
contact has no email (carried as a note), and FV-7 paid, stating 20.00 while its line says 21.00
(the payment of its stated total leaves HighLevel's invoice partially paid, said beside it). Both
statuses are flagged, each with the document that causes it and the note counted apart, and verify
exits 1; the report carries the same figures as a table (source vs HighLevel, count and sum) and
the causing documents below it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.invoice_setup import add_invoice_tables, invoice_document
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)
INVOICES = [("F1", "C1", "FV-1", "2024-03-01", "", "100.00", "Pagada"),
            ("F3", "C3", "FV-3", "2024-03-02", "", "50.00", "Pendiente"),
            ("F6", "C1", "FV-6", "2024-03-04", "", "30.00", "Pendiente"),
            ("F7", "C1", "FV-7", "2024-03-05", "", "20.00", "Pagada")]  # fmt: skip
LINES = [("F1", "Grifo", "1", "100", "0"), ("F3", "Visita", "1", "50", "0"), ("F6", "Junta", "1", "25", "0"),
         ("F7", "Tubo", "1", "21", "0")]  # fmt: skip


def test_verify_sums_invoice_totals_per_status_and_flags_a_difference(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", invoice_document())
    add_invoice_tables(ws, INVOICES, LINES)
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    applied = runner.invoke(
        app, ["apply", "-w", str(ws.root), "--skip-sample", "--preflight-ok", "--quiet", "--no-verify", *at]
    )
    assert applied.exit_code == 0, applied.output

    checked = runner.invoke(app, ["verify", "-w", str(ws.root), "--json", *at], catch_exceptions=False)
    totals = {t["status"]: t for t in json.loads(checked.stdout)["document_totals"] if t["kind"] == "invoice"}
    assert checked.exit_code == 1  # a total differs
    paid, unpaid = totals["paid"], totals["unpaid"]
    assert (paid["source_n"], paid["source_sum"], paid["native_n"], paid["held_sum"]) == (2, 120.0, 2, 121.0)
    assert paid["held_statuses"] == {"paid": 1, "partially_paid": 1} and paid["differs"]
    assert paid["causes"] == [
        "FV-7: source 20.00, HighLevel 21.00 (+1.00); the source's total disagrees with its own lines (its "
        "stated total is not its lines' sum); HighLevel holds it partially paid: the source's payment of its "
        "total leaves 1.00 due"
    ]
    assert (unpaid["source_n"], unpaid["source_sum"]) == (2, 80.0)
    assert (unpaid["native_n"], unpaid["native_source_sum"], unpaid["held_sum"]) == (1, 30.0, 25.0)
    assert (unpaid["noted_n"], unpaid["noted_sum"]) == (1, 50.0) and unpaid["differs"]

    shown = runner.invoke(app, ["verify", "-w", str(ws.root), *at], env={"COLUMNS": "250"})
    said = " ".join(shown.output.split())
    assert (
        "invoice unpaid: source 2 = 80.00; native 1: source 30.00, HighLevel 25.00 (draft 1) [DIFFERS]"
        in said
    )
    assert "as notes 1 = 50.00" in said and "invoice paid: source 2 = 120.00" in said
    report = (ws.root / "reports" / "verification.md").read_text(encoding="utf-8")
    assert "## Invoice and estimate totals per source status" in report
    assert "| invoice | unpaid | 2 | 80.00 | 1 | 30.00 | 25.00 | -5.00 | 1, 50.00 | 0 | no |" in report
    assert "| invoice | paid | 2 | 120.00 | 2 | 120.00 | 121.00 | +1.00 | 0, 0.00 | 0 | no |" in report
    cause = "FV-6: source 30.00, HighLevel 25.00 (-5.00); the source's total disagrees with its own lines"
    assert f"- invoice unpaid: {cause} (its stated total is not its lines' sum)" in report
    assert unpaid["causes"] == [f"{cause} (its stated total is not its lines' sum)"]
    assert "caused by 1 document(s): " + cause in said


def test_the_terminal_names_three_causing_documents_and_counts_the_rest() -> None:
    from assistant.execute.verify.document_totals import StatusTotal, totals_lines, totals_table

    causes = [f"F-{n}: source 1.00, HighLevel 1.01 (+0.01)" for n in range(5)]
    total = StatusTotal("invoice", "paid", 5, 5.0, 5, 5.0, 5.05, causes=causes)
    (line,) = totals_lines([total])
    assert "caused by 5 document(s): F-0: " in line and "F-2: source" in line and "F-3:" not in line
    assert line.endswith("… and 2 more (every one in the verification report)")
    assert sum(c in "\n".join(totals_table([total])) for c in causes) == 5
