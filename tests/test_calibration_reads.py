"""A column read twice: as a piece of a composed value or as a fallback, and again by a map of its own."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, ObjectMap, ObjectTarget, Transform
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.propose.calibration import calibrate_document
from assistant.propose.calibration_features import item_features, map_key
from assistant.propose.calibration_reads import read_elsewhere, read_twice

T = TargetObject


def _map(column: str | list[str], field: str, transform: Transform | None = None) -> FieldMap:
    columns = [column] if isinstance(column, str) else column
    return FieldMap(
        id=f"field:visits.{'+'.join(columns)}",
        source_object="visits",
        source_columns=columns,
        target=FieldTarget(kind=FieldKind.STANDARD, object=T.TASK, field=field),
        transform=transform or Transform(),
        confidence=0.8,
    )


def _document() -> MappingDocument:
    name = Transform(kind=TransformKind.CONCAT, params={"template": "{Number} {Topic}"})
    due = Transform(kind=TransformKind.DATE, params={"fallback_columns": ["Logged"]})
    line = Transform(kind=TransformKind.CONCAT, params={"template": "Logged: {Logged}", "append": True})
    return MappingDocument(
        objects=[
            ObjectMap(id="object:visits", source_object="visits", targets=[ObjectTarget(object=T.TASK)])
        ],
        fields=[
            _map(["Number", "Topic"], "title", name),
            _map("Number", "body"),  # the number again, on its own
            _map("Planned", "dueDate", due),
            _map("Logged", "body", line),  # the due date's fallback, again as a line of the body
            _map("Outcome", "body"),
        ],
    )


def test_pieces_and_fallbacks_are_read_elsewhere_and_a_map_of_their_own_reads_them_twice() -> None:
    doc = _document()
    assert read_elsewhere(doc) == {("visits", "Number"), ("visits", "Topic"), ("visits", "Logged")}
    twice = {f.source_columns[0] for f in doc.fields if read_twice(f, read_elsewhere(doc))}
    assert twice == {"Number", "Logged"}  # the composed map itself and 'Outcome' are read once


def test_the_calibration_features_carry_the_double_reading() -> None:
    features = item_features(_document())
    assert features[("fields", "visits", "Logged")][1]["read_elsewhere"] == 1.0
    assert features[("fields", "visits", "Outcome")][1]["read_elsewhere"] == 0.0
    assert features[("fields", "visits", "Planned")][1]["read_elsewhere"] == 0.0


def test_a_composed_map_is_scored_on_its_own_evidence_not_on_the_copy_that_shares_its_first_column() -> None:
    """The defect: the record's name 'Number + Topic' took the features of 'Number -> body' and was held."""
    with_copy, without_copy = _document(), _document()
    without_copy.fields = [f for f in without_copy.fields if f.id != "field:visits.Number"]
    features = item_features(with_copy)
    assert features[map_key(with_copy.fields[0])][1]["read_elsewhere"] == 0.0
    assert features[map_key(with_copy.fields[1])][1]["read_elsewhere"] == 1.0
    for doc in (with_copy, without_copy):
        calibrate_document(doc, threshold=0.7)
    assert with_copy.fields[0].confidence == without_copy.fields[0].confidence
    assert with_copy.fields[1].confidence < with_copy.fields[0].confidence  # only the copy is doubted
