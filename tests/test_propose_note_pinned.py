"""A note's pinned flag has a field of its own in HighLevel: it lands there, not as a line of the body."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, people_table, table

CONTACTS = people_table("clients")


def test_a_notes_pinned_flag_lands_on_the_notes_own_field() -> None:
    notes = table(
        "notes",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}),
         ("contact_id", S.FOREIGN_KEY, {"fk": ("clients", "id")}), ("body", S.FREE_TEXT, {}),
         ("pinned", S.BOOLEAN, {"values": {"true": 6, "false": 14}})],
        key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([CONTACTS, notes], destination()))
    assert next(o for o in doc.objects if o.source_object == "notes").targets[0].object == TargetObject.NOTE
    pinned = next(f for f in doc.fields if f.source_object == "notes" and f.source_columns == ["pinned"])
    assert pinned.target.kind == FieldKind.STANDARD
    assert (pinned.target.object, pinned.target.field) == (TargetObject.NOTE, "pinned")
    assert pinned.transform.kind == TransformKind.BOOLEAN
