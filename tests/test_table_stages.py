"""The executor's side of a whole-table stage (``stage:<table>``): constants for a table no column
places, today's held reason when rejected, and never over a stage column."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.loss import decision_losses
from assistant.mapping.models import Status
from tests.test_execute_flow import hlmap
from tests.test_execute_support import document, tiny_workspace

SALES, NEW, WON = "Pip0Sales00000000001", "Stg0New0000000000001", "Stg0Won0000000000001"


def _whole_table(status: Status) -> StageValueMap:
    return StageValueMap(
        id="stage:quotes",
        source_object="quotes",
        source_column="",
        source_value="",
        pipeline_id=SALES,
        pipeline_name="Sales",
        stage_id=NEW,
        stage_name="New",
        status=status,
        decided_by="ana",
    )


def _without_status_column(status: Status) -> MappingDocument:
    doc = document()
    doc.fields = [f for f in doc.fields if f.id != "field:quotes.status"]
    doc.stages = [_whole_table(status)]
    return doc


def _plan(root: Path, doc: MappingDocument) -> tuple[str, list[tuple[str, str | None]], list[str]]:
    ws = tiny_workspace(root, doc)
    ws.close()
    result = hlmap(root, "plan")
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(root / "workspace.duckdb"), read_only=True)
    stages = con.execute(
        """SELECT source_key, json_extract_string("values", '$.pipelineStageId') FROM exec.records
        WHERE target = 'opportunity' ORDER BY source_key"""
    ).fetchall()
    held = con.execute(
        """SELECT DISTINCT error FROM exec.transform_errors WHERE source_object = 'quotes' AND held"""
    ).fetchall()
    con.close()
    return " ".join(result.output.split()), stages, [str(h[0]) for h in held]


def test_an_accepted_whole_table_stage_places_every_deal_and_the_plan_says_so(tmp_path: Path) -> None:
    out, stages, held = _plan(tmp_path / "ws", _without_status_column(Status.ACCEPTED))
    assert stages == [("Q1", NEW), ("Q2", NEW), ("Q3", NEW), ("Q4", NEW)] and held == []
    assert (
        "quotes: 4 opportunities start at Sales / New (open), as decided by ana in stage:quotes: "
        "no column of the table names a stage"
    ) in out


def test_a_rejected_whole_table_stage_holds_the_deals_naming_the_decision(tmp_path: Path) -> None:
    out, stages, held = _plan(tmp_path / "ws", _without_status_column(Status.REJECTED))
    assert stages == [] and "start at" not in out
    assert held == [
        "HighLevel requires pipelineId for an opportunity and the map that would fill it was rejected "
        "(stage:quotes): record not migrated"
    ]


def test_a_stage_column_places_the_deals_before_a_whole_table_stage(tmp_path: Path) -> None:
    doc = document()  # quotes.status is mapped: a whole-table stage left from an earlier export stays unused
    doc.stages.append(_whole_table(Status.ACCEPTED))
    out, stages, _ = _plan(tmp_path / "ws", doc)
    assert dict(stages)["Q2"] == WON  # 'accepted' in the status column, not the table's New
    assert "quotes: stage:quotes is not used: 'status' places the deals" in out and "start at" not in out


def test_an_undecided_whole_table_stage_costs_every_row_of_its_table(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws", _without_status_column(Status.ACCEPTED))
    doc = _without_status_column(Status.PROPOSED)
    losses = [loss for loss in decision_losses(ws.connect(), doc) if loss.item_id == "stage:quotes"]
    ws.close()
    assert [(loss.records, loss.why) for loss in losses] == [
        (4, "no stage decided for every row of quotes: its 4 records are held back")
    ]
