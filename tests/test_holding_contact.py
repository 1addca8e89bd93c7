"""Rows whose parent is not in the export, parked on one holding contact per location.

Against the stand-in process on the tiny migration: job J4 names client C99, which no row of the
export holds. With the table's holding proposal accepted, the plan names the parked row, the run
creates the holding contact once (a second run finds it in the ledger), the job's task and note land
on it starting with the parent they named, the source accounting counts the row merged by the
holding policy into that contact, and a rollback deletes it. Rejected, the row stays held as before.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute.calls import Ids, build_call
from assistant.execute.compile import create_tables
from assistant.execute.holding import HOLDING_KEY, HOLDING_VALUES, PARKED, POLICY, holding_spec, park_orphans
from assistant.execute.sender import find_existing, send_create
from assistant.execute.specs import RecordSpec, Ref
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.idempotent import CreateOutcome, CreateResult
from assistant.highlevel.retry import RetryPolicy
from assistant.mapping.items import HoldingParent, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
F = TargetObject.FILE
PARENT_NAMED = "Source client_id C99, not in the export:"


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def with_orphan(root: Path, decision: Status) -> Workspace:
    doc: MappingDocument = document()
    doc.holdings = [
        HoldingParent(
            id="holding:jobs", source_object="jobs", link_column="client_id", orphan_rows=1, row_count=4,
            example_rows=[4], confidence=0.9, status=decision,
        )
    ]  # fmt: skip
    ws = tiny_workspace(root, doc)
    ws.connect().execute(
        """INSERT INTO raw.jobs VALUES ('J4', 'C99', 'Revisión caldera', '20/04/2024', 'Cliente borrado', 4,
        'load-1')"""
    )
    ws.close()
    return ws


def holding_contacts(handle: SandboxHandle) -> list[dict[str, Any]]:
    found = handle.admin("GET", "records/contacts")["records"]
    return [c for c in found if "hlmap-unmatched" in (c.get("tags") or [])]


def test_an_accepted_proposal_parks_orphans_on_one_holding_contact_and_rollback_deletes_it(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = with_orphan(tmp_path / "ws", Status.ACCEPTED)
    plan = hlmap(ws.root, None, "plan")
    assert plan.exit_code == 0, plan.output
    said = re.sub(r"\s+", " ", plan.output)
    assert "jobs: 1 row names a parent not in the export → parked on the holding contact" in said
    assert "contact:holding" in said  # its one create is in the plan's requests
    assert (
        hlmap(
            ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--no-verify", "--quiet"
        ).exit_code
        == 0
    )
    assert (
        hlmap(
            ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--no-verify", "--quiet"
        ).exit_code
        == 0
    )

    held = holding_contacts(sandbox)
    assert len(held) == 1  # the second run found it in the ledger
    assert (held[0]["firstName"], held[0]["lastName"]) == (HOLDING_VALUES["firstName"], "source records")
    with sandbox.client() as http:
        notes = http.get(f"/contacts/{held[0]['id']}/notes").json()["notes"]
        tasks = http.get(f"/contacts/{held[0]['id']}/tasks").json()["tasks"]
    assert [n["body"] for n in notes] == [f"{PARENT_NAMED} Cliente borrado"]
    assert [t["title"] for t in tasks] == ["Revisión caldera"]
    assert str(tasks[0].get("body", "")).startswith(PARENT_NAMED)

    assert hlmap(ws.root, sandbox, "reconcile", "--json").exit_code in (0, 1)
    row = (
        ws.connect()
        .execute(
            """SELECT outcome, policy, into_record FROM exec.accounting
        WHERE source_table = 'jobs' AND "row" = 4"""
        )
        .fetchone()
    )
    csv = (ws.root / "reports" / "accounting.csv").read_text(encoding="utf-8")
    ws.close()
    assert row == ("merged", POLICY, held[0]["id"])
    assert POLICY in csv

    assert hlmap(ws.root, None, "rollback", "--all", "--yes").exit_code == 0
    assert holding_contacts(sandbox) == []


def test_a_rejected_proposal_keeps_the_orphan_held_with_its_reason(tmp_path: Path) -> None:
    ws = with_orphan(tmp_path / "ws", Status.REJECTED)
    plan = hlmap(ws.root, None, "plan")
    assert plan.exit_code == 0, plan.output
    said = re.sub(r"\s+", " ", plan.output)
    assert "holding:jobs — 1 records: not parked on a holding contact" in said  # the loss, by its decision
    assert "parked on the holding contact" not in said
    con = ws.connect()
    why = con.execute(
        """SELECT DISTINCT error FROM exec.transform_errors WHERE source_object = 'jobs' AND "row" = 4"""
    ).fetchall()
    held = con.execute("SELECT count(*) FROM exec.records WHERE source_object = 'holding'").fetchone()
    ws.close()
    assert [w[0] for w in why] == [
        "links to C99, which no readable row of the export has as its key (the source holds no such "
        "parent): record not migrated"
    ]
    assert held == (0,)


def test_a_parked_file_keeps_its_link_on_the_notes_second_line() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    said = "Source Estimate E-9, not in the export:"
    records = [
        ("a", {"name": "plan.pdf", "fileUrl": "https://x.test/plan.pdf"}),
        ("b", {"title": "Site photo", "fileUrl": "https://x.test/b.jpg"}),
        ("c", {"fileUrl": "https://x.test/c.jpg"}),
    ]
    for key, values in records:
        con.execute(
            "INSERT INTO exec.records VALUES ('file', 'attachments', ?, 1, 7, ?, '')",
            [key, json.dumps({**values, "ref:contactId": HOLDING_KEY, PARKED: said})],
        )
    assert park_orphans(con, {"attachments": "Record #"}) == 3
    rows = con.execute(
        "SELECT source_key, \"values\" FROM exec.records WHERE target = 'file' ORDER BY 1"
    ).fetchall()
    bodies = {
        k: build_call(holding_file_spec(), json.loads(v), Ids({"contact:holding:" + HOLDING_KEY: "H1"}), "L")
        for k, v in rows
    }
    assert bodies["a"].body["body"] == f"Document: {said} plan.pdf\nhttps://x.test/plan.pdf"
    assert bodies["b"].body["body"] == f"Document: {said} Site photo\nhttps://x.test/b.jpg"
    assert bodies["c"].body["body"] == f"Document: {said}\nhttps://x.test/c.jpg"
    assert {b.path for b in bodies.values()} == {"/contacts/H1/notes"}
    held = con.execute("SELECT count(*) FROM exec.records WHERE source_object = 'holding'").fetchone()
    assert held == (1,)  # one holding contact, whatever the number of rows parked on it


def holding_file_spec() -> RecordSpec:
    om = ObjectMap(id="object:attachments", source_object="attachments", targets=[ObjectTarget(object=F)])
    return RecordSpec("file", "attachments", om, om.targets[0], refs=[Ref("contactId", "contact", "clients")])


def test_a_holding_contact_whose_answer_was_lost_is_found_by_its_tag_not_made_twice(
    sandbox: SandboxHandle,
) -> None:
    call = build_call(holding_spec(), dict(HOLDING_VALUES), Ids(), sandbox.location_id)

    async def go() -> tuple[CreateResult, tuple[str, str] | None]:
        policy = RetryPolicy(base_delay=0.01, max_delay=0.1)
        async with HighLevelClient(
            sandbox.url, sandbox.location_id, Secret(sandbox.token), policy=policy
        ) as hl:
            sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})
            try:
                made = await send_create(hl, call)
            finally:
                sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})
            return made, await find_existing(hl, call)  # a killed run left it started

    made, found = asyncio.run(go())
    assert made.outcome is CreateOutcome.RECOVERED
    assert found == (made.id, "recovered")
    assert [c["id"] for c in holding_contacts(sandbox)] == [made.id]
    with sandbox.client() as http:
        http.delete(f"/contacts/{made.id}")


def test_only_a_key_no_parent_table_holds_is_parked_a_held_parent_is_not() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    con.execute(
        """INSERT INTO exec.records VALUES ('product', 'products', '2012', 1, 1, '{"name": "Grifo"}', ''),
        ('task', 'history', 'h1', 1, 5, '{"title": "Llamada", "ref:contactId": "2012"}', ''),
        ('task', 'history', 'h2', 2, 5, '{"title": "Visita", "ref:contactId": "10005"}', '')"""
    )
    con.execute(  # contact 10005 is in the export but held back: its rows wait for it, never parked
        """INSERT INTO exec.transform_errors VALUES ('contacts', 'contact', '10005', 6, 'owner', 'assignedTo',
        'no owner decision', true)"""
    )
    assert park_orphans(con, {"history": "account-id"}) == 1
    rows = dict(
        con.execute("SELECT source_key, \"values\" FROM exec.records WHERE target = 'task'").fetchall()
    )
    assert json.loads(rows["h1"]) == {
        "title": "Llamada",
        "ref:contactId": HOLDING_KEY,
        "body": "Source account-id 2012, not in the export:",
    }  # a product's key is no parent a contact link can name
    assert json.loads(rows["h2"])["ref:contactId"] == "10005"
