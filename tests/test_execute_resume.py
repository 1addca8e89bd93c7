"""Kill -9 at random moments, faults on the wire: the next run finishes with no duplicate, nothing missing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import tiny_workspace

EXPECTED = {"contacts": 6, "businesses": 2, "opportunities": 4, "tasks": 3, "notes": 5}


def apply_process(ws: Path, sandbox: SandboxHandle) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HIGHLEVEL_TOKEN": sandbox.token}
    entry = "from assistant.cli import main; main()"
    command = [sys.executable, "-c", entry, "apply", "-w", str(ws), "--skip-sample", "--preflight-ok",
               "--quiet", "--location-id", sandbox.location_id, "--base-url", sandbox.url]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def held(sandbox: SandboxHandle) -> int:
    counts = sandbox.admin("GET", "state")["counts"]
    return sum(int(counts.get(table, 0)) for table in EXPECTED)


def assert_complete_without_duplicates(sandbox: SandboxHandle) -> None:
    for table, count in EXPECTED.items():
        rows = records(sandbox, table)
        assert len(rows) == count, (table, len(rows))
    names = Counter(c.get("contactName") for c in records(sandbox, "contacts"))
    assert max(names.values()) == 1, names
    titles = Counter((t.get("contactId"), t.get("title")) for t in records(sandbox, "tasks"))
    assert max(titles.values()) == 1, titles


def test_kill_9_at_random_points_then_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", "unused")
    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    rng = random.Random(7)
    with start_sandbox(faults={"latencyMs": 40, "seed": 1}, rate_limit=1000, rate_window=1.0) as sandbox:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
        partial_kills = 0
        total = sum(EXPECTED.values())
        for round_ in range(4):
            process = apply_process(ws.root, sandbox)
            # kill once the stand-in holds a random number of records: a random point inside the run
            target = rng.randint(1 + round_ * 3, 3 + round_ * 4)
            while process.poll() is None and held(sandbox) < target:
                time.sleep(0.01)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                partial_kills += 0 < held(sandbox) < total
            process.wait(timeout=60)
        final = apply_process(ws.root, sandbox)
        assert final.wait(timeout=120) == 0
        assert partial_kills >= 1  # at least one kill landed in the middle of the run
        assert_complete_without_duplicates(sandbox)
        recon = hlmap(ws.root, "reconcile", "--json", sandbox=sandbox)
        assert recon.exit_code == 0, recon.output


def test_faults_429_5xx_and_answers_dropped_after_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    faults = {"rate429": 0.15, "rate5xx": 0.1, "dropAfterCommit": 0.15, "seed": 3}
    with start_sandbox(faults=faults, rate_limit=1000, rate_window=1.0) as sandbox:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
        monkeypatch.setenv("HLMAP_HIGHLEVEL__TIMEOUT_SECONDS", "2")
        result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
        assert result.exit_code == 0, result.output
        assert_complete_without_duplicates(sandbox)
        sandbox.admin("POST", "faults", {"rate429": 0, "rate5xx": 0, "dropAfterCommit": 0})
        recon = hlmap(ws.root, "reconcile", "--json", sandbox=sandbox)
        assert recon.exit_code == 0, recon.output


def test_ctrl_c_stops_after_the_request_in_flight(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    with start_sandbox(faults={"latencyMs": 60}, rate_limit=1000, rate_window=1.0) as sandbox:
        process = apply_process(ws.root, sandbox)
        while process.poll() is None and held(sandbox) < 3:
            time.sleep(0.01)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 1  # stopped early, said so
        stopped_at = held(sandbox)
        assert 0 < stopped_at < sum(EXPECTED.values())
        con = ws.connect()
        statuses = dict(con.execute("SELECT status, count(*) FROM exec.ledger GROUP BY status").fetchall())
        run_status = con.execute("SELECT status FROM exec.runs").fetchone()
        ws.close()
        assert "started" not in statuses  # the request in flight was answered and ledgered
        assert run_status == ("interrupted",)
        final = apply_process(ws.root, sandbox)
        assert final.wait(timeout=120) == 0
        assert_complete_without_duplicates(sandbox)
