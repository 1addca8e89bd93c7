"""`hlmap verify` against the stand-in process: every written value read back in pages and compared."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_support import CLIENTS, load_raw, tiny_workspace

runner = CliRunner()


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def hlmap(ws: Path, sandbox: SandboxHandle, *args: str) -> Any:
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *at], catch_exceptions=False)


def differences(ws: Path) -> list[dict[str, str]]:
    path = ws / "reports" / "verification-differences.csv"
    return list(csv.DictReader(path.open(encoding="utf-8")))


def contact_id(sandbox: SandboxHandle, email: str) -> str:
    contacts = sandbox.admin("GET", "records/contacts")["records"]
    return str(next(c["id"] for c in contacts if c.get("email") == email))


def test_full_apply_ends_with_a_read_back_within_the_read_budget(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    con = ws.connect()  # a job of C5, the one client with a job and no quote
    con.execute(
        "INSERT INTO raw.jobs VALUES ('J4', 'C5', 'Llamada', '20/04/2024', 'Solo tardes', 4, 'load-1')"
    )
    ws.close()
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert applied.exit_code == 0, applied.output
    assert "Read-back cost:" in applied.output and "written values agree (100.00%)" in applied.output
    report = (ws.root / "reports" / "verification.md").read_text(encoding="utf-8")
    assert "all written values agree" in report
    # notes of contacts with an opportunity ride on the opportunity search; C5's job note and C3's note
    # of a refused email would each need a request of their own, which a handful of writes does not
    # buy: they are listed as not read back
    unread = [r for r in differences(ws.root) if r["outcome"] == "unread"]
    assert sorted((r["object"], r["source_key"]) for r in unread) == [("note", "C3"), ("note", "J4")]
    assert "read budget" in unread[0]["note"]
    con = ws.connect()
    notes = con.execute(
        "SELECT count(*) FROM exec.verification WHERE object = 'note' AND outcome = 'agreed'"
    ).fetchone()
    assert notes and notes[0] == 4  # three job notes and C4's note of refused values
    outcomes = dict(con.execute("SELECT outcome, count(*) FROM exec.verification GROUP BY 1").fetchall())
    assert outcomes["agreed"] > 30 and "differs" not in outcomes and "missing" not in outcomes
    linked = con.execute(
        "SELECT count(*) FROM exec.verification WHERE field = 'businessId' AND outcome = 'agreed'"
    ).fetchone()
    assert linked and linked[0] >= 1  # contacts attached to their company by the bulk link are checked too


def test_verify_names_every_difference_with_both_values_and_exits_non_zero(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_EXECUTE__VERIFY_READ_SHARE", "1.0")  # enough reads for every note too
    ws = tiny_workspace(tmp_path / "ws")
    assert (
        hlmap(
            ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify"
        ).exit_code
        == 0
    )
    clean = hlmap(ws.root, sandbox, "verify", "--json")
    assert clean.exit_code == 0, clean.output
    counts = json.loads(clean.output)
    assert counts["agreement"] == 1.0 and counts["unread"] == 0 and counts["agreed"] > 30
    assert 0 < counts["reads"] <= counts["writes"]

    maria = contact_id(sandbox, "mj.garcia@example.com")
    with sandbox.client() as api:  # someone edits HighLevel after the run: case, phone, a custom field
        fields = api.get(f"/locations/{sandbox.location_id}/customFields").json()["customFields"]
        vat = next(f["id"] for f in fields if f.get("fieldKey") == "contact.vat_number")
        api.put(
            f"/contacts/{maria}",
            json={
                "firstName": "MARÍA JOSÉ",
                "phone": "+34699000111",
                "customFields": [{"id": vat, "field_value": "=HYPERLINK(1)"}],
            },
        ).raise_for_status()
        tasks = api.get(f"/contacts/{maria}/tasks").json()["tasks"]
        api.delete(f"/contacts/{maria}/tasks/{tasks[0]['id']}").raise_for_status()

    changed = hlmap(ws.root, sandbox, "verify")
    assert changed.exit_code == 1, changed.output
    touched = (maria, tasks[0]["id"])
    rows = {(r["object"], r["field"]): r for r in differences(ws.root) if r["hl_id"] in touched}
    assert rows[("contact", "firstName")]["outcome"] == "differs"
    assert (rows[("contact", "firstName")]["written"], rows[("contact", "firstName")]["held"]) == (
        "María José",
        "MARÍA JOSÉ",
    )  # case is compared, not folded away
    phone = rows[("contact", "phone")]
    assert (phone["written"], phone["held"]) == ("'+34612345678", "'+34699000111")  # no formula in a sheet
    vat_row = rows[("contact", "VAT number (contact.vat_number)")]  # named by name and key, not only id
    assert vat_row["held"] == "'=HYPERLINK(1)"
    assert {r["outcome"] for (obj, _), r in rows.items() if obj == "task"} == {"missing"}
    assert "differ" in changed.output and "missing" in changed.output
    assert "changed in HighLevel" in changed.output  # the cause: nothing in the ledger explains it


def test_verify_before_any_run_says_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", "not-used")
    ws = tiny_workspace(tmp_path / "ws")
    at = ["--location-id", "Loc0Nothing", "--base-url", "http://127.0.0.1:9"]
    result = runner.invoke(app, ["verify", "-w", str(ws.root), *at])
    assert result.exit_code == 2
    assert "nothing to verify" in result.output and "Traceback" not in result.output


def test_a_source_record_matched_to_a_duplicate_is_reported_as_not_written(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    twin = ("C7", "Marta Gil Rey", "mj.garcia@example.com", "", "", "", "Bob", "", "")  # C1's email
    ws = tiny_workspace(tmp_path / "ws")
    load_raw(ws, [*CLIENTS, twin])
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert "differ" in applied.output
    result = hlmap(ws.root, sandbox, "verify")
    assert result.exit_code == 1
    rows = [r for r in differences(ws.root) if r["source_key"] == "C7" and r["object"] == "contact"]
    first = next(r for r in rows if r["field"] == "firstName")
    assert (first["outcome"], first["written"], first["held"]) == ("differs", "Marta", "María José")
    assert all("duplicate rule" in r["note"] for r in rows if r["outcome"] != "agreed")
    assert "Causes:" in result.output and "duplicate rule" in result.output
