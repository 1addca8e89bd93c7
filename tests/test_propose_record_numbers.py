"""The number a record's name shows beside its title: a reference filled on a few rows numbers some
records, not this one, and a UUID key is no number anyone quotes."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, people_table, table

UUIDS = ["03112523-eb9f-4a7d-aa4b-d896e35c4884", "06cc1ad2-b9ae-46fd-ac9c-2245ee23f8cc"]


def _name(doc: MappingDocument, obj: str) -> FieldMap:
    return next(
        f
        for f in doc.fields
        if f.source_object == obj and (f.target.object, f.target.field) == (TargetObject.OPPORTUNITY, "name")
    )


def test_a_reference_blank_on_most_rows_is_not_composed_into_the_name() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}),
         ("number", S.IDENTIFIER, {"unique_share": 1.0, "avg_length": 4.0}),
         ("name", S.FREE_TEXT, {"unique_share": 0.9}),
         ("refNumber", S.IDENTIFIER, {"unique_share": 1.0, "null_share": 0.77, "avg_length": 8.0})],
        key="id",
    )  # fmt: skip
    name = _name(propose_offline(ProposeInputs([jobs, people_table("contacts")], destination())), "jobs")
    assert "refNumber" not in name.source_columns
    assert "name" in name.source_columns


def test_a_uuid_key_is_not_composed_into_the_name() -> None:
    jobs = table(
        "job",
        [("uuid", S.IDENTIFIER, {"unique_share": 1.0, "samples": UUIDS}),
         ("job_description", S.FREE_TEXT, {"max_length": 40})],
        key="uuid",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([jobs, people_table("contacts")], destination()))
    named = [f.source_columns for f in doc.fields if f.source_object == "job" and f.target.field == "name"]
    assert not any("uuid" in columns for columns in named)
    assert any(f.source_columns == ["uuid"] for f in doc.fields)  # still kept, as the record's source id
