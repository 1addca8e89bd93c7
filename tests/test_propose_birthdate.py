"""A 'Birthdate' column (one word, as API field names write it) is the contact's date of birth."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def test_a_birthdate_column_fills_the_standard_date_of_birth() -> None:
    contacts = table(
        "Contact",
        [("FirstName", S.PERSON_NAME, {}), ("LastName", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
         ("Birthdate", S.DATE, {"null_share": 0.5})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([contacts], destination()))
    born = next(f for f in doc.fields if f.source_columns == ["Birthdate"])
    assert (born.target.object, born.target.field) == (TargetObject.CONTACT, "dateOfBirth")
