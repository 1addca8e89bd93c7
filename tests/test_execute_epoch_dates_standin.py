"""Unix times reach the stand-in as the dates and times HighLevel takes, and read back the same.

An API export writes 'customer since' and a job's due time as unix seconds, '0' where none was set:
the contact's date custom field holds the day, the task's due date the UTC instant, and a zero is an
empty value (no 1970 date sent, no value reported as failed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping import store
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import CLIENTS, document, load_raw

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
SINCE = {"C1": "1614902400", "C2": "1605571200", "C6": "0"}  # 2021-03-05, 2020-11-17, not set
DUE = {"J1": "1712741400", "J2": "0", "J3": "1713168000123"}  # seconds, not set, milliseconds


def hlmap(ws: Path, handle: SandboxHandle, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def epoch_workspace(root: Path) -> Workspace:
    ws = Workspace(root).ensure()
    clients = [(*row[:7], SINCE.get(row[0], row[7]), row[8]) for row in CLIENTS]
    load_raw(ws, clients)
    con = ws.connect()
    for key, due in DUE.items():
        con.execute("UPDATE raw.jobs SET date = ? WHERE id = ?", [due, key])
    doc = document()
    for fm in doc.fields:
        if fm.source_columns in (["since"], ["date"]):
            fm.transform.params["format"] = "epoch"
    store.save_confirmed(ws, doc, by="test")
    return ws


def test_unix_times_are_written_as_dates_and_zero_as_empty(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = epoch_workspace(tmp_path / "ws")
    applied = hlmap(ws.root, sandbox, "apply", "--sample", "100", "--quiet")
    assert applied.exit_code == 0, applied.output
    assert hlmap(ws.root, sandbox, "verify").exit_code == 0
    con = ws.connect()
    errors = con.execute(
        """SELECT source_key, error FROM (FROM exec.transform_errors UNION ALL FROM exec.carried_errors)
        WHERE field_id IN ('field:clients.since', 'field:jobs.date') ORDER BY 1"""
    ).fetchall()
    assert errors == [("C4", "not a date: not a date")]  # a zero is not set; a word is still reported
    held = con.execute(
        """SELECT source_key, field, held FROM exec.verification
        WHERE (object = 'task' AND field = 'dueDate') OR field LIKE '%customer_since%' ORDER BY 1"""
    ).fetchall()
    ws.close()
    found = {(key, "date" if field == "dueDate" else "since"): value for key, field, value in held}
    assert found[("J1", "date")] == "2024-04-10T09:30:00Z"
    assert found[("J3", "date")] == "2024-04-15T08:00:00Z"
    assert found[("C1", "since")] == "2021-03-05" and found[("C2", "since")] == "2020-11-17"
    assert ("J2", "date") not in found and ("C6", "since") not in found  # nothing written for 'not set'
