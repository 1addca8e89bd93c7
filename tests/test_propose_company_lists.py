"""A nested list that only company rows of a mixed people-and-companies list carry fills the company."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType
T = TargetObject
KINDS = {"c1": "company", "c2": "company", "p1": "person", "p2": "person", "p3": "person"}


def _records() -> TableProfile:
    """People and companies in one list, a kind column telling them apart."""
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("record_type", S.PICKLIST, {"values": {"person": 3, "company": 2}}),
        ("name", S.PERSON_NAME, {}),
        ("email", S.EMAIL, {}),
    ]
    return table("contacts", columns, rows=5, key="id")


def _websites(rows: int) -> TableProfile:
    return table(
        "contacts__websites", [("value", S.URL, {"unique_share": 1.0})], rows=rows, parent="contacts"
    )


def _target_of_list(parents: list[str]) -> T:
    values = MemoryValues(
        {
            "contacts": [
                {"id": k, "record_type": v, "name": "Ann Lee", "email": f"{k}@example.com"}
                for k, v in KINDS.items()
            ],
            "contacts__websites": [{"_parent_key": p, "value": f"https://{p}.example"} for p in parents],
        }
    )
    doc = propose_offline(ProposeInputs([_records(), _websites(len(parents))], None, values))
    found = next(o for o in doc.objects if o.source_object == "contacts__websites")
    assert found.targets[0].role == "merge_into_parent"
    return found.targets[0].object


def test_a_list_only_company_rows_carry_merges_into_the_company() -> None:
    assert _target_of_list(["c1", "c2"]) is T.COMPANY


def test_a_list_under_people_and_companies_stays_with_the_contact() -> None:
    assert _target_of_list(["c1", "p1", "p2"]) is T.CONTACT
