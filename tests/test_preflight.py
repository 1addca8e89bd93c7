"""The pre-flight checklist ends the plan, and a full run waits until the engineer acknowledges it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import tiny_workspace


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def test_plan_ends_with_the_checklist(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    out = hlmap(ws.root, "plan", "--show-requests", "2").output
    checklist = out[out.index("Pre-flight checklist") :]
    assert "POST /contacts/" not in checklist  # it comes after the request previews
    assert "Contact Created" in checklist and "Opportunity Created" in checklist
    assert "Task Added" in checklist and "Customer Booked Appointment" not in checklist  # no appointments
    assert "A2P 10DLC" in checklist and "5 an email" in checklist.replace("\n", " ")
    assert "Allow Duplicate Contact" in checklist  # no destination snapshot: read the setting by hand
    assert "Custom objects" not in checklist


def test_full_run_waits_for_the_acknowledgement_which_is_audited(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    refused = hlmap(ws.root, "apply", "--skip-sample", "--quiet", sandbox=sandbox)
    assert refused.exit_code != 0 and "pre-flight checklist is not acknowledged" in refused.output
    assert records(sandbox, "contacts") == []

    sample = hlmap(ws.root, "apply", "--sample", "2", "--quiet", sandbox=sandbox)
    assert sample.exit_code == 0, sample.output  # a sample needs no acknowledgement

    flags = ("--skip-sample", "--preflight-ok", "--who", "Marta", "--quiet")
    ok = hlmap(ws.root, "apply", *flags, sandbox=sandbox)
    assert ok.exit_code == 0, ok.output
    audit = [json.loads(line) for line in (ws.root / "audit.jsonl").read_text().splitlines()]
    acks = [a for a in audit if a["action"] == "preflight"]
    assert len(acks) == 1 and acks[0]["detail"].startswith("by Marta: Workflows:") and acks[0]["at"]
    assert acks[0]["source_key"] == sandbox.location_id

    con = ws.connect()
    con.execute("UPDATE raw.clients SET name = 'Lucía Martín Serrano' WHERE id = 'C5'")
    ws.close()
    delta = hlmap(ws.root, "apply", "--delta", "--quiet", sandbox=sandbox)
    assert delta.exit_code == 0, delta.output  # the same list, already acknowledged
