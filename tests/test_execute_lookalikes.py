"""Source records that look alike end the same way on a clean run and under faults.

Two clients name the same company, and the location already holds a company of that name. A clean
run creates one company for the name both clients give (the plan folds them: HighLevel has no
duplicate rule for companies, so nothing else would); a run whose every write answer is lost must
end with exactly the same records, never merging that company into the one that was there before.
The plan states the policy.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.mapping import store
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import TABLES, hlmap, records
from tests.test_execute_support import CLIENTS, document, load_raw

SHARED = "Reformas Rodríguez SL"


def _workspace(root: Path) -> Workspace:
    clients = [row if row[0] != "C4" else (*row[:4], SHARED, *row[5:]) for row in CLIENTS]
    ws = Workspace(root).ensure()
    load_raw(ws, clients)
    store.save_confirmed(ws, document(), by="test")
    ws.close()
    return ws


def _counts(sandbox: SandboxHandle) -> Counter[str]:
    return Counter({table: len(records(sandbox, table)) for table in TABLES})


async def _pre_existing_company(sandbox: SandboxHandle) -> str:
    async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
        return (await hl.records.create_business({"name": SHARED, "city": "Toledo"})).id


def _migrate(
    tmp: Path, faults: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> tuple[Counter[str], bool]:
    ws = _workspace(tmp / "ws")
    with start_sandbox(rate_limit=5000, rate_window=1.0) as sandbox:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
        monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "5000")
        monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
        theirs = asyncio.run(_pre_existing_company(sandbox))
        sandbox.admin("POST", "faults", faults)
        try:
            run = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
        finally:
            sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0, "errorAfterCreate": 0.0})
        # every record lands; with every write answer lost, only the bulk company links (not
        # creates: nothing to look up) may run out of retries
        failed = [line for line in run.output.splitlines() if line.strip().startswith("- ")]
        assert all("company_link:" in line for line in failed), run.output
        counts = _counts(sandbox)
        undone = hlmap(ws.root, "rollback", "--yes")
        assert undone.exit_code == 0, undone.output
        kept = [b["id"] for b in records(sandbox, "businesses")] == [theirs]
    return counts, kept


def test_alike_companies_end_the_same_with_and_without_lost_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean, clean_kept = _migrate(tmp_path / "clean", {}, monkeypatch)
    lost, lost_kept = _migrate(tmp_path / "lost", {"dropAfterCommit": 1.0}, monkeypatch)
    refused, refused_kept = _migrate(tmp_path / "refused", {"errorAfterCreate": 1.0, "seed": 3}, monkeypatch)
    assert clean["businesses"] == 2  # the one that was there, and one for the name both clients give
    assert lost == clean and refused == clean
    assert clean_kept and lost_kept and refused_kept  # rollback never deletes the one that was there


def test_the_plan_states_the_policy_for_alike_records(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws")
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert "company:clients: 2 rows name 1 company that several rows share" in result.output
    assert "the later rows' contacts link to it" in result.output
