"""An e-mail list's 'address' column holds e-mail addresses: the e-mail field, never the street."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, people_table, table


def test_the_address_of_an_email_list_is_the_contacts_email() -> None:
    emails = table(
        "people__email-addresses",
        [("address", S.EMAIL, {"share": 1.0}), ("location", S.PICKLIST, {"values": {"Work": 12, "Home": 8}})],
        parent="people",
    )
    doc = propose_offline(
        ProposeInputs(
            [people_table("people", ("id", "first name", "last name", "phone")), emails], destination()
        )
    )
    address = next(
        f for f in doc.fields if f.source_object == emails.table and f.source_columns == ["address"]
    )
    assert address.target.kind == FieldKind.STANDARD
    assert (address.target.object.value, address.target.field) == ("contact", "email")


def test_a_street_address_column_still_takes_the_street() -> None:
    places = table("people__addresses", [("address", S.ADDRESS, {}), ("city", S.CITY, {})], parent="people")
    doc = propose_offline(ProposeInputs([people_table("people"), places], destination()))
    street = next(
        f for f in doc.fields if f.source_object == places.table and f.source_columns == ["address"]
    )
    assert street.target.field == "address1"
