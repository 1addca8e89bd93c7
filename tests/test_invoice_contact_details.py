"""Invoices whose contact has no email or no phone travel as a note on that contact, not held.

HighLevel answers 422 to an invoice whose ``contactDetails.email`` or ``phoneNo`` is empty (the
stand-in applies the spec's required list, as HighLevel does). The tiny migration's C3 has an email
that does not convert and C5 no phone: their invoices arrive as one note each on their contact with
number, dates, status, total and lines, counted as landed (lines merged into the note), no invoice
created for them and nothing sent to anyone; C1's invoice is native. Rollback deletes the notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.workspace import Workspace
from tests.invoice_setup import add_invoice_tables, invoice_document
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)
INVOICES = [("F1", "C1", "FV-1", "2024-03-01", "", "100.00", "Pagada"),
            ("F3", "C3", "FV-3", "2024-03-02", "", "50.00", "Pendiente"),
            ("F5", "C5", "FV-5", "2024-03-03", "", "20.00", "Pendiente")]  # fmt: skip
LINES = [("F1", "Grifo", "1", "100", "0"), ("F3", "Visita", "1", "50", "0"), ("F5", "Junta", "1", "20", "0")]


def _accounted(ws: Workspace, table: str) -> dict[str, tuple[Any, ...]]:
    rows = ws.connect().execute(
        """SELECT source_key, outcome, destination_id, policy, into_record FROM exec.accounting
        WHERE source_table = ? ORDER BY "row\"""",
        [table],
    )
    return {str(r[0]): r[1:] for r in rows.fetchall()}


def test_invoices_of_contacts_without_email_or_phone_arrive_as_notes(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", invoice_document())
    add_invoice_tables(ws, INVOICES, LINES)
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], catch_exceptions=False, env={"COLUMNS": "250"})
    assert plan.exit_code == 0, plan.output
    said = " ".join(plan.output.split())
    assert "invoices: 2 invoices go as notes (total 70.00): their contact has no email or phone" in said
    assert "add one to the contact in the source export and re-run to make them native" in said
    assert "FV-3 (contact clients:C3 has no email); FV-5 (contact clients:C5 has no phone)" in said  # which
    before = len(sandbox.admin("GET", "records/invoices")["records"])
    applied = runner.invoke(
        app, ["apply", "-w", str(ws.root), "--skip-sample", "--preflight-ok", "--quiet", "--no-verify", *at]
    )
    assert applied.exit_code == 0, applied.output
    made = [i["invoiceNumber"] for i in sandbox.admin("GET", "records/invoices")["records"]]
    assert len(made) == before + 1 and "FV-1" in made and not {"FV-3", "FV-5"} & set(made)
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0  # no /send, no text-to-pay
    notes = {n["body"].split("\n")[0]: n for n in sandbox.admin("GET", "records/notes")["records"]}
    fv3 = notes["Invoice FV-3"]["body"]
    assert "Number: FV-3" in fv3 and "Issue date: 2024-03-02" in fv3 and "Total: 50.00" in fv3
    assert "Status: unpaid (Pendiente)" in fv3 and "- Visita: 1 x 50.00" in fv3
    assert (
        "- Junta: 1 x 20.00" in notes["Invoice FV-5"]["body"]
        and "no phone; HighLevel refuses such an invoice" in notes["Invoice FV-5"]["body"]
    )

    recon = runner.invoke(app, ["reconcile", "-w", str(ws.root), "--json", *at], catch_exceptions=False)
    assert recon.exit_code in (0, 1), recon.output
    invoices, lines = _accounted(ws, "invoices"), _accounted(ws, "lines")
    ws.close()
    assert [invoices[k][0] for k in ("F1", "F3", "F5")] == ["landed"] * 3
    assert invoices["F3"][1] == notes["Invoice FV-3"]["id"]  # the note's id
    assert invoices["F3"][2] == "document-as-note-without-contact-details"
    assert [lines[k][0] for k in ("F1", "F3", "F5")] == ["merged"] * 3
    assert lines["F3"][1] == notes["Invoice FV-3"]["id"] and lines["F3"][3] == "document_as_note:invoices:F3"

    rolled = runner.invoke(app, ["rollback", "-w", str(ws.root), "--yes", *at], catch_exceptions=False)
    assert rolled.exit_code == 0, rolled.output
    left = [n["body"] for n in sandbox.admin("GET", "records/notes")["records"]]
    assert not any(b.startswith("Invoice FV-") for b in left)


def test_the_stand_in_refuses_an_invoice_whose_contact_has_no_email(sandbox: SandboxHandle) -> None:
    headers = {"Authorization": f"Bearer {sandbox.token}", "Version": "2021-07-28"}
    with httpx.Client(base_url=sandbox.url, headers=headers) as http:
        made = http.post(
            "/contacts/",
            json={"locationId": sandbox.location_id, "firstName": "Ana", "phone": "+34600000001"},
        )
        body = {
            "altId": sandbox.location_id, "altType": "location", "name": "F", "currency": "EUR",
            "businessDetails": {"name": "Acme"}, "discount": {"type": "percentage", "value": 0},
            "items": [{"name": "Grifo", "currency": "EUR", "amount": 10, "qty": 1}],
            "contactDetails": {"id": made.json()["contact"]["id"], "name": "Ana", "phoneNo": "+34600000001",
                               "email": ""},
            "issueDate": "2024-03-01", "sentTo": {"email": []}, "liveMode": False,
        }  # fmt: skip
        answer = http.post("/invoices/", json=body)
    assert answer.status_code == 422 and "contactDetails.email should not be empty" in answer.text
