"""A column appended as a line of a record's text is a judgement call: held for the reviewer."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, ObjectMap, ObjectTarget, Transform
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
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
