"""`hlmap status` shows a run waiting for the daily request budget, while that run holds the workspace."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.run_pause import PAUSE_FILE, record_pause
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import tiny_workspace


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def _apply_in_background(ws: Path, sandbox: SandboxHandle) -> subprocess.Popen[str]:
    args = ["apply", "-w", str(ws), "--skip-sample", "--preflight-ok", "--quiet"]
    args += ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    env = {**os.environ, "HIGHLEVEL_TOKEN": sandbox.token}
    return subprocess.Popen(
        [sys.executable, "-m", "assistant", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_status_shows_the_pause_during_the_wait_and_not_after(tmp_path: Path, sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "limits", {"max": 1000, "windowSeconds": 1, "daily": 12, "daySeconds": 15})
    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    assert "paused" not in hlmap(ws.root, "status").output
    run = _apply_in_background(ws.root, sandbox)
    try:
        deadline = time.monotonic() + 60
        while not (ws.root / PAUSE_FILE).exists() and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        during = hlmap(ws.root, "status")
        assert during.exit_code == 0, during.output
        out = " ".join(during.output.split())
        assert f"paused: daily request budget of location {sandbox.location_id} spent" in out
        assert "the run resumes by itself at" in out and "Traceback" not in out
        output, _ = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert run.returncode == 0, output
    assert len(records(sandbox, "contacts")) == 6 and len(records(sandbox, "notes")) == 5
    after = hlmap(ws.root, "status")
    assert "paused" not in after.output and "full done" in after.output


def test_a_run_stopped_during_the_wait_is_named_with_how_to_continue(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    record_pause(ws.root, "LOC1", -60.0)  # the reset is a minute past and nobody cleared the pause
    out = " ".join(hlmap(ws.root, "status").output.split())
    assert "did not resume (stopped?): run the same `hlmap apply` again to continue" in out
