"""`hlmap demo`, the README's first command, end to end against the stand-in process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def _hlmap(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )


@pytest.mark.slow
def test_demo_migrates_the_built_in_fixture_and_accounts_for_every_source_row(tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    # A raised burst limit keeps CI short; the README's run uses HighLevel's real 100 per 10 s.
    result = _hlmap(
        "demo", "--yes", "-w", str(workspace), "--rate-limit", "2000", "--sample", "30", cwd=tmp_path
    )
    assert result.returncode in (0, 1), result.stdout[-3000:] + result.stderr[-3000:]
    for step in (
        "1/10 Ingest",
        "4/10 Propose",
        "5/10 Accept",
        "7/10 Sample run",
        "8/10 Full run",
        "9/10 Account for every source row",
        "10/10 Read every written value back",
        "Source accounting (every row of the export)",
        "Rejected below the threshold",
        "What this map will not carry",
    ):
        assert step in result.stdout
    confirmed = workspace / "mapping.confirmed.yaml"
    assert confirmed.exists() and "confirmed_by: hlmap demo --yes" in confirmed.read_text(encoding="utf-8")
    reports = workspace / "reports"
    assert list(reports.glob("sample-diff-*.md")) and list(reports.glob("sample-diff-*.csv"))
    reconciliation = json.loads((reports / "reconciliation.json").read_text(encoding="utf-8"))
    # "clean" only when every source row landed, merged or was excluded by a decision; the demo's exit
    # status and last line say the same as the report, never "clean" while rows stayed behind
    accounting = reconciliation["accounting"]
    assert reconciliation["clean"] is (result.returncode == 0)
    assert sum(t["rows"] for t in accounting["tables"]) == sum(accounting["totals"].values()) > 0
    # the built-in data migrates clean: every map a record needs (a task's title composed from its
    # number and name) stays above the review threshold the demo accepts at
    assert reconciliation["clean"] and "Reconciliation: clean" in result.stdout, result.stdout[-3000:]
    assert (reports / "accounting.csv").exists() and (reports / "values-lost.csv").exists()
    assert "standin.log" in {p.name for p in workspace.iterdir()}
    verification = (reports / "verification.md").read_text(encoding="utf-8")
    assert "written values agree" in verification and "read requests for" in verification


def test_demo_without_a_terminal_asks_for_yes(tmp_path: Path) -> None:
    result = _hlmap("demo", "-w", str(tmp_path / "demo"), cwd=tmp_path)
    assert result.returncode == 2
    assert "run `hlmap demo --yes`" in result.stderr


def test_demo_never_deletes_a_folder_it_did_not_create(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    result = _hlmap("demo", "--yes", "-w", str(precious), cwd=tmp_path)
    assert result.returncode == 2 and "not a demo workspace" in result.stderr
    assert (precious / "notes.txt").read_text() == "keep me"
