"""Reconcile checks identity, not only counts: an orphan duplicate plus a wrong merge is not "even".

A create answered with an error can still make the record (HighLevel does this), and a lookup can
match the wrong record. Both leave the per-object counts equal; only an identity check (each
destination record ↔ exactly one ledger row, a merge shares the key HighLevel matched on, no
record created by the run outside the ledger) sees them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_support import tiny_workspace

runner = CliRunner()


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def hlmap(ws: Path, sandbox: SandboxHandle, *args: str) -> Any:
    extra = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def contact_of(ws_con: Any, key: str) -> str:
    row = ws_con.execute(
        "SELECT hl_id FROM exec.ledger WHERE op_id = ? AND status = 'done'", [f"contact:clients:{key}"]
    ).fetchone()
    return str(row[0])


def test_orphan_duplicate_plus_wrong_merge_is_not_clean(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    assert hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet").exit_code == 0
    assert hlmap(ws.root, sandbox, "reconcile", "--json").exit_code == 0  # a clean run is clean

    con = ws.connect()
    ana, lucia = contact_of(con, "C3"), contact_of(con, "C5")
    # A wrong merge: the ledger says Lucía landed on Ana's contact, and Lucía's own record is gone.
    con.execute(
        "UPDATE exec.ledger SET hl_id = ?, outcome = 'existing' WHERE op_id = 'contact:clients:C5'", [ana]
    )
    ws.close()
    with sandbox.client() as http:
        assert http.delete(f"/contacts/{lucia}").status_code == 200
        # An orphan duplicate: a create of Lucía answered with an error that still made the record.
        made = http.post(
            "/contacts/",
            json={
                "locationId": sandbox.location_id,
                "firstName": "Lucía",
                "lastName": "Martín",
                "email": "lucia@example.com",
            },
        )
        assert made.status_code in (200, 201), made.text
        orphan = made.json()["contact"]["id"]

    result = hlmap(ws.root, sandbox, "reconcile", "--json")
    report = json.loads(result.output)
    contacts = {o["object"]: o for o in report["objects"]}["contact"]
    assert contacts["source"] == contacts["ledger"] == contacts["destination"] == 6  # the counts are even
    assert result.exit_code == 1 and report["clean"] is False
    identity = report["identity"]
    assert [u["id"] for u in identity["unledgered"]] == [orphan]
    assert "lucia@example.com" in identity["unledgered"][0]["why"]
    shared = {s["id"]: s for s in identity["shared"]}
    assert set(shared) == {ana} and sorted(shared[ana]["ledger_rows"]) == [
        "contact:clients:C3",
        "contact:clients:C5",
    ]
    wrong = {w["op_id"]: w for w in identity["wrong_merges"]}
    assert set(wrong) == {"contact:clients:C5"} and "lucia@example.com" in wrong["contact:clients:C5"]["why"]
