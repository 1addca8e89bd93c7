"""'Reports To' names another row of the same contacts list: a relation, never the contact's name."""

from __future__ import annotations

from typing import Any

from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import names_of_other_rows
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

PEOPLE = [("Ana", "Ruiz"), ("Bo", "Chen"), ("Cy", "Dahl"), ("Di", "Evans"), ("Ed", "Fox"), ("Flo", "Gray")]


def _contacts(manager_of: Any) -> tuple[Any, MemoryValues]:
    rows: list[dict[str, str | None]] = [
        {
            "id": str(i),
            "First Name": f,
            "Last Name": last,
            "Email": f"{f}@x.test",
            "Reports To": manager_of(i),
        }
        for i, (f, last) in enumerate(PEOPLE * 2)
    ]
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("First Name", S.PERSON_NAME, {}),
        ("Last Name", S.PERSON_NAME, {}),
        ("Email", S.EMAIL, {}),
        ("Reports To", S.PERSON_NAME, {}),
    ]
    return table("contacts", columns, rows=len(rows), key="id"), MemoryValues({"contacts": rows})


def test_a_column_of_other_rows_names_is_no_name_of_the_contact() -> None:
    contacts, values = _contacts(lambda i: "Ana Ruiz" if i % 6 else "Bo Chen")
    assert names_of_other_rows(contacts, values) == {"Reports To"}
    doc = propose_offline(ProposeInputs([contacts], destination(), values))
    reports = next(f for f in doc.fields if f.source_columns == ["Reports To"])
    assert reports.target.field not in ("name", "firstName", "lastName")


def test_a_column_repeating_the_rows_own_name_is_not_a_reference_to_another_row() -> None:
    contacts, values = _contacts(lambda i: " ".join(PEOPLE[i % 6]))
    assert names_of_other_rows(contacts, values) == set()
