"""History needs a conversation provider: the plan names the setup step, apply refuses in one line
before anything is written, and the engineer's fallback carries each row as a dated note."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_history_messages import history_workspace, hlmap

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)


def _said(output: str) -> str:
    return " ".join(output.split())


def test_plan_names_the_provider_step_and_apply_refuses_before_writing(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = history_workspace(tmp_path / "ws", "")
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], catch_exceptions=False, env={"COLUMNS": "250"})
    assert plan.exit_code == 0, plan.output
    said = _said(plan.output)
    assert "History: 4 calls, e-mails and messages of 2 contacts go into their conversations" in said
    assert "no conversation provider is set (execute.conversation_provider_id)" in said
    assert "set up a custom conversation provider in HighLevel" in said
    before = sandbox.admin("GET", "state")["counts"]
    refused = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert refused.exit_code != 0
    lines = [line for line in refused.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "4 history rows need a conversation provider" in lines[0], refused.output
    assert sandbox.admin("GET", "state")["counts"] == before  # nothing was written
    many = [
        "apply",
        "-w",
        str(ws.root),
        "--locations",
        sandbox.location_id,
        "--skip-sample",
        "--preflight-ok",
    ]
    fanned = runner.invoke(app, [*many, "--base-url", sandbox.url], env={"COLUMNS": "250"})
    assert fanned.exit_code != 0 and "4 history rows need a conversation provider" in _said(fanned.output)
    assert sandbox.admin("GET", "state")["counts"] == before


def test_without_a_provider_history_goes_as_dated_notes_when_chosen(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = history_workspace(tmp_path / "ws", "history_as_notes = true\n")
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], catch_exceptions=False, env={"COLUMNS": "250"})
    assert plan.exit_code == 0, plan.output
    assert "activities: 4 history rows go as notes, not conversation messages (loss of type" in _said(
        plan.output
    )
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert applied.exit_code == 0, applied.output
    notes = {n["body"].split("\n")[0]: n["body"] for n in sandbox.admin("GET", "records/notes")["records"]}
    first = "2023-05-03T07:00:00Z (2023-05-03 09:00 Europe/Madrid) · Email · inbound · Presupuesto"
    assert notes[first] == first + "\nHola María"
    call = "2023-06-02T10:00:00Z (2023-06-02 12:00 Europe/Madrid) · Call · inbound"
    assert notes[call] == call + "\nPregunta por la cita\nCall status: missed, from: +34911234567"
    assert sandbox.admin("GET", "records/messages")["records"] == []
    hlmap(ws.root, sandbox, "reconcile")
    accounted = "SELECT source_key, outcome, policy FROM exec.accounting WHERE source_table = 'activities'"
    rows = {r[0]: r[1:] for r in ws.connect().execute(accounted).fetchall()}
    assert [rows[k] for k in ("A1", "A2", "A3", "A4")] == [("landed", "history-as-note")] * 4, rows
