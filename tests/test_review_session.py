"""The headless review session: each decision lands in the saved document with who and when."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import HlmapError
from assistant.mapping import store
from assistant.mapping.items import FieldMap, MappingDocument, OwnerMatch, StageValueMap
from assistant.mapping.models import DataType, FieldKind, FieldModel, OpportunityStatus, Status
from assistant.review.errors import ReviewError
from assistant.review.persistence import BackgroundPersistence, WorkspacePersistence
from assistant.review.session import ReviewSession, open_session
from assistant.review.views import overview_rows, parse_filter
from assistant.workspace import Workspace
from tests.review_data import context, saved, small_document, write_workspace


@pytest.fixture
def session(tmp_path: Path) -> ReviewSession:
    workspace = write_workspace(tmp_path, small_document())
    return ReviewSession(store.load(workspace), "ana", WorkspacePersistence(workspace), context())


def on_disk(session: ReviewSession) -> MappingDocument:
    return saved(session.persistence.workspace.root)  # type: ignore[attr-defined]


def test_accept_and_reject_are_saved_with_who_and_when(session: ReviewSession) -> None:
    session.accept("field:clients.email")
    session.reject("field:clients.phone")
    doc = on_disk(session)
    accepted, rejected = doc.find("field:clients.email"), doc.find("field:clients.phone")
    assert (accepted.status, accepted.decided_by) == (Status.ACCEPTED, "ana")
    assert rejected.status is Status.REJECTED and rejected.decided_at is not None


def test_new_custom_field_needs_its_model_confirmed(session: ReviewSession) -> None:
    with pytest.raises(ReviewError, match="irreversible"):
        session.accept("field:clients.tax-id")
    with pytest.raises(ReviewError, match="irreversible"):
        session.accept("field:clients.tax-id", model_confirmed=FieldModel.OPPORTUNITY)
    assert on_disk(session).find("field:clients.tax-id").status is Status.PROPOSED
    session.accept("field:clients.tax-id", model_confirmed=FieldModel.CONTACT)
    assert on_disk(session).find("field:clients.tax-id").status is Status.ACCEPTED


def test_edit_target_only_offers_catalog_and_destination_targets(session: ReviewSession) -> None:
    labels = [c.label for c in session.choices("field:clients.name")]
    assert "contact.lastName" in labels and "company.website" in labels
    assert "contact.Customer since (custom)" in labels and "skip" in labels
    with pytest.raises(ReviewError, match="not a target"):
        session.edit_target("field:clients.name", "contact.favouriteColour")
    session.edit_target("field:clients.name", "contact.lastName")
    item = on_disk(session).find("field:clients.name")
    assert isinstance(item, FieldMap) and item.target.field == "lastName" and item.status is Status.EDITED


def test_existing_custom_field_keeps_the_destination_key_and_type(session: ReviewSession) -> None:
    session.edit_target("field:clients.legacy-code", "contact.Customer since (custom)")
    item = on_disk(session).find("field:clients.legacy-code")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert item.target.kind is FieldKind.CUSTOM_EXISTING
    assert (item.target.custom_field.existing_id, item.target.custom_field.field_key) == (
        "cf1",
        "contact.customer_since",
    )
    assert item.target.custom_field.data_type is DataType.DATE


def test_edit_to_new_custom_field_needs_the_model_and_guesses_type_from_profile(
    session: ReviewSession,
) -> None:
    with pytest.raises(ReviewError, match="irreversible"):
        session.edit_target("field:clients.email", "company: new custom field")
    session.edit_target(
        "field:clients.email", "company: new custom field", model_confirmed=FieldModel.COMPANY
    )
    item = on_disk(session).find("field:clients.email")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert item.target.custom_field.model is FieldModel.COMPANY
    assert item.target.custom_field.data_type is DataType.EMAIL  # profile says emails


def test_alternative_is_one_call_away(session: ReviewSession) -> None:
    session.choose_alternative("field:clients.name", 0)
    item = on_disk(session).find("field:clients.name")
    assert isinstance(item, FieldMap) and item.target.field == "name"
    with pytest.raises(ReviewError, match="no alternative 3"):
        session.choose_alternative("field:clients.name", 2)


def test_custom_field_type_options_and_model_edits(session: ReviewSession) -> None:
    with pytest.raises(ReviewError, match="option dataType"):
        session.edit_custom_field("field:clients.tax-id", model_confirmed=FieldModel.CONTACT, options=["a"])
    session.edit_custom_field(
        "field:clients.tax-id",
        model_confirmed=FieldModel.OPPORTUNITY,
        data_type=DataType.SINGLE_OPTIONS,
        options=["ES", "PT"],
        model=FieldModel.OPPORTUNITY,
    )
    item = on_disk(session).find("field:clients.tax-id")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    spec = item.target.custom_field
    assert (spec.data_type, spec.options, spec.model) == (
        DataType.SINGLE_OPTIONS,
        ["ES", "PT"],
        FieldModel.OPPORTUNITY,
    )
    assert spec.field_key == "opportunity.vat_number" and item.status is Status.EDITED


def test_accept_above_leaves_low_confidence_custom_fields_and_unfit_items(session: ReviewSession) -> None:
    accepted = session.accept_above(0.6)
    assert "field:clients.email" in accepted and "field:clients.tax-id" not in accepted
    assert "field:quotes.total" not in accepted and "owner:quotes.u9" not in accepted
    doc = on_disk(session)
    assert doc.find("field:quotes.total").status is Status.PROPOSED
    assert doc.find("stage:quotes.status=sent").status is Status.ACCEPTED
    with_models = session.accept_above(0.6, custom_field_models_confirmed=True)
    assert with_models == ["field:clients.tax-id"]


def test_bulk_accept_refuses_thresholds_under_the_workspace_floor(session: ReviewSession) -> None:
    session.bulk_floor = 0.7
    with pytest.raises(ReviewError, match="confidence_threshold"):
        session.accept_above(0.5)


def test_undo_restores_the_saved_document(session: ReviewSession) -> None:
    session.accept("field:clients.email")
    session.merge_tags("tag:VIP", ["tag:Priority"])
    assert session.undo().startswith("merge")
    assert [c.id for c in on_disk(session).tags] == ["tag:VIP", "tag:Priority", "tag:Boiler"]
    session.undo()
    assert on_disk(session).find("field:clients.email").status is Status.PROPOSED
    with pytest.raises(ReviewError, match="nothing to undo"):
        session.undo()


def test_tag_merge_split_rename_move(session: ReviewSession) -> None:
    session.merge_tags("tag:VIP", ["tag:Priority"])
    vip = on_disk(session).find("tag:VIP")
    assert vip.members == ["vip", "V.I.P.", "priority", "urgent"]  # type: ignore[attr-defined]
    new_id = session.split_tag("tag:VIP", ["urgent", "priority"], "Urgent")
    assert on_disk(session).find(new_id).members == ["priority", "urgent"]  # type: ignore[attr-defined]
    assert session.rename_tag("tag:Urgent", "Rush") == "tag:Rush"
    session.move_tag("boiler", "tag:Boiler", "tag:Rush")
    doc = on_disk(session)
    assert [c.canonical for c in doc.tags] == ["VIP", "Rush"]  # the emptied Boiler cluster is gone
    rush = doc.find("tag:Rush")
    assert rush.members == ["priority", "urgent", "boiler"] and rush.status is Status.EDITED  # type: ignore[attr-defined]
    assert rush.counts["boiler"] == 7  # type: ignore[attr-defined]
    with pytest.raises(ReviewError, match="exists already"):
        session.rename_tag("tag:Rush", "VIP")
    with pytest.raises(ReviewError, match="some, not all"):
        session.split_tag("tag:VIP", ["vip", "V.I.P."], "X")


def test_stage_map_points_at_a_real_stage(session: ReviewSession) -> None:
    with pytest.raises(ReviewError, match="pick a pipeline"):
        session.accept("stage:quotes.status=limbo")
    with pytest.raises(ReviewError, match="not in the destination"):
        session.set_stage("stage:quotes.status=limbo", "p1", "nope", OpportunityStatus.LOST)
    session.set_stage("stage:quotes.status=limbo", "p1", "s3", OpportunityStatus.LOST)
    item = on_disk(session).find("stage:quotes.status=limbo")
    assert isinstance(item, StageValueMap)
    assert (item.stage_name, item.opportunity_status, item.flagged) == ("Won", OpportunityStatus.LOST, False)


def test_owner_match_and_fallback(session: ReviewSession) -> None:
    session.set_owner("owner:quotes.u9", "usr-owner", fallback=True)
    item = on_disk(session).find("owner:quotes.u9")
    assert isinstance(item, OwnerMatch)
    assert (item.user_id, item.fallback_user_id, item.method) == (None, "usr-owner", "fallback")
    session.set_owner("owner:quotes.u9", "usr-ana")
    item = on_disk(session).find("owner:quotes.u9")
    assert isinstance(item, OwnerMatch) and item.user_id == "usr-ana" and item.decided_by == "ana"
    with pytest.raises(ReviewError, match="not in the destination"):
        session.set_owner("owner:quotes.u9", "usr-ghost")


def test_confirm_only_when_nothing_blocks(session: ReviewSession, tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="still need a decision"):
        session.confirm()
    assert not (tmp_path / "mapping.confirmed.yaml").exists()
    session.accept_above(0.0, custom_field_models_confirmed=True)
    session.reject_pending()
    path = session.confirm()
    confirmed = store.parse_yaml(path.read_text(encoding="utf-8"))
    assert confirmed.confirmed_by == "ana" and not confirmed.pending()
    assert confirmed.find("field:clients.email").status is Status.ACCEPTED
    assert confirmed.find("owner:quotes.u9").status is Status.REJECTED


def test_open_session_reads_the_workspace_and_background_saves(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    background = BackgroundPersistence(workspace, settle=0.0)
    try:
        session = open_session(workspace, "luis", persistence=background, context=context())
        workspace.close()
        assert session.bulk_floor == 0.7  # propose.confidence_threshold from hlmap.toml
        for item_id in ("field:clients.email", "field:clients.phone", "field:quotes.title"):
            session.accept(item_id)
        background.flush(timeout=60)
        doc = saved(tmp_path)
        session.accept_above(0.7, custom_field_models_confirmed=True)
        session.reject_pending()
        assert session.confirm() == tmp_path / "mapping.confirmed.yaml"
    finally:
        background.close()
    assert saved(tmp_path).confirmed_by == "luis" and (tmp_path / "mapping.confirmed.yaml").exists()
    assert all(doc.find(i).decided_by == "luis" for i in ("field:clients.email", "field:quotes.title"))


def test_overview_lists_lowest_confidence_first_and_filters_parse() -> None:
    rows = overview_rows(small_document())
    assert [r.source_object for r in rows] == ["quotes", "clients"]
    assert rows[1].pending == 6 and rows[1].targets == "contact + company"
    spec = parse_filter("pending <0.7")
    assert spec.statuses == {Status.PROPOSED} and spec.max_confidence == 0.7
    with pytest.raises(ValueError, match="unknown filter"):
        parse_filter("bogus")


def test_review_never_imports_the_executor_or_llm_clients() -> None:
    code = (
        "import sys, assistant.review.app, assistant.review.commands; "
        "bad = [m for m in sys.modules if m.startswith(('assistant.execute', 'assistant.propose', "
        "'openai', 'instructor'))]; print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_cli_without_a_mapping_document_says_what_to_run(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    Workspace(tmp_path).ensure().close()
    result = CliRunner().invoke(app, ["review", "-w", str(tmp_path)])
    assert result.exit_code == 2
    assert "has no raw tables: run `hlmap ingest EXPORT_FILES" in result.output  # the first missing step


def test_cli_without_a_terminal_says_so_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    write_workspace(tmp_path, small_document())
    result = CliRunner().invoke(app, ["review", "-w", str(tmp_path)])  # no terminal on either side
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "error: hlmap review needs a terminal; without one, decide with `hlmap decide` "
        "(--accept-above, --accept, --reject, --set, --confirm)"
    ]


def test_background_write_failures_are_reported_not_swallowed(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    background = BackgroundPersistence(workspace, settle=0.0)
    try:
        session = ReviewSession(store.load(workspace), "ana", background, context())
        workspace.close()
        (tmp_path / "mapping.yaml").unlink()
        (tmp_path / "mapping.yaml").mkdir()  # the next save cannot replace a folder
        session.accept("field:clients.email")
        with pytest.raises(HlmapError, match=r"saving .*mapping\.yaml failed"):
            background.flush(timeout=60)
        background._process.kill()
        session.accept("field:clients.phone")
        with pytest.raises(HlmapError, match="writer stopped"):
            background.flush(timeout=60)
    finally:
        background.close()


def test_a_broken_document_is_reported_with_its_file(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    (tmp_path / "mapping.yaml").write_text("fields: [ {id: 1", encoding="utf-8")
    with pytest.raises(HlmapError, match=r"mapping\.yaml: "):
        open_session(workspace, "ana", context=context())
