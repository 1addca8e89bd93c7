"""The review UI lists a whole-table stage (a deals table no column places) beside the stage values:
shown as every row of its table, picked, accepted or rejected like any stage map."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget, StageValueMap
from assistant.mapping.models import Evidence, OpportunityStatus, Status, TargetObject
from assistant.review.screens.modals import PickerModal
from tests.review_data import small_document
from tests.test_review_app import highlight, review, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _with_jobs() -> MappingDocument:
    doc = small_document()
    target = ObjectTarget(object=TargetObject.OPPORTUNITY)
    doc.objects.append(ObjectMap(id="object:jobs", source_object="jobs", row_count=4, targets=[target]))
    detail = "no column names a stage: every deal would start at Sales / New; confirm"
    doc.stages.append(
        StageValueMap(
            id="stage:jobs",
            source_object="jobs",
            source_column="",
            source_value="",
            count=4,
            pipeline_id="p1",
            pipeline_name="Sales",
            stage_id="s1",
            stage_name="New",
            confidence=0.5,
            rationale="'Sales' is the destination's only pipeline; 'New' is its first open stage",
            evidence=[Evidence(source="profile", detail=detail)],
        )
    )
    return doc


async def test_a_whole_table_stage_is_listed_and_edited_like_a_stage_value(tmp_path: Path) -> None:
    async with review(tmp_path, _with_jobs()) as (app, pilot):
        await pilot.press("s")
        highlight(app, "stage:jobs")
        row = app.screen.query_one(DataTable).get_row("stage:jobs")
        assert [str(cell) for cell in row[:4]] == ["every row of jobs", "4", "Sales", "New"]
        await pilot.press("e")
        assert isinstance(app.screen, PickerModal)
        await pilot.press(*"quote", "enter", *"open", "enter")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("stage:jobs")
    assert isinstance(item, StageValueMap) and item.whole_table
    assert (item.stage_id, item.opportunity_status, item.status) == (
        "s2",
        OpportunityStatus.OPEN,
        Status.EDITED,
    )


async def test_a_whole_table_stage_is_accepted_or_rejected_by_its_key(tmp_path: Path) -> None:
    async with review(tmp_path, _with_jobs()) as (app, pilot):
        await pilot.press("s")
        highlight(app, "stage:jobs")
        await pilot.press("a")
        accepted = (await settle(app, pilot, tmp_path)).find("stage:jobs")
        highlight(app, "stage:jobs")
        await pilot.press("r")
        rejected = (await settle(app, pilot, tmp_path)).find("stage:jobs")
    assert (accepted.status, accepted.decided_by, rejected.status) == (
        Status.ACCEPTED,
        "ana",
        Status.REJECTED,
    )
