"""The daily request budget: the plan says how many days a run needs, and a run pauses and resumes."""

from __future__ import annotations

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


def test_plan_says_when_a_run_needs_more_than_a_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    assert "fits in one day's budget (200,000 requests" in hlmap(ws.root, "plan").output
    monkeypatch.setenv("HLMAP_HIGHLEVEL__DAILY_REQUESTS", "10")
    out = hlmap(ws.root, "plan").output.replace("\n", " ")
    assert "needs 3 days: HighLevel allows 10 requests per location per day" in out
    assert "resumes by itself when it resets" in out


def test_a_run_pauses_when_the_day_is_spent_and_resumes_on_the_next(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    sandbox.admin("POST", "limits", {"max": 1000, "windowSeconds": 1, "daily": 12, "daySeconds": 4})
    ws = tiny_workspace(tmp_path / "ws")
    result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    assert len(records(sandbox, "contacts")) == 6 and len(records(sandbox, "opportunities")) == 4
    assert len(records(sandbox, "tasks")) == 3 and len(records(sandbox, "notes")) == 5
    assert "daily budget spent" in result.output


def test_without_waiting_the_run_stops_with_one_clear_line(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_HIGHLEVEL__WAIT_FOR_DAILY_RESET", "false")
    sandbox.admin("POST", "limits", {"max": 1000, "windowSeconds": 1, "daily": 12, "daySeconds": 600})
    ws = tiny_workspace(tmp_path / "ws")
    result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code != 0
    out = " ".join(result.output.split())
    assert "daily request budget" in out and "spent" in out and "Traceback" not in out
    assert "failed" in out.split("daily request budget")[0]  # the run stopped, no op was marked failed
    assert "Failed operations" not in out
