"""The scorer's edge cases: skips, splits, custom fields, empty gold, extras, tags, stages, owners."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.errors import HlmapError
from assistant.evals.gold import parse_gold
from assistant.evals.gold_models import Gold
from assistant.evals.predictions import (
    PRED_SKIP,
    Predictions,
    PredOwner,
    PredStage,
    PredTarget,
    predictions_from_document,
)
from assistant.evals.scorer import score_document
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, Transform
from assistant.mapping.models import FieldKind, TargetObject, TransformKind

GOLD_FILE = Path("gold.yaml")


def gold(data: dict[str, Any]) -> Gold:
    return parse_gold(data, GOLD_FILE, "t")


def std(obj: str, field: str) -> PredTarget:
    return PredTarget("standard", object=obj, field=field)


def custom(model: str, data_type: str, key: str = "contact.x") -> PredTarget:
    return PredTarget("custom", model=model, data_type=data_type, key=key)


def fields_pred(columns: dict[str, set[PredTarget]], obj: str = "people") -> Predictions:
    return Predictions(fields={(obj, col): targets for col, targets in columns.items()})


def test_skip_agreed_is_a_true_negative_outside_precision_and_recall() -> None:
    g = gold({"fields": {"people": {"email": "contact.email", "fax": "skip"}}})
    s = score_document(g, fields_pred({"email": {std("contact", "email")}, "fax": {PRED_SKIP}}))
    assert (s.fields.tp, s.fields.fp, s.fields.fn) == (1, 0, 0)
    assert s.skips_agreed == 1
    assert s.fields.f1 == 1.0


def test_gold_skip_but_mapped_is_a_false_positive() -> None:
    g = gold({"fields": {"people": {"fax": "skip"}}})
    s = score_document(g, fields_pred({"fax": {std("contact", "phone")}}))
    assert (s.fields.tp, s.fields.fp, s.fields.fn) == (0, 1, 0)
    assert s.fields.precision == 0.0
    assert s.fields.recall is None  # nothing to find: undefined, not perfect


def test_wrongly_skipped_or_missing_column_is_a_false_negative() -> None:
    g = gold({"fields": {"people": {"email": "contact.email", "phone": "contact.phone"}}})
    s = score_document(g, fields_pred({"email": {PRED_SKIP}}))  # phone not proposed at all
    assert (s.fields.tp, s.fields.fp, s.fields.fn) == (0, 0, 2)


def test_wrong_target_counts_once_each_way() -> None:
    g = gold({"fields": {"people": {"email": "contact.email"}}})
    s = score_document(g, fields_pred({"email": {std("company", "email")}}))
    assert (s.fields.tp, s.fields.fp, s.fields.fn) == (0, 1, 1)
    assert s.field_errors == ["people.email: gold contact.email; proposed company.email"]


def test_split_needs_both_halves() -> None:
    g = gold({"fields": {"people": {"name": ["contact.firstName", "contact.lastName"]}}})
    half = score_document(g, fields_pred({"name": {std("contact", "firstName")}}))
    assert (half.fields.tp, half.fields.fp, half.fields.fn) == (1, 0, 1)
    whole = score_document(
        g, fields_pred({"name": {std("contact", "firstName"), std("contact", "lastName")}})
    )
    assert (whole.fields.tp, whole.fields.fp, whole.fields.fn) == (2, 0, 0)


def test_any_of_takes_the_reading_the_proposal_fits_best() -> None:
    g = gold({"fields": {"people": {"id": {"any_of": ["skip", {"custom": "contact", "type": "TEXT"}]}}}})
    as_skip = score_document(g, fields_pred({"id": {PRED_SKIP}}))
    as_custom = score_document(g, fields_pred({"id": {custom("contact", "TEXT")}}))
    assert (as_skip.fields.fp, as_skip.fields.fn, as_skip.skips_agreed) == (0, 0, 1)
    assert (as_custom.fields.tp, as_custom.fields.fp) == (1, 0)


@pytest.mark.parametrize(
    ("proposal", "field_tp", "model_ok", "type_ok"),
    [
        (custom("contact", "NUMERICAL"), 1, 1, 1),
        (custom("contact", "MONETORY"), 1, 1, 0),  # compatible dataType: right map, inexact type
        (custom("contact", "DATE"), 0, 1, 0),  # incompatible dataType
        (custom("opportunity", "NUMERICAL"), 0, 0, None),  # wrong model: type not judged
    ],
)
def test_custom_field_model_and_data_type(
    proposal: PredTarget, field_tp: int, model_ok: int, type_ok: int | None
) -> None:
    g = gold({"fields": {"people": {"points": {"custom": "contact", "type": "NUMERICAL"}}}})
    s = score_document(g, fields_pred({"points": {proposal}}))
    assert s.fields.tp == field_tp
    assert (s.cf_model.correct, s.cf_model.total) == (model_ok, 1)
    if type_ok is None:
        assert s.cf_type.total == 0
    else:
        assert (s.cf_type.correct, s.cf_type.total) == (type_ok, 1)


def test_custom_field_key_must_be_reused_when_gold_names_it() -> None:
    g = gold({"fields": {"people": {"vat": {"custom": "contact", "type": "TEXT", "key": "contact.nif"}}}})
    new_field = score_document(g, fields_pred({"vat": {custom("contact", "TEXT", "contact.vat")}}))
    reused = score_document(g, fields_pred({"vat": {custom("contact", "TEXT", "contact.nif")}}))
    assert (new_field.fields.tp, new_field.cf_model.correct) == (0, 1)
    assert reused.fields.tp == 1


def test_custom_object_key_is_checked() -> None:
    g = gold({"fields": {"inv": {"no": {"custom": "custom_object", "object_key": "custom_objects.invoice"}}}})
    right = custom("custom_object", "TEXT", "custom_objects.invoice.number")
    wrong = custom("custom_object", "TEXT", "custom_objects.work_order.number")
    assert score_document(g, fields_pred({"no": {right}}, "inv")).fields.tp == 1
    bad = score_document(g, fields_pred({"no": {wrong}}, "inv"))
    assert (bad.fields.tp, bad.cf_model.correct, bad.cf_model.total) == (0, 0, 1)


def test_extra_proposals_outside_the_gold_are_counted_but_not_scored() -> None:
    g = gold({"fields": {"people": {"email": "contact.email"}}})
    pred = fields_pred({"email": {std("contact", "email")}, "notes": {std("note", "body")}})
    pred.add_field("other_table", "x", std("contact", "city"))
    s = score_document(g, pred)
    assert (s.fields.tp, s.fields.fp, s.fields.fn, s.unscored_columns) == (1, 0, 0, 1)


def test_empty_gold_scores_nothing_and_claims_nothing() -> None:
    s = score_document(gold({}), fields_pred({"email": {std("contact", "email")}}))
    assert s.fields.f1 is None and s.objects.value is None and s.tags.f1 is None
    assert s.stages.value is None and s.owners.value is None and s.cf_model.value is None


def test_object_maps_include_and_allow() -> None:
    g = gold(
        {
            "objects": {
                "clients": {"include": ["contact"], "allow": ["company"]},
                "inv": ["custom_object:custom_objects.invoice"],
            }
        }
    )
    ok = Predictions(
        objects={
            "clients": frozenset({"contact", "company"}),
            "inv": frozenset({"custom_object:custom_objects.invoice"}),
        }
    )
    assert score_document(g, ok).objects.value == 1.0
    extra = Predictions(
        objects={
            "clients": frozenset({"contact", "note"}),
            "inv": frozenset({"custom_object:custom_objects.other"}),
        }
    )
    assert score_document(g, extra).objects.correct == 0


def test_tag_pairwise_metrics_on_hand_made_clusters() -> None:
    g = gold({"tags": {"vip": ["VIP", "vip ", "V.I.P."], "urgent": ["Urgent", "URGENT!!"], "new": ["New"]}})
    # gold pairs: 3 (vip) + 1 (urgent) = 4. Predicted: {VIP, vip } right, {V.I.P., New} wrong,
    # {Urgent, URGENT!!} right; the unknown "Other" is not judged.
    pred = Predictions(tags=[["VIP", "vip ", "Other"], ["V.I.P.", "New"], ["Urgent", "URGENT!!"]])
    s = score_document(g, pred)
    assert (s.tags.tp, s.tags.fp, s.tags.fn) == (2, 1, 2)
    assert s.tags.precision == pytest.approx(2 / 3)
    assert s.tags.recall == pytest.approx(0.5)
    assert s.tags.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_stage_accuracy_with_flags_and_status() -> None:
    g = gold(
        {
            "stages": {
                "deals.Stage": {
                    "Won": {"stage": "Closed Won", "status": "won"},
                    "On Hold": "flag",
                    "Open": {"stage": ["New", "Open"], "status": "open", "pipeline": "Sales"},
                    "Gone": {"stage": "Lost"},
                }
            }
        }
    )
    pred = Predictions(
        stages={
            ("deals", "Stage", "won"): PredStage("closed won", "won", "Sales", False),  # case-insensitive
            ("deals", "Stage", "on hold"): PredStage(None, "open", "Sales", True),
            ("deals", "Stage", "open"): PredStage("New", "open", "Renewals", False),  # wrong pipeline
        }
    )
    s = score_document(g, pred)
    assert (s.stages.correct, s.stages.total) == (2, 4)  # Gone was not proposed at all


def test_owner_accuracy_by_email_id_and_unmatched() -> None:
    g = gold({"owners": {"users": {"1": "a@x.com", "2": "u_b", "3": "unmatched", "4": "d@x.com"}}})
    pred = Predictions(
        owners={
            ("users", "1"): PredOwner("u_a", "A@X.com"),
            ("users", "2"): PredOwner("u_b", None),
            ("users", "3"): PredOwner("u_c", "c@x.com"),  # forced a match gold says does not exist
            ("users", "4"): PredOwner(None, None),  # left unmatched although a user exists
        }
    )
    s = score_document(g, pred)
    assert (s.owners.correct, s.owners.total) == (2, 4)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"fields": {"t": {"c": "contct.email"}}}, "fields.t.c"),
        ({"fields": {"t": {"c": {"custom": "deal", "type": "TEXT"}}}}, "custom model 'deal'"),
        ({"fields": {"t": {"c": {"custom": "contact", "type": "STRING"}}}}, "dataType(s) ['STRING']"),
        ({"fields": {"t": {"c": ["skip", "contact.email"]}}}, "skip cannot be combined"),
        ({"stages": {"deals": {"x": "flag"}}}, "<source_object>.<column>"),
        ({"stages": {"d.s": {"x": {"status": "closed"}}}}, "status 'closed'"),
        ({"objects": {"t": ["receipt"]}}, "'receipt': not a target object"),
        ({"extras": {}}, "unknown section"),
    ],
)
def test_bad_gold_is_rejected_naming_file_and_entry(data: dict[str, Any], message: str) -> None:
    with pytest.raises(HlmapError) as err:
        gold(data)
    assert str(err.value).startswith("gold.yaml: ")
    assert message in str(err.value)


def test_a_status_columns_value_map_answers_status_only_stage_gold() -> None:
    answers = {
        "Won": {"status": "won"},
        "Cancelled": {"status": "abandoned"},
        "Open": {"stage": "New", "status": "open"},
        "Lost": "flag",
    }
    g = gold({"stages": {"leads.Status": answers}})
    outcomes = {"Won": "won", "Cancelled": "lost", "Open": "open", "Lost": "lost"}
    status = FieldMap(
        id="field:leads.Status",
        confidence=0.9,
        rationale="the status",
        source_object="leads",
        source_columns=["Status"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="status"),
        transform=Transform(kind=TransformKind.VALUE_MAP, params={"map": outcomes}),
    )
    pred = predictions_from_document(MappingDocument(fields=[status]))
    assert pred.stages[("leads", "Status", "won")] == PredStage(None, "won", None, False)
    assert pred.confidence[("stages", "leads", "Status", "won")] == 0.9
    s = score_document(g, pred)
    # Won is right; Cancelled closes lost where the gold says abandoned; Open has no stage the gold asks
    # for; a value map is no flag for a human
    assert (s.stages.correct, s.stages.total) == (1, 4)


def test_a_links_type_column_is_scored_as_carrying_nothing_of_its_own() -> None:
    link = FieldMap(
        id="f1", source_object="tasks", source_columns=["related_type", "related_id"], confidence=0.9,
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.TASK, field="contactId"),
        transform=Transform(kind=TransformKind.LOOKUP, params={"object_column": "related_type"}),
    )  # fmt: skip
    pred = predictions_from_document(MappingDocument(project="t", fields=[link]))
    assert pred.fields[("tasks", "related_type")] == {PRED_SKIP}
    assert pred.fields[("tasks", "related_id")] == {std("task", "contactId")}
    g = gold({"fields": {"tasks": {"related_type": "skip", "related_id": "task.contactId"}}})
    assert score_document(g, pred).fields.f1 == 1.0


def _rep_gold() -> Gold:
    rep = {"any_of": ["skip", "contact.assignedTo", {"custom": "company", "type": "TEXT"}]}
    return gold(
        {
            "objects": {"tiers": {"include": ["company"]}},
            "fields": {"tiers": {"Login": rep}},
            "owners": {"tiers": {"jdoe": "j@x.com", "admin": "unmatched"}},
        }
    )


def test_an_owner_block_is_not_judged_when_no_column_was_rightly_read_as_owner() -> None:
    kept_as_text = Predictions(fields={("tiers", "Login"): {custom("company", "TEXT", "company.login")}})
    assert score_document(_rep_gold(), kept_as_text).owners.total == 0


def test_an_owner_block_is_judged_when_a_column_was_read_as_owner() -> None:
    read_as_owner = Predictions(fields={("tiers", "Login"): {std("contact", "assignedTo")}})
    s = score_document(_rep_gold(), read_as_owner)
    assert (s.owners.correct, s.owners.total) == (
        0,
        2,
    )  # the owner reading was taken: its matches are missing


def test_an_owner_block_is_judged_when_the_gold_needs_the_owner_reading() -> None:
    g = gold(
        {
            "objects": {"deals": {"include": ["opportunity"]}},
            "fields": {"deals": {"Rep": "opportunity.assignedTo"}},
            "owners": {"deals": {"jdoe": "j@x.com"}},
        }
    )
    skipped = Predictions(fields={("deals", "Rep"): {PredTarget("skip")}})
    assert score_document(g, skipped).owners.total == 1
