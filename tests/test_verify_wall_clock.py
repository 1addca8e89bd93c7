"""The sample diff and the read-back show date-times also in the source's wall-clock time.

HighLevel keeps instants in UTC; the people checking a migration read the source's local times.
With ``execute.source_timezone`` set, a job due on 10/04/2024 (midnight in Madrid) is sent as
2024-04-09T22:00:00Z and both reports show it beside its Madrid wall-clock time, against the
stand-in process.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
MADRID = "2024-04-09T22:00:00Z (2024-04-10 00:00 Europe/Madrid)"


def hlmap(ws: Path, handle: SandboxHandle, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_sample_diff_and_verify_show_times_in_the_source_zone(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_EXECUTE__SOURCE_TIMEZONE", "Europe/Madrid")
    ws = tiny_workspace(tmp_path / "ws")
    sample = hlmap(ws.root, sandbox, "apply", "--sample", "100", "--quiet")
    assert sample.exit_code == 0, sample.output
    diff = next((ws.root / "reports").glob("sample-diff-*.csv"))
    due = [
        r
        for r in rows_of(diff)
        if r["object"] == "task" and r["source_key"] == "J1" and r["field"] == "dueDate"
    ]
    assert len(due) == 1 and due[0]["expected"] == MADRID and due[0]["actual"] == MADRID

    assert hlmap(ws.root, sandbox, "verify").exit_code == 0
    held = (
        ws.connect()
        .execute(
            """SELECT written, held FROM exec.verification WHERE object = 'task' AND source_key = 'J1'
            AND field = 'dueDate'"""
        )
        .fetchall()
    )
    assert held == [(MADRID, MADRID)]
    ws.close()
