"""Whether a field map's pieces of evidence agree: the name, the values and the runner-up.

A proposal is trustworthy when several independent readings point the same way. These features
say where they disagree: values of people's names landing on an organisation's field (or the
reverse), a close runner-up on another object, a new custom field although a standard field
scored well. The calibration model weighs them; the outright contradictions also hold the map
below the review threshold whatever the model says.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.calibration_caps import FIELD_CAPS

Features = dict[str, float]
T = TargetObject
_TYPE_FIT = re.compile(r"type fit ([0-9.]+)")
_PERSON_FIELDS = frozenset({"name", "firstName", "lastName", "assignedTo", "assignedUserId"})
_ORG_FIELDS = frozenset({"companyName"})
_CLOSE = 0.1  # a runner-up this near is a coin toss between two readings
REVIEW_CAP = 0.65  # where a field map whose evidence contradicts it is held (below the 0.7 default)
MIN_DISAGREEMENTS = 1


def _is_person_field(f: FieldMap) -> bool:
    return f.target.object in (T.CONTACT, T.USER) and (f.target.field or "") in _PERSON_FIELDS


def _is_org_field(f: FieldMap) -> bool:
    field = f.target.field or ""
    return field in _ORG_FIELDS or (f.target.object == T.COMPANY and field == "name")


def _semantic(f: FieldMap) -> str:
    text = " ".join(e.detail for e in f.evidence if e.source == "profile")
    found = re.search(r"semantic type (\w+)", text)
    return found.group(1) if found else ""


def agreement(f: FieldMap, main: TargetObject | None = None) -> Features:
    """Agreement features of a field map; ``main`` is the first object its table lands in."""
    semantic = _semantic(f)
    text = " | ".join(e.detail for e in f.evidence)
    fits = [float(m) for m in _TYPE_FIT.findall(text)]
    # business names read as people's names are common (a family firm), so an organisation's own
    # table naming itself is no clash; a legal-form suffix read as a company is a firmer reading
    own_name = f.target.object == main == T.COMPANY
    clash = (semantic == "company_name" and _is_person_field(f)) or (
        semantic == "person_name" and _is_org_field(f) and not own_name
    )
    chosen = f.target.object.value if f.target.object else ""
    rivals = [
        a.score
        for a in f.alternatives
        if "." in a.target and not a.target.startswith(chosen + ".") and not a.target.startswith("note")
    ]
    standard = [a.score for a in f.alternatives if "." in a.target and not a.target.startswith("note")]
    return {
        "name_kind_clash": float(clash),
        "rival_object_close": float(bool(rivals) and max(rivals) >= f.confidence - _CLOSE),
        "type_fit": min(fits, default=1.0),
        "linked_by_key": float(any(e.source == "foreign_key" for e in f.evidence)),
        "standard_passed_over": max(standard, default=0.0) if f.target.kind == FieldKind.CUSTOM_NEW else 0.0,
    }


# Readings that contradict a field map outright: the values say one thing, the map another.
_DISAGREEMENTS: dict[str, Callable[[Features], bool]] = {
    "the values are people's names and the field an organisation's, or the reverse": (
        lambda f: f.get("name_kind_clash", 0.0) > 0
    ),
    # a custom field's model can never change: creating one while a standard field fits is a decision
    "a standard field scored too, yet a new custom field is proposed": (
        lambda f: f.get("standard_passed_over", 0.0) >= 0.3
    ),
    "the record's name is composed from its number and another column, for want of a title": (
        lambda f: f.get("composed_guess", 0.0) > 0
    ),
    "the column also composes the record's name: copying it again is a choice": (
        lambda f: f.get("read_two_ways", 0.0) > 0
    ),
    "the header names an organisation and the field a person, or the reverse": (
        lambda f: f.get("header_kind_clash", 0.0) > 0
    ),
    "a field of another record scored as high": lambda f: f.get("tie_other_object", 0.0) > 0,
    "a column named alike scored as high on the same field": lambda f: f.get("sibling_tie", 0.0) > 0,
    "none of the column's names is a HighLevel user": lambda f: f.get("owner_unmatched", 0.0) > 0,
    "an id named after another record would become a custom field of this one": (
        lambda f: f.get("foreign_id_custom", 0.0) > 0
    ),
    "a last-modified time of the old system would become a custom field": (
        lambda f: f.get("stale_stamp", 0.0) > 0
    ),
    "a line appended to the record's text: keeping or dropping it is the reviewer's call": (
        lambda f: f.get("folded_into_body", 0.0) > 0
    ),
    "a person's e-mail or phone would become a custom field of the deal, not of its contact": (
        lambda f: f.get("contact_point_on_deal", 0.0) > 0
    ),
    "the table's record type is below the review threshold, and a new custom field's model is final": (
        lambda f: f.get("new_custom", 0.0) > 0 and f.get("object_unsure", 0.0) > 0
    ),
    # a custom field's model can never change: while the record type waits for a human, so does it
    "the table's record type is held for review, and a new custom field's model is final": (
        lambda f: f.get("new_custom", 0.0) > 0 and f.get("object_held", 0.0) > 0
    ),
    "the record's own name column holds organisations' names, yet no company is made": (
        lambda f: f.get("own_name_clash", 0.0) > 0
    ),
    "rows merged into a document's line, which holds no field for them": (
        lambda f: f.get("merged_into_lines", 0.0) > 0
    ),
}


# the features the holds above read: an evaluation switches one off to score a case it was written from
HOLD_FEATURES = (
    "name_kind_clash",
    "standard_passed_over",
    *FIELD_CAPS,
    "object_held",
    "object_unsure",
    "own_name_clash",
    "merged_into_lines",
)


# the features any non-zero value of which holds the item whatever the model says: the fit leaves
# them out, so the weight goes to the evidence that carries to a platform whose holds were never written
ALWAYS_HELD = ("name_kind_clash", *FIELD_CAPS, "own_name_clash", "merged_into_lines")


def disagreements(features: Features) -> list[str]:
    """Why a field map's evidence contradicts it, in words (empty when its readings agree)."""
    return [why for why, says in _DISAGREEMENTS.items() if says(features)]
