"""'zipcode' written as one word names the postal code, also inside a nested address."""

from __future__ import annotations

from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table


def test_zipcode_and_postalcode_read_as_the_postal_code() -> None:
    for header in ("zipcode", "Zipcode", "address.zipcode", "postalcode"):
        assert concepts(header)[0] == "postal_code", header


def test_a_nested_zipcode_beside_a_street_fills_the_postal_code() -> None:
    people = table(
        "contacts",
        [("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}), ("address.address_1", S.ADDRESS, {}),
         ("address.city", S.CITY, {}), ("address.zipcode", S.POSTAL_CODE, {})],
        rows=6,
    )  # fmt: skip
    rows = [
        {"name": f"Ann Lee{i}", "email": f"a{i}@x.test", "address.address_1": f"{i} Oak St",
         "address.city": "Austin", "address.zipcode": f"7870{i}"}
        for i in range(6)
    ]  # fmt: skip
    doc = propose_offline(ProposeInputs([people], destination(), MemoryValues({"contacts": rows})))
    zipcode = next(f for f in doc.fields if f.source_columns == ["address.zipcode"])
    assert (zipcode.target.object.value, zipcode.target.field) == ("contact", "postalCode")
