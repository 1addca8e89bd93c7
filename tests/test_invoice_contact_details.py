"""Invoices whose contact has no email or no phone are held in the plan, not sent to fail.

HighLevel answers 422 to an invoice whose ``contactDetails.email`` or ``phoneNo`` is empty (the
stand-in applies the spec's required list, as HighLevel does). The tiny migration's C3 has an email
that does not convert and C5 no phone: their invoices are reported with the contact and what it
lacks, counted as held, and their lines follow them; C1's invoice is planned.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from typer.testing import CliRunner

from assistant.cli import app
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace
from tests.test_invoice_wiring import invoice_document

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)
INVOICES = [("F1", "C1", "FV-1", "2024-03-01", "", "100.00", "Pagada"),
            ("F3", "C3", "FV-3", "2024-03-02", "", "50.00", "Pendiente"),
            ("F5", "C5", "FV-5", "2024-03-03", "", "20.00", "Pendiente")]  # fmt: skip
LINES = [("F1", "Grifo", "1", "100", "0"), ("F3", "Visita", "1", "50", "0"), ("F5", "Junta", "1", "20", "0")]


def _grow(ws: Workspace) -> None:
    con = ws.connect()
    cols = ["id", "client_id", "number", "date", "due", "total", "status"]
    con.execute(f'CREATE TABLE raw.invoices ({", ".join(c + " VARCHAR" for c in cols)}, "_row" BIGINT)')
    con.executemany("INSERT INTO raw.invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(*r, i + 1) for i, r in enumerate(INVOICES)])  # fmt: skip
    con.execute('CREATE TABLE raw.lines ("_parent_key" VARCHAR, name VARCHAR, qty VARCHAR, price VARCHAR, '
                'tax VARCHAR, "_row" BIGINT)')  # fmt: skip
    con.executemany(
        "INSERT INTO raw.lines VALUES (?, ?, ?, ?, ?, ?)", [(*r, i + 1) for i, r in enumerate(LINES)]
    )
    ws.close()


def test_invoices_of_contacts_without_email_or_phone_are_held_with_the_reason(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws", invoice_document())
    _grow(ws)
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], catch_exceptions=False)
    assert plan.exit_code == 0, plan.output
    con = ws.connect()
    planned = con.execute("SELECT source_key FROM exec.records WHERE target = 'invoice'").fetchall()
    assert planned == [("F1",)]
    held = dict(
        con.execute(
            "SELECT source_key, error FROM exec.transform_errors WHERE held AND field = 'contactDetails'"
        ).fetchall()
    )
    assert sorted(held) == ["F3", "F5"]
    assert "clients C3 has no email" in held["F3"] and "clients C5 has no phone" in held["F5"]
    assert "HighLevel refuses an invoice whose contact has no email or phone" in " ".join(plan.output.split())
    lines = con.execute("""SELECT json_array_length("values"->'$.lines') FROM exec.records""").fetchall()
    assert (1,) in lines and len([n for n in lines if n[0]]) == 1  # only F1 carries its line


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
