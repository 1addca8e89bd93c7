"""A one-word 'zipcode' header reads as a postal code, as 'zip code' and 'ZipCode' do."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def test_a_nested_zipcode_lands_on_the_postal_code_beside_the_street() -> None:
    companies = table(
        "companies",
        [("display_name", S.COMPANY_NAME, {}), ("address.address_1", S.ADDRESS, {}),
         ("address.city", S.CITY, {}), ("address.zipcode", S.POSTAL_CODE, {"share": 1.0})],
        rows=20,
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([companies], destination()))
    zipcode = next(f for f in doc.fields if f.source_columns == ["address.zipcode"])
    assert (zipcode.target.kind, zipcode.target.field) == (FieldKind.STANDARD, "postalCode")
    assert zipcode.target.object == TargetObject.COMPANY
