"""Source accounting of rows the plan sends another way than their object map's first record kind.

Against the stand-in process, on the tiny migration with a destination snapshot saying the location
keeps one opportunity per contact and pipeline: a client's second quote is sent as a note on the
client's contact, and a quote whose status has no stage decision is held back; a child row merged
into each of them follows its quote. Each row has exactly one true outcome; none is reported as
failed with "the plan made no record of it", and no child of a quote sent as a note as held back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import CustomFieldSpec, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import DataType, FieldModel, Status, TargetObject
from assistant.workspace import Workspace
from tests.sandbox_process import DEFAULT_SEED, SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)


def hlmap(ws: Path, handle: SandboxHandle, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def with_quote_sources() -> MappingDocument:
    """The tiny map plus a child table whose rows fill their quote's lead source."""
    doc = document()
    source = CustomFieldSpec(
        name="Lead source",
        field_key="opportunity.lead_source",
        data_type=DataType.TEXT,
        model=FieldModel.OPPORTUNITY,
        existing_id="Fld0Source0000000001",
    )
    doc.objects.append(
        ObjectMap(id="object:quote_sources", source_object="quote_sources", status=Status.ACCEPTED,
                  parent_object="quotes",
                  targets=[ObjectTarget(object=TargetObject.OPPORTUNITY, role="merge_into_parent")])
    )  # fmt: skip
    doc.fields.append(field_map("quote_sources", ["source"], TargetObject.OPPORTUNITY, custom=source))
    return doc


def accounted(ws: Workspace, table: str) -> dict[str, tuple[Any, ...]]:
    rows = (
        ws.connect()
        .execute(
            """SELECT coalesce(source_key, CAST("row" AS VARCHAR)), outcome, destination_id, policy,
            into_record, rule, detail, records FROM exec.accounting WHERE source_table = ?""",
            [table],
        )
        .fetchall()
    )
    return {str(r[0]): r[1:] for r in rows}


def test_a_second_opportunity_kept_as_a_note_and_a_held_quote_are_accounted_truly(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", with_quote_sources())
    con = ws.connect()
    con.execute(
        """INSERT INTO raw.quotes VALUES ('Q5', 'C1', 'P-005', 'Ampliación', 'sent', '900,00', 5, 'load-1'),
        ('Q6', 'C2', 'P-006', 'Pintura', 'on hold', '10,00', 6, 'load-1')"""
    )
    con.execute('CREATE TABLE raw.quote_sources (source VARCHAR, "_parent_key" VARCHAR, "_row" BIGINT)')
    con.execute(
        "INSERT INTO raw.quote_sources VALUES ('Feria', 'Q5', 1), ('Web', 'Q6', 2), ('Radio', 'Q1', 3)"
    )
    ws.close()
    loaded = runner.invoke(app, ["target", "load", "-w", str(ws.root), str(DEFAULT_SEED)])
    assert loaded.exit_code == 0, loaded.output
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], env={"COLUMNS": "200"})
    assert "opportunities: 1 share a contact and pipeline with an earlier one" in plan.output
    assert re.search(r"opportunity:quotes +│ 4 +│ 4 +│ 6", plan.output)  # Q5 goes as a note, Q6 waits
    assert hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet").exit_code == 0
    result = hlmap(ws.root, sandbox, "reconcile", "--json")
    report = json.loads(result.output)
    tables = {t["table"]: t for t in report["accounting"]["tables"]}
    assert tables["quotes"]["counts"] == {"landed": 5, "held": 1}

    quotes = accounted(ws, "quotes")
    kept = quotes["Q5"]
    assert kept[0] == "landed" and kept[1]  # the note's HighLevel id
    assert kept[2] == "one-opportunity-per-contact-and-pipeline" and kept[3] == "contact:clients:C1"
    assert "note" in kept[5] and "allowDuplicateOpportunity" in kept[5]
    assert kept[6] == f"kept_opportunity:quotes landed {kept[1]}"  # no failed opportunity part beside it
    note = (
        ws.connect()
        .execute(
            "SELECT hl_id FROM exec.ledger WHERE op_id = 'kept_opportunity:quotes:Q5' AND status = 'done'"
        )
        .fetchone()
    )
    assert note == (kept[1],)
    held = quotes["Q6"]
    assert held[0] == "held" and held[4] == "pipelineId" and "on hold" in held[5]
    assert held[6] == "opportunity:quotes held"  # the note kind that takes later duplicates has no part
    assert quotes["Q1"][0] == "landed" and quotes["Q1"][6].startswith("opportunity:quotes landed")

    sources = accounted(ws, "quote_sources")
    assert sources["1"][:4] == ("merged", kept[1], "merge-into-parent", "kept_opportunity:quotes:Q5")
    assert sources["3"][:4] == ("merged", quotes["Q1"][1], "merge-into-parent", "opportunity:quotes:Q1")
    assert sources["2"][0] == "held"
    assert "Q6 is not migrated (no stage decision for on hold" in sources["2"][5]
    body = (
        ws.connect()
        .execute(
            """SELECT json_extract_string("values", '$.body') FROM exec.records
        WHERE target = 'kept_opportunity' AND source_key = 'Q5'"""
        )
        .fetchone()
    )
    assert body is not None and "lead_source: Feria" in body[0]  # the merged value rides in the note
    ws.close()
