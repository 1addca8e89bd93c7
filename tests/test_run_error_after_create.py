"""A whole run where every write HighLevel makes is answered with an error: each record is found by
its lookup, each company link by reading its contacts back, and nothing fails or lands twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import tiny_workspace


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def test_every_write_answered_with_an_error_still_lands_once(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_HIGHLEVEL__MAX_RETRIES", "8")
    ws = tiny_workspace(tmp_path / "ws")
    sandbox.admin("POST", "faults", {"errorAfterCreate": 1.0, "seed": 4})
    try:
        result = hlmap(
            ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify", sandbox=sandbox
        )
    finally:
        sandbox.admin("POST", "faults", {"errorAfterCreate": 0.0})
    assert result.exit_code == 0, result.output
    con = ws.connect()
    failed = con.execute("""SELECT op_id, error FROM exec.ledger WHERE status = 'failed'""").fetchall()
    assert failed == []
    contacts = records(sandbox, "contacts")
    assert max(Counter(c.get("email") for c in contacts).values()) == 1
    companies = {b["id"] for b in records(sandbox, "businesses")}
    linked = [c for c in contacts if c.get("businessId")]
    assert len(companies) == 2 and {c["businessId"] for c in linked} == companies
    links = con.execute("SELECT outcome FROM exec.ledger WHERE object = 'company_link'").fetchall()
    assert {row[0] for row in links} == {"recovered"}  # answered with an error, found made
