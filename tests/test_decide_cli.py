"""``hlmap decide``: selectors and edits land in the saved document with who and when."""

from __future__ import annotations

from pathlib import Path

from assistant.highlevel.snapshot import store_destination
from assistant.mapping.items import FieldMap, OwnerMatch, StageValueMap
from assistant.mapping.models import OpportunityStatus, Status
from tests.cli_support import error_lines, hlmap, reviewed_workspace
from tests.review_data import destination, saved, small_document, write_workspace


def test_selectors_edits_and_bulk_accept_are_saved_with_who(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    result = hlmap(
        "decide", "-w", tmp_path, "--who", "ana",
        "--set", "clients.name=contact.lastName",
        "--stage", "quotes.status:limbo=Sales/Won/lost",
        "--owner", "quotes.u9=fallback:owner@acme.test",
        "--reject", "object=quotes",
        "--accept-above", "0.9",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = saved(tmp_path)
    name = doc.find("field:clients.name")
    assert isinstance(name, FieldMap) and name.target.field == "lastName"
    assert (name.status, name.decided_by) == (Status.EDITED, "ana") and name.decided_at is not None
    # edits run before rejections: the stage value was decided, then object=quotes rejected the rest
    limbo = doc.find("stage:quotes.status=limbo")
    assert isinstance(limbo, StageValueMap)
    assert (limbo.stage_id, limbo.opportunity_status, limbo.status) == (
        "s3",
        OpportunityStatus.LOST,
        Status.EDITED,
    )
    owner = doc.find("owner:quotes.u9")
    assert isinstance(owner, OwnerMatch) and owner.fallback_user_id == "usr-owner"
    assert doc.find("field:quotes.title").status is Status.REJECTED
    assert doc.find("owner:quotes.u7").status is Status.REJECTED  # pending and in quotes
    assert doc.find("field:clients.email").status is Status.ACCEPTED  # 0.97
    assert doc.find("field:clients.phone").status is Status.PROPOSED  # 0.88 is under 0.9
    assert "rejected 5 (object=quotes): object:quotes, field:quotes.title" in result.output


def test_accept_by_kind_leaves_low_confidence_items_to_be_named(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    result = hlmap("decide", "-w", tmp_path, "--accept", "kind=tag", "--accept", "id=tag:VIP")
    assert result.exit_code == 0, result.output
    doc = saved(tmp_path)
    assert doc.find("tag:VIP").status is Status.ACCEPTED  # named by id: a decision, not a bulk one
    assert doc.find("tag:Boiler").status is Status.PROPOSED  # confidence 0 is under the 0.7 floor
    assert "left pending under propose.confidence_threshold 0.70: 3: tag:VIP, tag:Priority, tag:Boiler" in (
        result.output
    )


def test_new_custom_fields_need_their_model_confirmed(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    result = hlmap("decide", "-w", tmp_path, "--accept", "id=field:clients.tax-id")
    assert error_lines(result) == [
        "error: --accept 'id=field:clients.tax-id': field:clients.tax-id: creates a contact custom field; "
        "the model is irreversible and must be confirmed explicitly"
    ]
    assert saved(tmp_path).find("field:clients.tax-id").status is Status.PROPOSED
    hlmap("decide", "-w", tmp_path, "--accept", "id=field:clients.tax-id", "--confirm-models")
    assert saved(tmp_path).find("field:clients.tax-id").status is Status.ACCEPTED


def test_accept_above_says_which_proposals_it_left_pending_and_why(tmp_path: Path) -> None:
    """A sure new custom field is not accepted by --accept-above without --confirm-models: the output
    says so, rather than leaving a later --confirm to list it as undecided with no reason."""
    document = small_document()
    document.find("field:clients.tax-id").confidence = 0.95
    workspace = write_workspace(tmp_path, document)
    store_destination(workspace, destination(), "test")
    workspace.close()
    result = hlmap("decide", "-w", tmp_path, "--accept-above", "0.9")
    assert result.exit_code == 0, result.output
    assert (
        "left pending at or above 0.90: 1 new custom fields, whose model cannot change once created "
        "(add --confirm-models to accept them as proposed): field:clients.tax-id"
    ) in " ".join(result.output.split())
    assert saved(tmp_path).find("field:clients.tax-id").status is Status.PROPOSED
    result = hlmap("decide", "-w", tmp_path, "--accept-above", "0.9", "--confirm-models")
    assert "left pending at or above" not in result.output
    assert saved(tmp_path).find("field:clients.tax-id").status is Status.ACCEPTED


def test_an_invalid_target_is_refused_and_nothing_is_saved(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    before = (tmp_path / "mapping.yaml").read_text(encoding="utf-8")
    result = hlmap("decide", "-w", tmp_path, "--accept-above", "0.9", "--set", "clients.name=contact.lastNme")
    assert result.exit_code == 2
    assert error_lines(result) == [
        "error: --set 'clients.name=contact.lastNme': 'contact.lastNme' is not a target in the catalog "
        "or the destination; did you mean 'contact.lastName'?"
    ]
    assert (tmp_path / "mapping.yaml").read_text(encoding="utf-8") == before


def test_selector_and_stage_mistakes_are_one_line(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    cases = {
        ("--accept", "kid=tag"): "error: --accept 'kid=tag': unknown key 'kid' "
        "(allowed: kind, object, column, target, id); did you mean 'kind'?",
        ("--reject", "kind=tags"): "error: --reject 'kind=tags': kind is one of object, field, tag, stage, "
        "owner, holding, billing; did you mean 'tag'?",
        ("--stage", "quotes.status:limbo=Sales/Wonn"): "error: --stage 'quotes.status:limbo=Sales/Wonn': "
        "pipeline 'Sales' has no stage 'Wonn' (stages: New, Quote sent, Won); did you mean 'Won'?",
        ("--owner", "quotes.u9=nobody@acme.test"): "error: --owner 'quotes.u9=nobody@acme.test': "
        "no destination user 'nobody@acme.test' (users: ana@acme.test, owner@acme.test)",
    }
    for args, line in cases.items():
        result = hlmap("decide", "-w", tmp_path, *args)
        assert (result.exit_code, error_lines(result)) == (2, [line])


def test_confirm_then_a_later_edit_makes_plan_refuse_the_stale_map(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    result = hlmap(
        "decide", "-w", tmp_path, "--accept-above", "0.7", "--reject", "kind=tag",
        "--reject", "kind=owner", "--reject", "kind=stage", "--reject", "kind=field",
        "--reject", "kind=object",
        "--confirm",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "confirmed → " in result.output and (tmp_path / "mapping.confirmed.yaml").exists()
    assert "confirmed:   yes, up to date" in hlmap("status", "-w", tmp_path).output
    hlmap("decide", "-w", tmp_path, "--set", "clients.phone=skip")
    assert "confirmed:   out of date" in hlmap("status", "-w", tmp_path).output
    plan = hlmap("plan", "-w", tmp_path)
    assert plan.exit_code == 2
    assert error_lines(plan) == [
        f"error: {tmp_path / 'mapping.confirmed.yaml'} is out of date: decisions changed after it was "
        "confirmed; confirm again with `hlmap decide --confirm` or `c` in `hlmap review`"
    ]


def test_nothing_to_decide_and_no_workspace(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    assert error_lines(hlmap("decide", "-w", tmp_path)) == [
        "error: nothing to decide: pass --accept-above, --accept, --reject, --use, --set, --stage, --owner "
        "or --confirm"
    ]
    missing = tmp_path / "typo"
    result = hlmap("decide", "-w", missing, "--accept-above", "0.9")
    assert error_lines(result) == [
        f"error: no workspace at {missing}: start one with `hlmap ingest EXPORT_FILES -w {missing}`"
    ]
    assert not missing.exists()


def test_the_stage_of_a_table_no_column_places_is_named_by_its_table(tmp_path: Path) -> None:
    document = small_document()
    document.stages.append(
        StageValueMap(id="stage:jobs", source_object="jobs", source_column="", source_value="", flagged=True)
    )
    workspace = write_workspace(tmp_path, document)
    store_destination(workspace, destination(), "test")
    workspace.close()
    wrong = hlmap("decide", "-w", tmp_path, "--stage", "job=Sales/New")
    assert error_lines(wrong)[0].startswith("error: --stage 'job=Sales/New': write OBJECT.COLUMN:VALUE=")
    assert error_lines(wrong)[0].endswith(
        "(or TABLE=PIPELINE/STAGE for a table no column places); did you mean 'jobs'?"
    )
    result = hlmap("decide", "-w", tmp_path, "--who", "ana", "--stage", "jobs=Sales/New")
    assert result.exit_code == 0, result.output
    item = saved(tmp_path).find("stage:jobs")
    assert isinstance(item, StageValueMap)
    assert (item.pipeline_id, item.stage_id, item.flagged, item.status, item.decided_by) == (
        "p1",
        "s1",
        False,
        Status.EDITED,
        "ana",
    )
