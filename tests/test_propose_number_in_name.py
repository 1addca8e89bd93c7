"""A record's number composed into its name is not kept again in a new custom field."""

from __future__ import annotations

from assistant.highlevel.state import CustomField
from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table


def _export() -> list[TableProfile]:
    jobs = table(
        "jobs",
        [
            ("Job Number", S.IDENTIFIER, {"unique_share": 1.0, "samples": ["J-1001", "J-1002"]}),
            ("Title", S.FREE_TEXT, {"avg_length": 24.0}),
            ("Customer ID", S.FOREIGN_KEY, {"fk": ("customers", "id")}),
            ("Scheduled", S.DATETIME, {"format": "iso"}),
        ],
        key="Job Number",
    )
    return [people_table("customers"), jobs]


def _maps_of(column: str, extra: list[CustomField] | None = None) -> list[FieldMap]:
    dest = destination()
    dest.customFields += extra or []
    doc = propose_offline(ProposeInputs(_export(), dest, MemoryValues({})))
    return [f for f in doc.fields if f.source_object == "jobs" and column in f.source_columns]


def test_the_number_in_the_name_gets_no_new_custom_field() -> None:
    maps = _maps_of("Job Number")
    name = next(m for m in maps if m.target.field == "name")
    assert name.transform.params["template"] == "{Job Number} {Title}"
    assert not [m for m in maps if m.target.kind == FieldKind.CUSTOM_NEW]
    skipped = next(m for m in maps if m.target.kind == FieldKind.SKIP)
    assert "already in the opportunity name" in skipped.rationale


def test_a_custom_field_the_destination_has_for_the_number_still_receives_it() -> None:
    made = CustomField(
        id="cf_job_no",
        name="Job Number",
        fieldKey="opportunity.job_number",
        dataType="TEXT",
        model="opportunity",
    )
    maps = _maps_of("Job Number", [made])
    kinds = {m.target.kind for m in maps}
    assert FieldKind.CUSTOM_EXISTING in kinds and FieldKind.SKIP not in kinds
