"""``hlmap rollback`` shows what it will do and asks; ``--all`` undoes every run; undoing a sample
withdraws its approval; association definitions and relations are deleted by the spec's routes."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute import ledger
from assistant.execute.audit import AuditLog
from assistant.execute.rollback import rollback
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.workspace import Workspace
from tests.client_tour import PETS
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records, snapshot
from tests.test_execute_support import tiny_workspace

runner = CliRunner()


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def _sample_run_id(ws: Workspace) -> str:
    row = ws.connect().execute("SELECT run_id FROM exec.runs WHERE mode = 'sample'").fetchone()
    assert row is not None
    return str(row[0])


def test_rollback_previews_asks_and_changes_nothing_when_refused(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    ran = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert ran.exit_code == 0, ran.output
    after_run = snapshot(sandbox)

    refused = runner.invoke(app, ["rollback", "-w", str(ws.root)], input="n\n")
    assert refused.exit_code == 1
    assert (
        "will delete: 2 company, 6 contact, 2 custom_field, 5 note, 4 opportunity, 1 tag, 3 task"
        in refused.output
    )
    assert "Roll back 1 run(s)?" in refused.output and "nothing was changed" in refused.output
    assert snapshot(sandbox) == after_run

    accepted = runner.invoke(app, ["rollback", "-w", str(ws.root)], input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert records(sandbox, "contacts") == []


def test_rollback_all_undoes_every_run_and_a_rolled_back_sample_approves_nothing(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    before = snapshot(sandbox)
    assert hlmap(ws.root, "apply", "--sample", "4", "--quiet", sandbox=sandbox).exit_code == 0
    sample = _sample_run_id(ws)
    ws.close()
    full = hlmap(ws.root, "apply", "--approve-sample", sample, "--preflight-ok", "--quiet", sandbox=sandbox)
    assert full.exit_code == 0, full.output

    undone = hlmap(ws.root, "rollback", "--all", "--yes")
    assert undone.exit_code == 0, undone.output
    assert undone.output.count("rolled back ") == 2
    assert "its sample approval will be withdrawn" in undone.output
    assert snapshot(sandbox) == before

    again = hlmap(ws.root, "apply", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert again.exit_code == 2 and "no approved sample" in again.output
    reapprove = hlmap(
        ws.root, "apply", "--approve-sample", sample, "--preflight-ok", "--quiet", sandbox=sandbox
    )
    assert reapprove.exit_code == 2 and "was rolled back" in reapprove.output
    nothing_left = hlmap(ws.root, "rollback", "--all", "--yes")
    assert nothing_left.exit_code == 2 and "no run to roll back" in nothing_left.output


def test_rollback_deletes_relations_and_the_association_the_run_defined(
    tmp_path: Path, sandbox: SandboxHandle
) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()

    async def go() -> list[str]:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            contact = await hl.contacts.create({"firstName": "Vet", "email": "vet@example.com"})
            pet = await hl.records.create_record(PETS, {"name": "Rex"})
            assoc = await hl.records.create_association("pet_vet", (PETS, "Pet"), ("contact", "Vet"))
            relation = await hl.records.create_relation(assoc.id, pet.id, contact.id)
            run_id = ledger.new_run(con, "sample", hl.location_id, hl.base_url)
            made = [
                ("schema:association:pet_vet", 0, "schema", "association", assoc.id),
                ("relation:pet:1", 9, "create", "relation", str(relation["id"])),
            ]
            for oid, pass_no, action, obj, hl_id in made:
                ledger.start(con, run_id, ledger.Op(oid, pass_no, action, obj, "pets", "1", ""), {})
                ledger.done(con, run_id, oid, hl_id, "created")
            audit = AuditLog(con, ws.root / "audit.jsonl", run_id, False)
            report = await rollback(hl, con, run_id, audit)
            return [*report.failed, *report.cannot_undo[2:]]

    problems = asyncio.run(go())
    assert problems == []
    assert records(sandbox, "relations") == [] and records(sandbox, "associations") == []


def test_the_stand_in_requires_the_location_on_relation_deletes(sandbox: SandboxHandle) -> None:
    with sandbox.client() as http:
        answer = http.delete("/associations/relations/Rel0Missing000000001")
    assert answer.status_code == 400 and "locationId" in answer.text
