"""Two columns that both read as the state: the one filled on most rows is the contact's state."""

from __future__ import annotations

from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def test_a_mostly_empty_region_beside_a_full_province_leaves_the_state_to_the_province() -> None:
    people = table(
        "contacts",
        [
            ("ID", S.IDENTIFIER, {"unique_share": 1.0}),
            ("FIRST_NAME", S.FREE_TEXT, {}),
            ("LAST_NAME", S.FREE_TEXT, {}),
            ("EMAIL", S.EMAIL, {}),
            ("ADDRESS_REGION", S.REGION, {"null_share": 0.8}),
            ("ADDRESS_PROVINCE", S.REGION, {"null_share": 0.0}),
        ],
        key="ID",
    )
    doc = propose_offline(ProposeInputs([people], None, MemoryValues({"contacts": []})))
    fields = {f.source_columns[0]: f.target for f in doc.fields}
    assert fields["ADDRESS_PROVINCE"].field == "state"
    assert fields["ADDRESS_REGION"].field != "state"


def test_a_whole_address_beside_its_street_line_leaves_the_address_to_the_street() -> None:
    clients = table(
        "clients",
        [
            ("uuid", S.IDENTIFIER, {"unique_share": 1.0}),
            ("name", S.COMPANY_NAME, {}),
            ("address", S.FREE_TEXT, {}),
            ("address_street", S.ADDRESS, {"share": 0.87}),
            ("address_city", S.CITY, {}),
            ("address_postcode", S.POSTAL_CODE, {}),
        ],
        key="uuid",
    )
    doc = propose_offline(ProposeInputs([clients], None, MemoryValues({"clients": []})))
    fields = {f.source_columns[0]: f.target.field for f in doc.fields}
    street = fields["address_street"]
    assert street in ("address", "address1") and fields["address"] != street
