"""Billing to the business through plan and apply: the tiny migration's FV-3 names client C3, whose
email does not read as one (``ana.fuente@example``), so HighLevel would refuse it and it went as a
note. With ``billing:invoices`` accepted, the plan names FV-3 and that its email comes from the
location's own details (the destination snapshot); the run makes it a native invoice whose billing
email is the business's, C3's contact record keeps no email, nothing is sent. Rejected, FV-3 stays a
note and the plan says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import BusinessBilling
from assistant.mapping.models import Status
from tests.invoice_setup import add_invoice_tables, invoice_document
from tests.sandbox_process import TEST_DESTINATION, SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)
BUSINESS = {"email": "oficina@reformas.example.com", "phone": "+34963000100"}
INVOICES = [("F1", "C1", "FV-1", "2024-03-01", "", "100.00", "Pagada"),
            ("F3", "C3", "FV-3", "2024-03-02", "", "50.00", "Pendiente")]  # fmt: skip
LINES = [("F1", "Grifo", "1", "100", "0"), ("F3", "Visita", "1", "50", "0")]


def _workspace(root: Path, status: Status) -> Path:
    doc = invoice_document()
    billing = BusinessBilling(id="billing:invoices", source_object="invoices", document="invoice")
    billing.decide(status, "ana")
    doc.billings = [billing]
    ws = tiny_workspace(root / "ws", doc)
    add_invoice_tables(ws, INVOICES, LINES)
    state = {**TEST_DESTINATION, "location": {**TEST_DESTINATION["location"], **BUSINESS}}
    (root / "destination.json").write_text(json.dumps(state), encoding="utf-8")
    loaded = runner.invoke(app, ["target", "load", str(root / "destination.json"), "-w", str(ws.root)])
    assert loaded.exit_code == 0, loaded.output
    return ws.root


def test_accepted_billing_makes_the_invoice_native_with_the_business_details(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _workspace(tmp_path, Status.ACCEPTED)
    planned = runner.invoke(app, ["plan", "-w", str(ws)], env={"COLUMNS": "400"})
    said = " ".join(planned.output.split())
    assert (
        "business's own email and phone from the location's own details (GET /locations/{locationId})" in said
    )
    assert "native documents: invoice:invoices (email, 1): FV-3" in said
    assert "go as notes" not in said

    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    applied = runner.invoke(
        app, ["apply", "-w", str(ws), "--skip-sample", "--preflight-ok", "--quiet", "--no-verify", *at]
    )
    assert applied.exit_code == 0, applied.output
    made = {i["invoiceNumber"]: i for i in sandbox.admin("GET", "records/invoices")["records"]}
    fv3 = made["FV-3"]
    assert fv3["contactDetails"]["email"] == BUSINESS["email"]
    assert fv3["contactDetails"]["phoneNo"] != BUSINESS["phone"]  # C3's own phone stays
    contact = next(
        c
        for c in sandbox.admin("GET", "records/contacts")["records"]
        if c["id"] == fv3["contactDetails"]["id"]
    )
    assert not contact.get("email")  # the contact record is not changed
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0


def test_rejected_billing_keeps_the_note(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, Status.REJECTED)
    planned = runner.invoke(app, ["plan", "-w", str(ws)], env={"COLUMNS": "400"})
    said = " ".join(planned.output.split())
    assert "invoices: 1 invoice go as notes" in said and "FV-3 (contact clients:C3 has no email)" in said
    assert "from the location's own details" not in said
