"""A phone number's country code is the number's region, never the contact's country; a country
column of the address beside it still is."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

ROWS = 20


def _fields(tables: list[TableProfile]) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination()))
    return {f"{f.source_object}.{f.source_columns[0]}": f for f in doc.fields}


def _people(extra: list[tuple[str, S, dict[str, object]]]) -> TableProfile:
    base: list[tuple[str, S, dict[str, object]]] = [
        ("Id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("First Name", S.PERSON_NAME, {}),
        ("Last Name", S.PERSON_NAME, {}),
        ("Primary Phone Number", S.PHONE, {"country": "US"}),
    ]
    return table("people", [*base, *extra], rows=ROWS, key="Id")


def test_a_phones_country_code_is_not_the_contacts_country() -> None:
    codes = {"US": 14, "CA": 4, "GB": 2}
    header = "Phones / Primary Phone Country Code"
    fields = _fields([_people([(header, S.COUNTRY, {"values": codes, "distinct_count": 3})])])
    assert fields[f"people.{header}"].target.field != "country"
    fields = _fields([_people([("Country", S.COUNTRY, {"values": codes, "distinct_count": 3})])])
    assert fields["people.Country"].target.field == "country"
