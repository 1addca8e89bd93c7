"""An object map switched to one of its alternatives, in the review (keys 1-3 on the object row)
and with ``hlmap decide --use``: the chosen targets replace the proposal, the line table follows,
the field maps of both are proposed again for the new targets, and the plan sends what was chosen.

The export is the small one of test_propose_native_documents: invoices (native where the destination
takes them) with their lines, quotes (an opportunity with a native estimate beside it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import MappingDocument, ObjectMap
from assistant.review.app import ReviewApp
from assistant.review.screens.object_screen import ObjectScreen
from assistant.workspace import Workspace
from tests.review_data import saved
from tests.test_propose_native_documents import _propose

runner = CliRunner()
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def proposed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("proposed")
    _propose(root, ["invoice", "estimate"])
    return root / "ws"


def _copy(proposed: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(proposed, tmp_path / "ws"))


def _object(doc: MappingDocument, table: str) -> ObjectMap:
    found = doc.find(f"object:{table}")
    assert isinstance(found, ObjectMap)
    return found


def _targets(om: ObjectMap) -> list[tuple[str, str | None]]:
    return [(t.object.value, t.role) for t in om.targets]


async def test_key_1_on_the_object_row_switches_it_and_its_lines(proposed: Path, tmp_path: Path) -> None:
    ws = _copy(proposed, tmp_path)
    before = _object(saved(ws), "invoices")
    first = before.alternatives[0]
    review = ReviewApp(Workspace(ws), "ana")
    async with review.run_test(size=(120, 40)) as pilot:
        await review.workers.wait_for_complete()
        await review.push_screen(ObjectScreen("invoices"))
        await pilot.pause()
        table = review.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("object:invoices"))
        await pilot.press("1")
        await pilot.pause()
        review.persistence.flush(timeout=60)
    doc = saved(ws)
    invoices = _object(doc, "invoices")
    wanted = [{k: v for k, v in t.items() if v is not None} for t in first.value["targets"]]
    assert [t.model_dump(mode="json", exclude_none=True) for t in invoices.targets] == wanted
    assert invoices.status.value == "edited" and invoices.decided_by == "ana"
    assert invoices.alternatives[0].value["targets"] == [{"object": "invoice"}]  # one key back
    assert _targets(_object(doc, "invoices__lines")) == [("product", "line_items")]
    fields = [f for f in doc.fields if f.source_object in ("invoices", "invoices__lines")]
    assert fields and not any(f.target.object and f.target.object.value == "invoice" for f in fields)
    assert all(f.status.value == "proposed" for f in fields)  # proposed again, for a decision


def test_decide_use_switches_an_object_and_the_plan_follows(proposed: Path, tmp_path: Path) -> None:
    ws = str(_copy(proposed, tmp_path))
    listed = runner.invoke(app, ["decide", "-w", ws, "--use", "invoices=?"])
    said = " ".join(listed.output.split())
    assert listed.exit_code == 2 and "invoices has the alternatives 1. custom_object" in said

    switch = ["--use", "invoices=custom_object", "--use", "quotes=1"]
    accept = ["--accept-above", "0.7", "--confirm-models"]
    used = runner.invoke(app, ["decide", "-w", ws, *switch, *accept], catch_exceptions=False)
    assert used.exit_code == 0, used.output
    doc = saved(Path(ws))
    assert _targets(_object(doc, "invoices"))[0][0] == "custom_object"
    assert _targets(_object(doc, "invoices__lines")) == [("product", "line_items")]
    assert _targets(_object(doc, "quotes")) == [("opportunity", None)]
    assert not any(f.id.endswith("@estimate") for f in doc.fields)  # the estimate's maps went with it
    rest = [
        arg for kind in ("object", "field", "tag", "stage", "owner") for arg in ("--reject", f"kind={kind}")
    ]
    runner.invoke(app, ["decide", "-w", ws, *rest, "--confirm"], catch_exceptions=False)
    plan = runner.invoke(app, ["plan", "-w", ws], catch_exceptions=False, env={"COLUMNS": "200"})
    assert plan.exit_code == 0, plan.output
    assert "custom_object:invoices" in plan.output and "opportunity:quotes" in plan.output
    assert "invoice:invoices" not in plan.output and "estimate:quotes" not in plan.output
