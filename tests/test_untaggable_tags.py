"""Labels headed as tags on a record HighLevel cannot tag stay below the review threshold, with why."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

Column = tuple[str, SemanticType, dict[str, Any]]
LABELS = {"Referral": 6, "Priority": 5, "Trade Show 2024": 4}


def _propose(name: str, columns: list[Column], rows: list[dict[str, str]]) -> dict[str, FieldMap]:
    profile = table(name, [*columns, ("Tags", S.PICKLIST, {"values": LABELS, "distinct_count": 3})], rows=15)
    doc = propose_offline(ProposeInputs([profile], destination(), MemoryValues({name: rows})))
    return {f.source_columns[0]: f for f in doc.fields if f.source_object == name}


def test_tags_of_an_opportunity_become_a_held_custom_field_that_says_why() -> None:
    rows = [
        {"Name": f"Deal {i}", "Value": "$1,200.00", "Stage": "Won", "Tags": list(LABELS)[i % 3]}
        for i in range(15)
    ]
    fields = _propose(
        "opportunities",
        [("Name", S.FREE_TEXT, {}), ("Value", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"Won": 8, "Lost": 7}, "distinct_count": 2})],
        rows,
    )  # fmt: skip
    tags = fields["Tags"]
    assert tags.target.kind == FieldKind.CUSTOM_NEW
    assert tags.confidence < 0.7
    assert "hold no tags" in tags.rationale


def test_tags_of_a_contact_are_its_tags_and_pass() -> None:
    rows = [{"First Name": f"P{i}", "Last Name": "Lee", "Email": f"p{i}@x.test", "Tags": list(LABELS)[i % 3]}
            for i in range(15)]  # fmt: skip
    fields = _propose(
        "contacts",
        [("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {})],
        rows,
    )
    assert (fields["Tags"].target.kind, fields["Tags"].target.field) == (FieldKind.STANDARD, "tags")
    assert fields["Tags"].confidence >= 0.7
