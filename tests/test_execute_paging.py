"""Destination listings page through everything; long lists are summarised on screen, complete in reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from assistant.execute import printing
from tests.sandbox_process import start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import load_raw, tiny_workspace

COMPANIES = 130  # more than one page (100) of GET /businesses/


def many_clients() -> list[tuple[str, ...]]:
    """Clients that each name their own company (and share the owner Bob)."""
    return [
        (f"C{i}", f"Persona {i}", f"p{i}@example.com", "", f"Empresa {i} SL", "", "Bob", "", "")
        for i in range(1, COMPANIES + 1)
    ]


def test_reconcile_counts_every_business_beyond_the_first_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    load_raw(ws, many_clients())
    ws.close()
    with start_sandbox(rate_limit=2000, rate_window=1.0) as sandbox:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
        # the client paces itself to the limit it is told: tell it the stand-in's raised one
        monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "2000")
        monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
        result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
        assert result.exit_code == 0, result.output
        assert len(records(sandbox, "businesses")) == COMPANIES
        recon = hlmap(ws.root, "reconcile", "--json", sandbox=sandbox)
        report = json.loads(recon.output)
        assert recon.exit_code == 0 and report["clean"], recon.output
        counts = {o["object"]: (o["source"], o["ledger"], o["destination"]) for o in report["objects"]}
        assert counts["company"] == (COMPANIES, COMPANIES, COMPANIES)
        assert report["destination_totals"]["company"] == COMPANIES
        # every contact is linked to its own company (one bulk request per company)
        linked = {c.get("businessId") for c in records(sandbox, "contacts")}
        assert len(linked - {None}) == COMPANIES


def test_long_lists_show_a_count_the_first_ten_and_where_the_rest_are(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    screen = Console(record=True, width=200)
    monkeypatch.setattr(printing, "console", screen)
    items = [f"opportunity:quotes:{i} → id{i} (values not written: review the duplicate)" for i in range(300)]
    printing.print_list("Duplicates", items, tmp_path / "reconciliation.md")
    lines = screen.export_text().splitlines()
    assert lines[0] == "Duplicates: 300"
    assert lines[1:11] == [f"  - {item}" for item in items[:10]]
    assert lines[11:] == [f"  … and 290 more (all in {tmp_path / 'reconciliation.md'})"]
