"""The review app driven by keys through Textual's Pilot; every check reads the saved document."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Select
from textual.worker import WorkerFailed

from assistant.mapping.items import FieldMap, MappingDocument, OwnerMatch, StageValueMap, TagCluster
from assistant.mapping.models import DataType, FieldModel, OpportunityStatus, Status
from assistant.review.app import ReviewApp
from assistant.review.messages import DecisionRefused, ProposalAccepted, ProposalEdited, ProposalRejected
from assistant.review.screens.custom_field import CustomFieldModal
from assistant.review.screens.help import HelpScreen
from assistant.review.screens.items import ItemsScreen
from assistant.review.screens.modals import ModelConfirmModal, PickerModal
from assistant.review.screens.object_screen import ObjectScreen
from tests.review_data import big_document, context, saved, small_document, write_workspace

SIZE = (120, 40)
pytestmark = pytest.mark.anyio  # anyio's pytest plugin runs the async tests on asyncio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@asynccontextmanager
async def review(
    tmp_path: Path, document: MappingDocument | None = None
) -> AsyncIterator[tuple[ReviewApp, Pilot[None]]]:
    workspace = write_workspace(tmp_path, document or small_document())
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        yield app, pilot  # type: ignore[misc]


async def settle(app: ReviewApp, pilot: Pilot[None], root: Path) -> MappingDocument:
    await pilot.pause()
    app.persistence.flush(timeout=60)
    return saved(root)


async def open_clients(pilot: Pilot[None]) -> None:
    await pilot.press("down", "enter")  # quotes sort first (lowest confidence), clients second
    await pilot.pause()


def highlight(app: ReviewApp, item_id: str) -> None:
    screen = app.screen
    assert isinstance(screen, ItemsScreen)
    table = screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(item_id))


async def test_accept_and_reject_keys_save_decisions(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        assert isinstance(app.screen, ObjectScreen) and app.screen.source_object == "clients"
        highlight(app, "field:clients.email")
        await pilot.press("a")
        highlight(app, "field:clients.phone")
        await pilot.press("r")
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("field:clients.email").status is Status.ACCEPTED
    assert doc.find("field:clients.email").decided_by == "ana"
    assert doc.find("field:clients.phone").status is Status.REJECTED
    kinds = [type(m) for m in app.messages_posted]
    assert kinds == [ProposalAccepted, ProposalRejected]


async def test_edit_picker_offers_valid_targets_only(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.name")
        await pilot.press("e")
        await pilot.press(*"favouritecolour")
        await pilot.pause()
        assert isinstance(app.screen, PickerModal)
        assert app.screen.query_one(OptionList).option_count == 0  # not in catalog nor destination
        await pilot.press("enter", "escape")
        assert (await settle(app, pilot, tmp_path)).find("field:clients.name").status is Status.PROPOSED
        await pilot.press("e", *"contact.lastname", "enter")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("field:clients.name")
    assert isinstance(item, FieldMap) and item.target.field == "lastName" and item.status is Status.EDITED
    assert any(isinstance(m, ProposalEdited) for m in app.messages_posted)


async def test_new_custom_field_asks_for_its_model_before_accepting(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.tax-id")
        await pilot.press("a")
        assert isinstance(app.screen, ModelConfirmModal)
        await pilot.press("escape")
        assert (await settle(app, pilot, tmp_path)).find("field:clients.tax-id").status is Status.PROPOSED
        await pilot.press("a", "y")
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("field:clients.tax-id").status is Status.ACCEPTED


async def test_custom_field_dialog_edits_type_options_and_model(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.tax-id")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, CustomFieldModal)
        dialog.query_one("#data-type", Select).value = DataType.MULTIPLE_OPTIONS
        dialog.query_one("#model", Select).value = FieldModel.OPPORTUNITY
        await pilot.pause()
        assert "opportunity" in str(dialog.query_one("#save").render())  # the button names the model
        await pilot.click("#options")
        await pilot.press(*"boiler, solar", "ctrl+s")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("field:clients.tax-id")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    spec = item.target.custom_field
    assert (spec.data_type, spec.options, spec.model) == (
        DataType.MULTIPLE_OPTIONS,
        ["boiler", "solar"],
        FieldModel.OPPORTUNITY,
    )


async def test_alternative_key_and_undo(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.name")
        await pilot.press("1")
        item = (await settle(app, pilot, tmp_path)).find("field:clients.name")
        assert isinstance(item, FieldMap) and item.target.field == "name"
        await pilot.press("u")
        item = (await settle(app, pilot, tmp_path)).find("field:clients.name")
    assert isinstance(item, FieldMap) and item.target.field == "firstName" and item.status is Status.PROPOSED


async def test_accept_all_above_asks_for_the_threshold(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("A", *"0.5", "enter")  # below the 0.7 floor: refused
        assert isinstance(app.messages_posted[-1], DecisionRefused)
        await pilot.press("A")  # the default is the workspace threshold, 0.70
        await pilot.click("#everywhere")  # enter would accept in the highlighted object only
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("field:clients.email").status is Status.ACCEPTED
    assert doc.find("field:quotes.title").status is Status.ACCEPTED  # 0.74
    assert doc.find("field:clients.tax-id").status is Status.PROPOSED  # custom field: asked one by one
    assert doc.find("field:quotes.total").status is Status.PROPOSED  # 0.58


async def test_filter_and_search_narrow_the_table(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.phone")
        await pilot.press("r", "f", *"rejected", "enter")
        table = app.screen.query_one(DataTable)
        assert list(table.rows) == ["field:clients.phone"]
        await pilot.press("f", "enter", "slash", *"tax", "enter")
        assert list(table.rows) == ["field:clients.tax-id"]
        await pilot.press("f", *"<0.5", "enter", "slash", "backspace", "enter")
        assert list(table.rows) == ["field:clients.legacy-code"]


async def test_tag_cluster_keys(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("t")
        highlight(app, "tag:Priority")
        await pilot.press("space")
        highlight(app, "tag:VIP")
        await pilot.press("m")
        doc = await settle(app, pilot, tmp_path)
        merged = doc.find("tag:VIP")
        assert isinstance(merged, TagCluster) and "urgent" in merged.members and len(doc.tags) == 2
        await pilot.press("x", *"urgent -> Urgent", "enter")
        highlight(app, "tag:Urgent")
        await pilot.press("n", *"Rush", "enter")
        highlight(app, "tag:Boiler")
        await pilot.press("v", "enter", *"Rush", "enter")  # first spelling, then the target cluster
        doc = await settle(app, pilot, tmp_path)
    assert [c.canonical for c in doc.tags] == ["VIP", "Rush"]
    rush = doc.find("tag:Rush")
    assert isinstance(rush, TagCluster) and rush.members == ["urgent", "boiler"]


async def test_stage_picker_uses_the_destination_pipelines(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("s")
        highlight(app, "stage:quotes.status=limbo")
        await pilot.press("e")
        assert isinstance(app.screen, PickerModal)
        assert app.screen.choices == ["Sales › New", "Sales › Quote sent", "Sales › Won"]
        await pilot.press(*"won", "enter", *"lost", "enter")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("stage:quotes.status=limbo")
    assert isinstance(item, StageValueMap)
    assert (item.stage_id, item.opportunity_status, item.status) == (
        "s3",
        OpportunityStatus.LOST,
        Status.EDITED,
    )


async def test_owner_match_and_fallback_keys(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("o")
        highlight(app, "owner:quotes.u9")
        await pilot.press("a")  # no user yet: refused
        assert isinstance(app.messages_posted[-1], DecisionRefused)
        await pilot.press("b", *"owner", "enter")
        doc = await settle(app, pilot, tmp_path)
        item = doc.find("owner:quotes.u9")
        assert isinstance(item, OwnerMatch) and item.fallback_user_id == "usr-owner"
        await pilot.press("e", *"ana", "enter")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("owner:quotes.u9")
    assert isinstance(item, OwnerMatch) and (item.user_id, item.method) == ("usr-ana", "manual")


async def test_confirm_is_refused_while_pending_then_writes_the_confirmed_document(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.messages_posted[-1], DecisionRefused)
        assert not (tmp_path / "mapping.confirmed.yaml").exists()
        app.session.accept_above(0.7, custom_field_models_confirmed=True)
        app.session.reject_pending()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.press("y")  # the summary asks before writing
        await app.workers.wait_for_complete()
        await pilot.pause()
    confirmed = saved(tmp_path)
    assert confirmed.confirmed_by == "ana" and (tmp_path / "mapping.confirmed.yaml").exists()


async def test_help_screen_lists_the_keys(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.slow
async def test_two_thousand_proposals_load_and_a_key_applies(tmp_path: Path) -> None:
    async with review(tmp_path, big_document(2000)) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ObjectScreen) and screen.query_one(DataTable).row_count == 101
        first = screen.current_id()
        await pilot.press("down", "a")
        doc = await settle(app, pilot, tmp_path)
    assert first is not None and len(doc.fields) == 2000
    assert sum(1 for f in doc.fields if f.status is Status.ACCEPTED) == 1


async def test_pending_filter_moves_on_to_the_next_pending_row(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        await pilot.press("f", *"pending", "enter")
        table = app.screen.query_one(DataTable)
        assert table.row_count == 6
        highlight(app, "field:clients.email")
        await pilot.press("a", "a")  # email, then the row that moved up under the cursor (name)
        doc = await settle(app, pilot, tmp_path)
        assert table.row_count == 4 and "field:clients.email" not in table.rows
    assert doc.find("field:clients.email").status is Status.ACCEPTED
    assert doc.find("field:clients.name").status is Status.ACCEPTED


async def test_overview_accepts_and_rejects_object_maps(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("r", "down", "a")  # quotes first (lowest confidence), then clients
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("object:quotes").status is Status.REJECTED
    assert doc.find("object:clients").status is Status.ACCEPTED


async def test_a_broken_document_ends_the_app_with_exit_code_2(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    (tmp_path / "mapping.yaml").write_text("fields: [ {id: 1", encoding="utf-8")
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=SIZE) as pilot:
        with contextlib.suppress(WorkerFailed):  # the load worker fails: that is the point
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2


async def test_editing_into_a_new_custom_field_names_the_model_first(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.email")
        await pilot.press("e", *"company: new custom", "enter")
        dialog = app.screen
        assert isinstance(dialog, ModelConfirmModal) and dialog.spec.model is FieldModel.COMPANY
        assert dialog.spec.data_type is DataType.EMAIL  # what the profile saw, shown before saving
        await pilot.press("y")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("field:clients.email")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert item.target.custom_field.model is FieldModel.COMPANY and item.status is Status.EDITED
