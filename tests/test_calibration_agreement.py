"""Evidence agreement: a field map its evidence contradicts is held for review; leave-one-case-out."""

from __future__ import annotations

from assistant.evals.calibration_loco import grouped, held_out_judged, held_out_weights
from assistant.evals.calibration_samples import Sample
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Alternative, Evidence, FieldKind, TargetObject
from assistant.propose.calibration import calibrate_document, confidence_for
from assistant.propose.calibration_agreement import agreement, disagreements

T = TargetObject
FIRM_NAMES = "semantic type company_name (100% of values), 0% empty, 30 distinct"


def _field(column: str, field: str, alternatives: list[Alternative], evidence: list[Evidence]) -> FieldMap:
    return FieldMap(
        id=f"field:clients.{column}",
        source_object="clients",
        source_columns=[column],
        target=FieldTarget(kind=FieldKind.STANDARD, object=T.CONTACT, field=field),
        confidence=0.88,
        alternatives=alternatives,
        evidence=evidence,
    )


def test_business_names_on_a_person_field_with_a_close_rival_object_are_held_for_review() -> None:
    clash = _field(
        "Nombre",
        "name",
        [Alternative(target="company.name", score=0.85)],
        [Evidence(source="profile", detail=FIRM_NAMES),
         Evidence(source="candidate", detail="name similarity 0.60 ('Nombre' vs 'name')")],
    )  # fmt: skip
    feats = agreement(clash)
    assert feats["name_kind_clash"] == 1.0 and feats["rival_object_close"] == 1.0
    table = ObjectMap(id="object:clients", source_object="clients", confidence=0.95,
                      targets=[ObjectTarget(object=T.CONTACT)])  # fmt: skip
    doc = MappingDocument(project="t", objects=[table], fields=[clash])
    calibrate_document(doc, 0.7, weights={"fields": {"bias": 5.0}})  # a model that trusts everything
    assert doc.fields[0].confidence < 0.7
    held = [e.detail for e in doc.fields[0].evidence if e.source == "calibration"]
    assert held and "people's names and the field an organisation's" in held[0]


def test_a_close_runner_up_alone_keeps_the_calibrated_confidence() -> None:
    features = {"bias": 1.0, "raw": 0.9, "margin": 0.1, "rival_object_close": 1.0}
    assert disagreements(features) == []
    value, held = confidence_for("fields", features, 0.7, weights={"fields": {"bias": 3.0}})
    assert value > 0.9 and held == []


def test_a_new_custom_field_passing_over_a_fitting_standard_field_is_held() -> None:
    features = {"bias": 1.0, "raw": 0.8, "new_custom": 1.0, "standard_passed_over": 0.5}
    value, held = confidence_for("fields", features, 0.7, weights={"fields": {"bias": 3.0}})
    assert value < 0.7 and held == ["a standard field scored too, yet a new custom field is proposed"]


def _sample(case: str, right: bool, signal: float) -> Sample:
    features = {"bias": 1.0, "raw": 0.9, "signal": signal}
    return Sample(case, ("fields", case, str(signal)), "fields", features, right)


def test_leave_one_case_out_judges_each_case_with_weights_that_never_saw_it() -> None:
    samples = [
        _sample(c, right, 1.0 if right else 0.0)
        for c in ("a", "b", "c")
        for right in (True,) * 6 + (False,) * 2
    ]
    fitted_on: dict[frozenset[str], int] = {}

    def fitter(rows: list[Sample]) -> dict[str, dict[str, float]]:
        fitted_on[frozenset(s.case for s in rows)] = len(rows)
        return {"fields": {"bias": -3.0, "signal": 6.0}}

    weights = held_out_weights(samples, fitter)
    assert set(fitted_on) == {frozenset("bc"), frozenset("ac"), frozenset("ab")}
    judged = held_out_judged(samples, weights, 0.7)
    cal = grouped(judged, {"a": "new", "b": "new", "c": "seed"}, 0.7)
    assert cal["new"].count == 16 and cal["seed"].count == 8 and cal["all"].count == 24
    assert cal["all"].wrong_below == 1.0 and cal["all"].all_above == 0.75
