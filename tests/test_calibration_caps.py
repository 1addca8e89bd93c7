"""Document readings that contradict a map hold it below the review threshold, whatever the model says."""

from __future__ import annotations

from assistant.evals.calibration_samples import Sample
from assistant.evals.errors_dump import describe
from assistant.evals.gold_models import Gold, GoldColumn, GoldTarget
from assistant.mapping.items import (
    CustomFieldSpec,
    FieldMap,
    FieldTarget,
    MappingDocument,
    ObjectMap,
    ObjectTarget,
    Transform,
)
from assistant.mapping.models import (
    Alternative,
    DataType,
    Evidence,
    FieldKind,
    FieldModel,
    TargetObject,
    TransformKind,
)
from assistant.propose.calibration import calibrate_document
from assistant.propose.calibration_caps import field_caps
from assistant.propose.calibration_features import item_features

T = TargetObject
TRUSTING = {"fields": {"bias": 5.0}, "objects": {"bias": 5.0}}  # a model that trusts everything


def _std(
    column: str,
    obj: T,
    field: str,
    score: float = 0.88,
    *,
    columns: list[str] | None = None,
    alternatives: list[Alternative] | None = None,
    evidence: list[Evidence] | None = None,
    transform: Transform | None = None,
) -> FieldMap:
    return FieldMap(
        id=f"field:jobs.{column}.{field}",
        source_object="jobs",
        source_columns=columns or [column],
        target=FieldTarget(kind=FieldKind.STANDARD, object=obj, field=field),
        transform=transform or Transform(),
        confidence=score,
        alternatives=alternatives or [],
        evidence=evidence or [],
    )


def _custom(column: str, key: str, data_type: DataType = DataType.TEXT) -> FieldMap:
    spec = CustomFieldSpec(name=column, field_key=f"opportunity.{key}", model=FieldModel.OPPORTUNITY,
                           data_type=data_type)  # fmt: skip
    target = FieldTarget(kind=FieldKind.CUSTOM_NEW, object=T.OPPORTUNITY, custom_field=spec)
    return FieldMap(id=f"field:jobs.{column}", source_object="jobs", source_columns=[column],
                    target=target, confidence=0.8)  # fmt: skip


def _doc(*fields: FieldMap, main: T = T.OPPORTUNITY) -> MappingDocument:
    targets = [ObjectTarget(object=main)]
    table = ObjectMap(id="object:jobs", source_object="jobs", confidence=0.95, targets=targets)
    return MappingDocument(project="t", objects=[table], fields=list(fields))


def _held(doc: MappingDocument) -> dict[str, float]:
    calibrate_document(doc, 0.7, weights=TRUSTING)
    return {f.id: f.confidence for f in doc.fields}


def _composed(ref: str, other: str, kind: str) -> FieldMap:
    return _std(
        ref,
        T.OPPORTUNITY,
        "name",
        0.85,
        columns=[ref, other],
        transform=Transform(kind=TransformKind.CONCAT, params={"template": f"{{{ref}}} {{{other}}}"}),
        evidence=[Evidence(source="vocabulary", detail=f"reference + {kind}")],
    )


def test_a_name_composed_from_the_number_and_the_customer_is_held_but_one_with_a_title_is_not() -> None:
    guessed = _held(_doc(_composed("UUID", "Company", "company")))
    titled = _held(_doc(_composed("Job #", "Job Name", "title")))
    assert max(guessed.values()) < 0.7
    assert min(titled.values()) > 0.9


def test_a_number_that_composes_the_name_and_is_copied_again_holds_only_the_copy() -> None:
    name, copy = _composed("jobNumber", "summary", "title"), _custom("jobNumber", "job_number")
    held = _held(_doc(name, copy))
    assert held[copy.id] < 0.7 and held[name.id] > 0.9  # the record keeps its name when the copy is held
    feats = item_features(_doc(name, copy))
    assert feats[("fields", "jobs", "jobNumber")][1]["read_two_ways"] == 1.0
    assert feats[("fields", "jobs", "summary")][1]["read_two_ways"] == 0.0


def test_an_organisation_header_on_a_person_field_is_held() -> None:
    org = _std("Organization Name", T.CONTACT, "name")
    plain = _std("Full Name", T.CONTACT, "name")
    held = _held(_doc(org, plain, main=T.CONTACT))
    assert held[org.id] < 0.7 and held[plain.id] > 0.9


def test_a_tie_with_a_field_of_another_record_is_held_a_lower_rival_is_not() -> None:
    tie = _std("Name", T.CONTACT, "name", alternatives=[Alternative(target="opportunity.name", score=0.88)])
    ahead = _std("Title", T.OPPORTUNITY, "name", alternatives=[Alternative(target="contact.name", score=0.6)])
    assert field_caps(tie, _doc(tie))["tie_other_object"] == 1.0
    assert field_caps(ahead, _doc(ahead))["tie_other_object"] == 0.0


def test_sibling_columns_tied_on_one_field_are_held_unrelated_ties_are_not() -> None:
    low = _std("Projected Revenue Low", T.OPPORTUNITY, "monetaryValue", 0.87)
    high = _custom("Projected Revenue High", "projected_revenue_high")
    high.alternatives = [Alternative(target="opportunity.monetaryValue", score=0.87)]
    assert field_caps(low, _doc(low, high))["sibling_tie"] == 1.0
    phone = _std("Phone", T.CONTACT, "phone", 0.97)
    mobile = _custom("Mobile", "mobile")
    mobile.alternatives = [Alternative(target="contact.phone", score=0.97)]
    assert field_caps(phone, _doc(phone, mobile))["sibling_tie"] == 0.0  # names share nothing


def test_an_owner_column_naming_no_user_is_held() -> None:
    def owner(hits: int) -> FieldMap:
        evidence = [Evidence(source="owners", detail=f"{hits} of 11 distinct values name a HighLevel user")]
        return _std("Nombre comercial", T.CONTACT, "assignedTo", 0.85, evidence=evidence,
                    transform=Transform(kind=TransformKind.OWNER, params={"match": "name"}))  # fmt: skip

    none, some = owner(0), owner(3)
    assert _held(_doc(none, main=T.CONTACT))[none.id] < 0.7
    assert _held(_doc(some, main=T.CONTACT))[some.id] > 0.9


def test_another_records_id_and_a_last_modified_stamp_as_new_custom_fields_are_held() -> None:
    client_id = _custom("ClientId", "client_id")
    own_id = _custom("Job Id", "job_id")
    updated = _custom("Last Updated", "last_updated", data_type=DataType.DATE)
    created = _custom("Date Created", "date_created", data_type=DataType.DATE)
    held = _held(_doc(client_id, own_id, updated, created))
    assert held[client_id.id] < 0.7 and held[updated.id] < 0.7
    assert held[own_id.id] > 0.9 and held[created.id] > 0.9


def test_a_people_table_whose_own_name_holds_firms_is_held_as_an_object() -> None:
    detail = "semantic type company_name (100% of values), 0% empty, 9 distinct"
    firms = Evidence(source="profile", detail=detail)
    name = _std("Nombre", T.CONTACT, "name", evidence=[firms])
    doc = _doc(name, main=T.CONTACT)
    calibrate_document(doc, 0.7, weights=TRUSTING)
    assert doc.objects[0].confidence < 0.7
    held = [e.detail for e in doc.objects[0].evidence if e.source == "calibration"]
    assert held and "organisations' names" in held[0]


def test_a_nested_list_merged_into_a_document_line_is_held_one_merged_into_the_document_is_not() -> None:
    def doc(parent_role: str | None) -> MappingDocument:
        lines = ObjectMap(
            id="object:quotes__lines",
            source_object="quotes__lines",
            confidence=0.88,
            parent_object="quotes",
            targets=[ObjectTarget(object=T.ESTIMATE, role=parent_role)],
        )
        tracking = ObjectMap(
            id="object:quotes__lines__tracking",
            source_object="quotes__lines__tracking",
            confidence=0.75,
            parent_object="quotes__lines",
            targets=[ObjectTarget(object=T.ESTIMATE, role="merge_into_parent")],
        )
        return MappingDocument(project="t", objects=[lines, tracking], fields=[])

    merged = doc("line_items")
    calibrate_document(merged, 0.7, weights=TRUSTING)
    assert merged.objects[1].confidence < 0.7
    held = [e.detail for e in merged.objects[1].evidence if e.source == "calibration"]
    assert held and "document's line" in held[0]
    assert merged.objects[0].confidence > 0.9  # the lines themselves are not in doubt
    into_record = doc(None)
    calibrate_document(into_record, 0.7, weights=TRUSTING)
    assert into_record.objects[1].confidence > 0.9


def test_a_new_custom_field_waits_while_its_tables_record_type_is_held() -> None:
    detail = "semantic type company_name (100% of values), 0% empty, 9 distinct"
    name = _std("Nombre", T.CONTACT, "name", evidence=[Evidence(source="profile", detail=detail)])
    extra = _custom("Persona de contacto", "persona_de_contacto")
    assert _held(_doc(name, extra, main=T.CONTACT))[extra.id] < 0.7
    plain = _std("Nombre", T.CONTACT, "name")  # the same table when nothing contradicts its record type
    assert (
        _held(_doc(plain, _custom("Persona de contacto", "persona_de_contacto"), main=T.CONTACT))[extra.id]
        > 0.9
    )


def test_the_error_dump_shows_the_proposal_beside_the_gold_answer_and_the_written_confidence() -> None:
    org = _std("Organization Name", T.CONTACT, "name")
    doc = _doc(org, main=T.CONTACT)
    company_name = GoldColumn(((GoldTarget("standard", "contact", "companyName"),),))
    gold = Gold("t", fields={"jobs": {"Organization Name": company_name}})
    kind, features = item_features(doc)[("fields", "jobs", "Organization Name")]
    text = describe(
        Sample("t", ("fields", "jobs", "Organization Name"), kind, features, False), "held", doc, gold
    )
    assert "proposed contact.name; gold contact.companyName" in text
    assert "p=0.65" in text  # held for review, not the model's raw probability
