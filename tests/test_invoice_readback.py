"""Native invoices are read back and compared as documents by the sample diff and by verify.

The tiny migration with its invoices (tests/test_invoice_wiring.py) runs a sample of two records
per object: the sample diff holds a row per invoice value (number, dates, contact, one per line)
that matches what HighLevel answers, a delta sees the sent documents as unchanged, and
`hlmap verify` agrees on every invoice value it wrote.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute.delta import delta_preview
from tests.invoice_setup import invoice_document
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace
from tests.test_invoice_wiring import grow

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)


def test_sample_diff_and_verify_compare_invoices_as_documents(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", invoice_document())
    grow(ws)
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    sample = runner.invoke(app, ["apply", "-w", str(ws.root), *at, "--sample", "2"], catch_exceptions=False)
    assert sample.exit_code == 0, sample.output
    diff = next((ws.root / "reports").glob("sample-diff-*.csv"))
    rows = [r for r in csv.DictReader(diff.open(encoding="utf-8")) if r["object"] == "invoice"]
    fields = {r["field"] for r in rows}
    assert {"invoiceNumber", "issueDate", "contactId", "line 1"} <= fields
    assert all(r["match"] == "True" for r in rows), [r for r in rows if r["match"] != "True"]
    line = next(r for r in rows if r["field"] == "line 1" and r["source_key"] == "F1")
    assert line["actual"] == "Grifo x 2 @ 50 tax 21%"

    con = ws.connect()  # what the sample sent is unchanged for a delta, documents included
    assert delta_preview(con).changed == 0
    ws.close()

    verify = runner.invoke(app, ["verify", "-w", str(ws.root), *at], catch_exceptions=False)
    assert "invoice" in verify.output, verify.output
    con = ws.connect()
    outcomes = con.execute(
        "SELECT outcome, count(*) FROM exec.verification WHERE object = 'invoice' GROUP BY ALL"
    ).fetchall()
    ws.close()
    assert dict(outcomes) == {"agreed": len(rows)}  # the same values the sample diff compared
