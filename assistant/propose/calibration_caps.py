"""Readings of the whole document that contradict one field or object map.

A map can look sure on its own (a good name match, values of the right type) while the rest of
the document says it is a guess: a column also used to compose the record's name, a sibling
column that scored as high on the same target, a tie with a field of another record, a header
naming an organisation on a person's field. Each reading is a 0/1 feature per map; any one of
them holds the map below the review threshold (``calibration_agreement.disagreements``).
"""

from __future__ import annotations

import re

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.propose.normalize import concepts, object_words, tokens

Features = dict[str, float]
T = TargetObject
FIELD_CAPS = (
    "composed_guess",
    "read_two_ways",
    "header_kind_clash",
    "tie_other_object",
    "sibling_tie",
    "owner_unmatched",
    "foreign_id_custom",
    "stale_stamp",
    "folded_into_body",
    "contact_point_on_deal",
)
_NAME_FIELDS = frozenset({"name", "title"})
_PERSON_FIELDS = frozenset({"name", "firstName", "lastName"})
_TITLED = ("reference + title", "reference + name")  # a real title column: not a fallback name
_BODIES = frozenset({"body", "description"})
_MATCHED = re.compile(r"([0-9]+) of ([0-9]+) distinct values name a HighLevel user")


def _composed_names(document: MappingDocument, table: str) -> list[FieldMap]:
    return [
        f
        for f in document.fields
        if f.source_object == table
        and f.transform.kind == TransformKind.CONCAT
        and f.target.kind == FieldKind.STANDARD
        and f.target.field in _NAME_FIELDS
        and len(f.source_columns) > 1
    ]


def _header_clash(f: FieldMap) -> bool:
    """The header names an organisation and the field is a person's name, or the reverse."""
    words = {w for c in f.source_columns for w in object_words(c)}
    person_field = f.target.object in (T.CONTACT, T.USER) and f.target.field in _PERSON_FIELDS
    org_field = f.target.field == "companyName" or (f.target.object == T.COMPANY and f.target.field == "name")
    return ("company" in words and person_field) or (bool(words & {"contact", "user"}) and org_field)


def _tie_other_object(f: FieldMap) -> bool:
    """A field of another record scored as high: which record the column describes is a coin toss."""
    chosen = f"{f.target.object.value}." if f.target.object else ""
    rivals = [
        a.score
        for a in f.alternatives
        if "." in a.target and "<-" not in a.target and not a.target.startswith((chosen, "note"))
    ]
    return bool(rivals) and max(rivals) >= f.confidence


def _sibling_tie(f: FieldMap, document: MappingDocument) -> bool:
    """A column named alike ('Revenue Low' / 'Revenue High') scored as high on the same field."""
    label = f"{f.target.object.value if f.target.object else ''}.{f.target.field}"
    mine = set(tokens(f.source_columns[0]))
    for other in document.fields:
        if other.source_object != f.source_object or other.source_columns == f.source_columns:
            continue
        theirs = set(tokens(other.source_columns[0]))
        alike = len(mine & theirs) >= 2 and len(mine & theirs) * 2 >= max(len(mine), len(theirs))
        if alike and any(a.target == label and a.score >= f.confidence - 0.01 for a in other.alternatives):
            return True
    return False


def _owner_unmatched(f: FieldMap) -> bool:
    """An owner column whose names match no HighLevel user: the values may not be people at all."""
    if f.transform.kind != TransformKind.OWNER:
        return False
    found = [_MATCHED.search(e.detail) for e in f.evidence]
    return any(int(m.group(1)) == 0 and int(m.group(2)) >= 2 for m in found if m)


def _folded_into_body(f: FieldMap) -> bool:
    """A column appended as a labelled line of a record's text ('Pinned: true' in a note's body).

    A record with no field for the column keeps it as a line people read, or drops it: flags,
    priorities and stamps are each worth a line to one reviewer and clutter to the next.
    """
    params = f.transform.params
    appended = f.transform.kind == TransformKind.CONCAT and bool(params.get("append"))
    return appended and f.target.kind == FieldKind.STANDARD and f.target.field in _BODIES


def _contact_point_on_deal(f: FieldMap) -> bool:
    """A person's e-mail or phone as a new custom field of an opportunity. HighLevel keeps contact
    points on the contact the deal belongs to; on the deal they reach no one (no message, no
    duplicate check), so whose they are and where they go is the reviewer's call."""
    spec = f.target.custom_field
    return (
        f.target.kind == FieldKind.CUSTOM_NEW
        and spec is not None
        and spec.model.value == "opportunity"
        and spec.data_type.value in ("EMAIL", "PHONE")
    )


def _custom_model_words(f: FieldMap) -> set[str]:
    spec = f.target.custom_field
    model = spec.model.value if spec else ""
    return {model, "company" if model == "business" else model}


def field_caps(f: FieldMap, document: MappingDocument) -> Features:
    """The 0/1 contradiction features of one field map."""
    out = dict.fromkeys(FIELD_CAPS, 0.0)
    single = len(f.source_columns) == 1
    composed = _composed_names(document, f.source_object)
    evidence = " | ".join(e.detail for e in f.evidence)
    if f in composed and "reference + " in evidence and not any(t in evidence for t in _TITLED):
        out["composed_guess"] = 1.0  # no title column: the name is the number and the customer, a guess
    if single and f not in composed:
        col, obj = f.source_columns[0], f.target.object
        twice = any(c.source_columns[0] == col and c.target.object == obj for c in composed)
        out["read_two_ways"] = float(twice)
    if single and f.target.kind == FieldKind.STANDARD:
        out["header_kind_clash"] = float(_header_clash(f))
        out["tie_other_object"] = float(_tie_other_object(f))
        out["sibling_tie"] = float(_sibling_tie(f, document))
    out["owner_unmatched"] = float(_owner_unmatched(f))
    out["folded_into_body"] = float(_folded_into_body(f))
    if f.target.kind == FieldKind.CUSTOM_NEW:
        words = {w for c in f.source_columns for w in object_words(c)}
        is_id = any("identifier" in concepts(c) for c in f.source_columns)
        out["foreign_id_custom"] = float(is_id and bool(words) and not words & _custom_model_words(f))
        out["stale_stamp"] = float(any("updated_at" in concepts(c) for c in f.source_columns))
        out["contact_point_on_deal"] = float(_contact_point_on_deal(f))
    return out


_MERGE = "merge_into_parent"
_LINES = "line_items"


def _merged_into_lines(o: ObjectMap, document: MappingDocument) -> bool:
    """Rows merged into a document's line: a line holds its name, quantity, prices and rates, no
    other field, so whatever the merged rows say has no place on the record they merge into."""
    if not o.targets or o.targets[0].role != _MERGE:
        return False
    parent = next((p for p in document.objects if p.source_object == o.parent_object), None)
    return parent is not None and bool(parent.targets) and parent.targets[0].role == _LINES


def object_caps(o: ObjectMap, document: MappingDocument, clashes: set[str]) -> Features:
    """A table read as people whose own name column holds organisations' names, and no company; a
    nested list merged into a document's line."""
    kinds = {t.object for t in o.targets}
    own_name = any(
        f.source_object == o.source_object
        and f.target.object in kinds
        and f.target.field in _PERSON_FIELDS
        and f.id in clashes
        for f in document.fields
    )
    return {
        "own_name_clash": float(own_name and T.COMPANY not in kinds and T.CONTACT in kinds),
        "merged_into_lines": float(_merged_into_lines(o, document)),
    }
