"""The demo rehearses the plan's pipeline setup step on the stand-in: which pipeline, which stages,
in the order the export defines them (or first use when it defines none)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from assistant.demo.pipeline_rehearsal import pipelines_to_create, rehearse_pipeline_setup
from assistant.errors import HlmapError
from assistant.mapping import store
from tests.test_execute_support import tiny_workspace
from tests.test_pipeline_setup import with_pipelines


def _workspace(tmp_path: Path, *, definition: bool) -> Path:
    ws = tiny_workspace(tmp_path / "ws", with_pipelines())
    store.save(ws, store.load_confirmed(ws))  # the proposals, as `hlmap propose` leaves them
    con = ws.connect()
    con.execute("ALTER TABLE raw.quotes ADD COLUMN pipeline VARCHAR DEFAULT 'Sales'")
    con.execute(
        """INSERT INTO raw.quotes VALUES ('Q5', 'C1', 'P-005', 'Alianza', 'signed', '10,00', 5, 'load-1',
        'Partners'), ('Q6', 'C2', 'P-006', 'Convenio', 'intro', '20,00', 6, 'load-1', ' Partners')"""
    )
    if definition:  # the export's own pipelines list, ingested as a parent and a child table
        con.execute("""CREATE TABLE raw.pipelines (id VARCHAR, name VARCHAR, "_row" BIGINT);
            INSERT INTO raw.pipelines VALUES ('p1', 'Sales', 1), ('p2', 'Partners', 2)""")
        con.execute("""CREATE TABLE raw.pipelines__stages (name VARCHAR, "_row" BIGINT, "_parent_row" BIGINT);
            INSERT INTO raw.pipelines__stages VALUES ('New', 1, 1), ('intro', 2, 2), ('draft', 3, 2),
            ('signed', 4, 2)""")  # fmt: skip
    ws.close()
    return ws.root


def test_the_missing_pipeline_takes_the_exports_stage_order(tmp_path: Path) -> None:
    [missing] = pipelines_to_create(_workspace(tmp_path, definition=True))
    assert (missing.name, missing.source_object, missing.rows) == ("Partners", "quotes", 2)
    assert missing.stages == ["intro", "draft", "signed"]  # every stage of the definition, in its order
    assert missing.order_from == "the export's own pipeline definition"


def test_without_a_definition_the_stages_its_rows_use_in_first_use_order(tmp_path: Path) -> None:
    [missing] = pipelines_to_create(_workspace(tmp_path, definition=False))
    assert missing.stages == ["signed", "intro"] and "defines no stage order" in missing.order_from


def test_the_rehearsal_is_printed_as_a_step_done_on_the_stand_in_and_a_refusal_stops_it(
    tmp_path: Path,
) -> None:
    [missing] = pipelines_to_create(_workspace(tmp_path, definition=True))
    shown = io.StringIO()
    with pytest.raises(HlmapError, match="did not create pipeline 'Partners'"):
        rehearse_pipeline_setup(
            [missing],
            url="http://127.0.0.1:9",
            token="t",
            location_id="L1",
            console=Console(file=shown, width=300),
        )
    text = " ".join(shown.getvalue().split())
    assert "REHEARSAL: creating pipeline 'Partners' with stages intro, draft, signed" in text
    assert "on a real location an admin creates it" in text
