"""Judgement calls held for the reviewer: a line appended to a body, a custom field whose table's
record type is itself unsure."""

from __future__ import annotations

from assistant.mapping.items import (
    CustomFieldSpec,
    FieldMap,
    FieldTarget,
    MappingDocument,
    ObjectMap,
    ObjectTarget,
    Transform,
)
from assistant.mapping.models import DataType, FieldKind, FieldModel, TargetObject, TransformKind
from assistant.propose.calibration import calibrate_document

T = TargetObject
TRUSTING = {"fields": {"bias": 5.0}, "objects": {"bias": 5.0}}  # a model that trusts everything


def _note_map(column: str, field: str, transform: Transform) -> FieldMap:
    return FieldMap(
        id=f"field:notes.{column}",
        source_object="notes",
        source_columns=[column],
        target=FieldTarget(kind=FieldKind.STANDARD, object=T.NOTE, field=field),
        transform=transform,
        confidence=0.72,
    )


def test_a_flag_appended_to_the_body_is_held_with_the_reason_and_the_body_itself_is_not() -> None:
    line = Transform(kind=TransformKind.CONCAT, params={"template": "Pinned: {pinned}", "append": True})
    folded, body = _note_map("pinned", "body", line), _note_map("text", "body", Transform())
    notes = ObjectMap(id="object:notes", source_object="notes", confidence=0.95,
                      targets=[ObjectTarget(object=T.NOTE)])  # fmt: skip
    doc = MappingDocument(project="t", objects=[notes], fields=[folded, body])
    calibrate_document(doc, 0.7, weights=TRUSTING)
    assert folded.confidence < 0.7 < body.confidence
    assert any("reviewer's call" in e.detail for e in folded.evidence if e.source == "calibration")


def _custom_on(table_confidence: float) -> FieldMap:
    spec = CustomFieldSpec(name="Customer", field_key="opportunity.customer", model=FieldModel.OPPORTUNITY,
                           data_type=DataType.TEXT)  # fmt: skip
    field = FieldMap(id="field:leads.Customer", source_object="leads", source_columns=["Customer"],
                     target=FieldTarget(kind=FieldKind.CUSTOM_NEW, object=T.OPPORTUNITY, custom_field=spec),
                     confidence=0.8)  # fmt: skip
    leads = ObjectMap(id="object:leads", source_object="leads", confidence=table_confidence,
                      targets=[ObjectTarget(object=T.OPPORTUNITY)])  # fmt: skip
    calibrate_document(MappingDocument(project="t", objects=[leads], fields=[field]), 0.7, weights=TRUSTING)
    return field


def test_a_new_custom_field_waits_while_its_tables_record_type_is_below_the_threshold() -> None:
    unsure, sure = _custom_on(0.56), _custom_on(0.9)
    assert unsure.confidence < 0.7 < sure.confidence
    assert any("record type is below" in e.detail for e in unsure.evidence)
