"""A header naming an organisation never lands on a person's name field, whatever its values look like."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def test_an_organisation_header_with_person_like_values_lands_on_the_company_name() -> None:
    leads = table(
        "leads",
        [("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}),
         ("Organization Name", S.PERSON_NAME, {"null_share": 0.3, "distinct_count": 11}),
         ("Email", S.EMAIL, {})],
        rows=20,
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([leads], destination()))
    org = next(f for f in doc.fields if f.source_columns == ["Organization Name"])
    assert (org.target.kind, org.target.object, org.target.field) == (
        FieldKind.STANDARD, TargetObject.CONTACT, "companyName",
    )  # fmt: skip
    people = {f.source_columns[0]: f.target.field for f in doc.fields if f.source_columns[0].endswith("Name")}
    assert people["First Name"] == "firstName" and people["Last Name"] == "lastName"
