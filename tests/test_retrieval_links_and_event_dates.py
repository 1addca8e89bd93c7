"""Retrieval offers what a column is: a proven link the record's link fields, an event's time its date."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ForeignKey
from assistant.propose.candidates import retrieve_candidates
from tests.propose_factory import S, col

T = TargetObject


def _fields(column_name: str, semantic: S, objects: list[TargetObject], linked: bool = False) -> list[str]:
    column = col("jobactivity", column_name, semantic, share=1.0)
    if linked:
        column.foreign_key = ForeignKey(
            table="jobactivity",
            column=column_name,
            target_table="staff",
            target_column="uuid",
            resolved_share=1.0,
        )
    return [f"{c.object.value}.{c.field}" for c in retrieve_candidates(column, objects, None, None, 5)]


def test_a_column_the_profile_proved_a_link_is_offered_the_records_link_fields() -> None:
    offered = _fields("staff_uuid", S.FOREIGN_KEY, [T.TASK], linked=True)
    assert "task.assignedTo" in offered and "task.contactId" in offered
    # the same header without a proven link: an opaque id is no reason to offer a link field first
    assert _fields("staff_uuid", S.IDENTIFIER, [T.TASK])[:1] != ["task.assignedTo"]


def test_when_an_activity_occurred_is_its_date() -> None:
    assert _fields("occurred_at", S.DATETIME, [T.MESSAGE])[:1] == ["message.date"]
    assert "message.date" in _fields("Activity timestamp", S.DATETIME, [T.MESSAGE])
