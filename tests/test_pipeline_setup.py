"""A source pipeline HighLevel lacks: a setup step in the plan, and the reason each of its rows waits.

The tiny migration's quotes gain a pipeline column; two quotes sit in 'Partners', which the
destination does not have and HighLevel's API cannot create. The plan (no request sent) lists the
pipeline to create with the stages its rows use, or the decision that maps them elsewhere, and
the source accounting holds those rows with that reason, never silently.
"""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.models import Alternative, Status, TargetObject, TransformKind
from tests.sandbox_process import DEFAULT_SEED
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()


def with_pipelines() -> MappingDocument:
    doc = document()
    params = {"map": "pipelines", "values": {"Sales": "Pip0Sales00000000001"}, "unmatched": ["Partners"]}
    kind = TransformKind.VALUE_MAP
    doc.fields.append(
        field_map("quotes", ["pipeline"], TargetObject.OPPORTUNITY, "pipelineId", kind=kind, params=params)
    )
    doc.stages.append(
        StageValueMap(id="stage:quotes.status=intro", source_object="quotes", source_column="status",
                      source_value="intro", flagged=True, status=Status.REJECTED,
                      alternatives=[Alternative(target="Sales / New", score=0.1)])
    )  # fmt: skip
    return doc


def test_plan_names_the_pipeline_to_create_and_holds_its_rows_with_that_reason(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws", with_pipelines())
    con = ws.connect()
    con.execute("ALTER TABLE raw.quotes ADD COLUMN pipeline VARCHAR DEFAULT 'Sales'")
    con.execute(
        """INSERT INTO raw.quotes VALUES ('Q5', 'C1', 'P-005', 'Alianza', 'intro', '10,00', 5, 'load-1',
        'Partners'), ('Q6', 'C2', 'P-006', 'Convenio', 'intro', '20,00', 6, 'load-1', ' Partners')"""
    )
    ws.close()
    assert runner.invoke(app, ["target", "load", "-w", str(ws.root), str(DEFAULT_SEED)]).exit_code == 0
    result = runner.invoke(app, ["plan", "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    out = re.sub(r"\s+", " ", result.output)
    assert (
        "Pipelines: HighLevel's API cannot create pipelines. Create 'Partners' with stages intro "
        "(2 quotes rows wait for it)" in out
    )
    assert 'hlmap decide --stage "quotes.status:intro=Sales/New"' in out
    rows = (
        ws.connect()
        .execute(
            """SELECT source_key, outcome, rule, detail FROM exec.accounting
            WHERE source_table = 'quotes' AND outcome <> 'pending' ORDER BY source_key"""
        )
        .fetchall()
    )
    assert [r[:3] for r in rows] == [("Q5", "held", "pipelineId"), ("Q6", "held", "pipelineId")]
    assert rows[0][3] == (
        "its source pipeline 'Partners' has no HighLevel pipeline and HighLevel's API cannot create one: "
        "held until an admin creates 'Partners' (then `hlmap target pull` and `hlmap propose`) or its "
        "stage 'intro' is mapped into an existing pipeline (hlmap decide --stage)"
    )
    losses = (ws.root / "reports" / "plan-losses.md").read_text(encoding="utf-8")
    assert "2 'quotes' rows without a opportunity record: its source pipeline 'Partners'" in losses
    ws.close()


def test_a_rejected_stage_map_names_itself_as_the_reason_quotes_wait(tmp_path: Path) -> None:
    doc = document()
    stage_map = next(f for f in doc.fields if f.id == "field:quotes.status")
    stage_map.status = Status.REJECTED
    ws = tiny_workspace(tmp_path / "ws", doc)
    result = runner.invoke(app, ["plan", "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    rows = (
        ws.connect()
        .execute("SELECT DISTINCT outcome, rule, detail FROM exec.accounting WHERE source_table = 'quotes'")
        .fetchall()
    )
    assert rows == [
        (
            "held",
            "pipelineId",
            "HighLevel requires pipelineId for an opportunity and the map that would fill it was rejected "
            "(field:quotes.status): record not migrated",
        )
    ]
    ws.close()
