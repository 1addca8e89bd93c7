"""Each seed fixture end to end against the stand-in: propose offline, accept everything, sample + diff,
approve, full run, reconcile with all counts equal and every source row accounted for, delta after a
source edit, rollback to the prior state."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping import store
from assistant.mapping.models import Status
from assistant.workspace import Workspace
from tests.sandbox_process import start_sandbox
from tests.test_execute_flow import hlmap, snapshot

runner = CliRunner()
ROWS = 12  # main records per platform: every object and mess kind still appears, the run stays short


def cli(*args: str) -> None:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def confirmed_workspace(tmp: Path, platform: str) -> tuple[Workspace, Path]:
    cli("fixtures", "--platform", platform, "--rows", str(ROWS), "--out", str(tmp / "fx"))
    root = tmp / "ws"
    cli("ingest", "-w", str(root), str(tmp / "fx" / platform / "source"))
    cli("profile", "-w", str(root))
    cli("target", "load", "-w", str(root), str(tmp / "fx" / platform / "destination.json"))
    cli("propose", "-w", str(root))
    ws = Workspace(root).ensure()
    doc = store.load(ws)
    for item in doc.items():  # the engineer accepts every proposal as it stands
        if item.status == Status.PROPOSED:
            item.decide(Status.ACCEPTED, "test")
    store.save_confirmed(ws, doc, by="test")
    ws.close()
    return ws, tmp / "fx" / platform / "destination.json"


def edit_first_contact_row(ws: Workspace) -> str:
    """Change one value that lands on a contact; answers the source table edited."""
    con = ws.connect()
    table, _ = con.execute(
        """SELECT source_object, json_extract_string("values", '$.firstName') FROM exec.records
        WHERE target = 'contact' AND json_extract_string("values", '$.firstName') IS NOT NULL LIMIT 1"""
    ).fetchone() or ("", "")
    doc = store.load_confirmed(ws)
    name_map = next(f for f in doc.fields if f.source_object == table and f.target.field == "firstName")
    col = name_map.source_columns[0]
    con.execute(
        f'UPDATE raw."{table}" SET "{col}" = "{col}" || \' Edited\' '
        f'WHERE "_row" = (SELECT min("_row") FROM raw."{table}")'
    )
    ws.close()
    return str(table)


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["stel_order", "contractor_plus", "perfect_books"])
def test_seed_fixture_end_to_end(tmp_path: Path, platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, seed = confirmed_workspace(tmp_path, platform)
    with start_sandbox(seed=seed, rate_limit=2000, rate_window=1.0) as sandbox:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
        monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "2000")  # the stand-in's raised limit
        monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
        # the admin's setup step for history: a conversation provider in the location, named in settings
        provider = sandbox.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
        monkeypatch.setenv("HLMAP_EXECUTE__CONVERSATION_PROVIDER_ID", provider)
        before = snapshot(sandbox, ignore=("dateUpdated",))
        sample = hlmap(ws.root, "apply", "--sample", "30", "--quiet", sandbox=sandbox)
        assert sample.exit_code == 0, sample.output
        con = ws.connect()
        run_id = str(con.execute("SELECT run_id FROM exec.runs WHERE mode = 'sample'").fetchall()[0][0])
        rows = list(
            csv.DictReader((ws.root / "reports" / f"sample-diff-{run_id}.csv").open(encoding="utf-8"))
        )
        assert len({r["object"] for r in rows}) >= 2
        # every mismatch is a record HighLevel matched to one already there (a duplicate), reported as such
        wrong = [r for r in rows if r["match"] != "True" and not r["actual"].startswith("duplicate of")]
        assert not wrong, wrong[:5]
        ws.close()

        full = hlmap(
            ws.root, "apply", "--approve-sample", run_id, "--preflight-ok", "--quiet", sandbox=sandbox
        )
        assert full.exit_code == 0, full.output
        recon = hlmap(ws.root, "reconcile", "--json", sandbox=sandbox)
        report = json.loads(recon.output)
        assert all(o["source"] == o["ledger"] == o["destination"] for o in report["objects"])
        assert report["identity"]["clean"], report["identity"]
        # every source row has one outcome; "clean" (exit 0) only when no row stayed behind unexplained
        accounting = report["accounting"]
        assert sum(t["rows"] for t in accounting["tables"]) == sum(accounting["totals"].values()) > 0
        assert report["clean"] is accounting["clean"] and recon.exit_code == (0 if report["clean"] else 1)
        assert all(t["reasons"] for t in accounting["tables"] if not t["clean"])

        edit_first_contact_row(ws)
        delta = hlmap(ws.root, "apply", "--delta", "--quiet", sandbox=sandbox)
        assert delta.exit_code == 0, delta.output
        assert "0 new, 1 changed" in delta.output or ", 1 changed" in delta.output
        contacts = sandbox.admin("GET", "records/contacts")["records"]
        assert any("Edited" in f"{c.get('firstName')} {c.get('lastName')}" for c in contacts)

        for _ in range(3):  # delta, full run, sample — newest first
            undone = hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
            assert undone.exit_code == 0, undone.output
        assert snapshot(sandbox, ignore=("dateUpdated",)) == before
