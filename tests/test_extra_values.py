"""Several phone numbers or emails in one cell: the first fills the standard field, the others a note.

Against the stand-in process on the tiny migration: a client's phone cell holds three numbers and
another's email cell two addresses. The plan counts the further values and where they go, the run
lands a note on each contact with them (read back from the stand-in), and nothing of those cells is
left in the transform errors or the source accounting as lost.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def test_further_phones_and_emails_of_a_cell_land_as_a_note_on_the_contact(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    con = ws.connect()
    con.execute("UPDATE raw.clients SET phone = '612 345 678, 699 111 222; +34 91 000 00 00' WHERE id = 'C1'")
    con.execute("UPDATE raw.clients SET email = 'jl@example.com; jl.obra@example.com' WHERE id = 'C2'")
    ws.close()
    plan = hlmap(ws.root, None, "plan")
    assert plan.exit_code == 0, plan.output
    said = re.sub(r"\s+", " ", plan.output)
    assert (
        "clients: 1 further email value and 2 further phone values of 2 contacts (cells holding several) "
        "travel as a note on each contact (extra_values:clients in the plan)" in said
    )
    assert hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet").exit_code == 0

    con = ws.connect()
    lost = con.execute(
        "SELECT count(*) FROM exec.transform_errors WHERE error LIKE 'first value kept%'"
    ).fetchone()
    assert lost == (0,)
    ids = dict(
        con.execute(
            """SELECT split_part(op_id, ':', 3), hl_id FROM exec.ledger WHERE status = 'done'
            AND op_id IN ('contact:clients:C1', 'contact:clients:C2')"""
        ).fetchall()
    )
    contact = con.execute(
        "SELECT json_extract_string(\"values\", '$.phone') FROM exec.records WHERE target = 'contact' "
        "AND source_key = 'C1'"
    ).fetchone()
    assert contact == ("+34612345678",)  # the first number fills the standard field
    with sandbox.client() as http:
        notes = http.get(f"/contacts/{ids['C1']}/notes").json()["notes"]
        bodies = [n["body"] for n in notes]
        assert any("Other phone numbers: 699 111 222, +34 91 000 00 00" in b for b in bodies), bodies
        notes = http.get(f"/contacts/{ids['C2']}/notes").json()["notes"]
        assert any("Other email addresses: jl.obra@example.com" in n["body"] for n in notes)
    ws.close()
    hlmap(ws.root, sandbox, "reconcile")  # the source accounting, whatever else it finds
    parts = (
        ws.connect()
        .execute(
            """SELECT source_key, outcome FROM exec.accounting_parts
            WHERE record = 'extra_values:clients' ORDER BY 1"""
        )
        .fetchall()
    )
    # only the rows whose cells held several, or (C3, C4) a value their field refused
    assert parts == [("C1", "landed"), ("C2", "landed"), ("C3", "landed"), ("C4", "landed")]
    ws.close()
