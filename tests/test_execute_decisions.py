"""What a record needs before it goes: its target's row condition, an owner decision, a stage decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.execute.prepare import prepare
from assistant.mapping.items import MappingDocument, OwnerMatch, StageValueMap
from assistant.mapping.models import OpportunityStatus, Status
from assistant.workspace import Workspace
from tests.test_execute_flow import hlmap
from tests.test_execute_support import CLIENTS, document, load_raw, tiny_workspace


def compiled(ws: Workspace) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    import json

    prepare(ws)
    rows = (
        ws.connect()
        .execute('SELECT target, source_key, "values" FROM exec.records ORDER BY target, source_key')
        .fetchall()
    )
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for target, key, values in rows:
        out.setdefault(target, []).append((key, json.loads(values)))
    return out


def errors(ws: Workspace) -> list[tuple[str, str, str, str, bool]]:
    return (
        ws.connect()
        .execute("SELECT target, source_key, field, error, held FROM exec.transform_errors ORDER BY ALL")
        .fetchall()
    )


def with_condition(condition: str) -> MappingDocument:
    doc = document()
    doc.objects[0].targets[1].condition = condition
    return doc


def test_company_only_where_the_condition_column_names_a_company(tmp_path: Path) -> None:
    # C6's company column repeats the person's own name (a sole trader): that is no company either
    clients = [(*row[:4], "Carlos Pérez Díaz", *row[5:]) if row[0] == "C6" else row for row in CLIENTS]
    ws = tiny_workspace(tmp_path / "ws", with_condition("'company' is present"))
    load_raw(ws, clients)
    records = compiled(ws)
    assert sorted(k for k, _ in records["company"]) == ["C2", "C4"]
    links = {k: v.get("ref:companyId") for k, v in records["contact"]}
    assert links == {"C1": None, "C2": "C2", "C3": None, "C4": "C4", "C5": None, "C6": None}


def test_a_condition_the_executor_cannot_read_is_listed_by_the_plan(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws", with_condition("only the good customers"))
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert "condition 'only the good customers' is not of the form" in " ".join(result.output.split())
    assert "company:clients: 4 source rows carry nothing for it" in " ".join(result.output.split())


def test_a_record_whose_owner_has_no_decision_is_held_back_and_says_so(tmp_path: Path) -> None:
    doc = document()
    doc.owners[1].status = Status.REJECTED  # Bob: rejected in review, and no fallback user named
    ws = tiny_workspace(tmp_path / "ws", doc)
    records = compiled(ws)
    bob = {row[0] for row in CLIENTS if row[6] == "Bob"}
    assert {k for k, _ in records["contact"]} == {row[0] for row in CLIENTS} - bob
    held = [e for e in errors(ws) if e[2] == "assignedTo"]
    assert {e[1] for e in held} == bob and all(e[4] for e in held)
    rejected = "no owner decision for Bob (owner:clients.Bob, rejected with no fallback user): record not"
    assert rejected in held[0][3]
    assert "fallback" in held[0][3]
    # the quotes and jobs of Bob's clients go nowhere either, and say why
    orphan = [e for e in errors(ws) if e[0] == "opportunity"]
    assert orphan and all("which is no migrated record" in e[3] for e in orphan)


def test_a_named_fallback_owns_the_records_of_rejected_and_unknown_owners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = document()
    doc.owners[1].status = Status.REJECTED
    doc.owners.append(
        OwnerMatch(id="owner:clients.Zoe", source_object="clients", source_key="Zoe", status=Status.ACCEPTED)
    )
    ws = tiny_workspace(tmp_path / "ws", doc)
    from assistant.execute.transforms import maps

    con = ws.connect()
    maps.build_map_tables(con, doc, fallback_user="Usr0Ana0000000000001")
    owners = dict(con.execute("SELECT source_key, user_id FROM exec.map_owner").fetchall())
    assert owners["bob"] == owners["zoe"] == owners[maps.FALLBACK_KEY] == "Usr0Ana0000000000001"
    assert owners["ana@example.com"] == "Usr0Ana0000000000001"


def test_an_undecided_stage_holds_the_opportunity_back_once_with_its_reason(tmp_path: Path) -> None:
    doc = document()
    doc.stages.append(
        StageValueMap(
            id="stage:quotes.status=sent-later", source_object="quotes", source_column="status",
            source_value="draft", pipeline_id="Pip0Sales00000000001", stage_id="Stg0New0000000000001",
            opportunity_status=OpportunityStatus.OPEN, status=Status.REJECTED,
        )
    )  # fmt: skip
    ws = tiny_workspace(tmp_path / "ws", doc)
    ws.connect().execute("UPDATE raw.quotes SET status = 'draft' WHERE id = 'Q4'")
    records = compiled(ws)
    assert {k for k, _ in records["opportunity"]} == {"Q1", "Q2", "Q3"}
    about_q4 = [e for e in errors(ws) if e[1] == "Q4"]
    assert len(about_q4) == 1, about_q4  # one clear reason, not a second "pipelineId required" line
    assert about_q4[0][3].startswith("no stage decision for draft: opportunity not migrated")
    result = hlmap(ws.root, "plan")
    assert "opportunity:quotes: 1 records — no stage decision for draft" in " ".join(result.output.split())


def test_a_required_value_left_blank_names_its_source_column(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    ws.connect().execute("UPDATE raw.jobs SET date = '' WHERE id = 'J2'")
    compiled(ws)
    message = next(e[3] for e in errors(ws) if e[1] == "J2")
    assert (
        message
        == "HighLevel requires dueDate for a task and 'date' holds no usable value: record not migrated"
    )
