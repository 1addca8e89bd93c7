"""A table named for places ('project_sites') is a list of places on a customer, not deals."""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import people_table, table

S = SemanticType
T = TargetObject


def _sites(extra: list[tuple[str, SemanticType, dict[str, Any]]]) -> TableProfile:
    """Sites of customers: a street line (unique, so the profile's key), town, type and a site contact."""
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("Customer", S.FOREIGN_KEY, {"fk": ("customers", "id")}),
        ("Address", S.ADDRESS, {"unique_share": 1.0}),
        ("City", S.CITY, {}),
        ("Zip", S.POSTAL_CODE, {}),
        ("Type", S.PICKLIST, {"values": {"Billing": 8, "Job Site": 12}}),
        ("Contact", S.PERSON_NAME, {}),
        ("Phone", S.PHONE, {}),
        *extra,
    ]
    return table("project_sites", columns, key="Address")


def _propose(sites: TableProfile) -> tuple[list[T], dict[str, Any]]:
    values = MemoryValues({"customers": [], "project_sites": []})
    doc = propose_offline(ProposeInputs([people_table("customers"), sites], None, values))
    found = next(o for o in doc.objects if o.source_object == "project_sites")
    fields = {f.source_columns[0]: f for f in doc.fields if f.id.startswith("field:project_sites.")}
    return [t.object for t in found.targets], fields


def test_a_place_table_without_deal_values_is_a_note_on_its_customer() -> None:
    objects, fields = _propose(_sites([]))
    assert objects == [T.NOTE]  # 'project' only says what the sites are for
    assert (fields["Customer"].target.object, fields["Customer"].target.field) == (T.NOTE, "contactId")
    # the unique street line is the place itself, kept in the note, not dropped as a source id
    assert fields["Address"].target.kind is not FieldKind.SKIP
    assert (fields["Address"].target.object, fields["Address"].target.field) == (T.NOTE, "body")


def test_a_place_table_with_a_status_and_an_amount_is_left_to_the_other_evidence() -> None:
    money = [("Status", S.PICKLIST, {"values": {"Open": 10, "Won": 5, "Lost": 5}}), ("Value", S.MONEY, {})]
    objects, _fields = _propose(_sites(money))
    assert objects[0] is T.OPPORTUNITY
