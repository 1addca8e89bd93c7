"""A link by name left blank on some rows finds its contact by the row's own e-mail, on evidence only.

The proposal names the fallback only when most blank rows find exactly one row of the linked table
by their e-mail (the profile's e-mail columns on both sides); the evidence counts them.
"""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import Evidence
from assistant.profile.models import TableProfile
from assistant.propose.fields import blank_link_fallback
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, table

PEOPLE: list[dict[str, str | None]] = [
    {"ID": f"p{i}", "Name": f"Person {chr(65 + i)}", "Email": f"person{i}@example.com"} for i in range(6)
]


def _deals(blanks: int) -> TableProfile:
    return table(
        "deals",
        [("Title", S.FREE_TEXT, {}), ("Customer", S.PERSON_NAME, {"null_count": blanks}),
         ("Contact Email", S.EMAIL, {"null_share": 0.0}), ("Backup Email", S.EMAIL, {"null_share": 0.9})],
        rows=6,
    )  # fmt: skip


def _people() -> TableProfile:
    return table(
        "people",
        [("ID", S.IDENTIFIER, {}), ("Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {})],
        rows=6,
        key="ID",
    )


def _deal_rows(emails: list[str]) -> Rows:
    """Deals 0-2 name their customer, 3-5 leave it blank; each carries one of ``emails``."""
    return [
        {"Title": f"Deal {i}", "Customer": f"Person {chr(65 + i)}" if i < 3 else "", "Contact Email": e}
        for i, e in enumerate(emails)
    ]


Rows = list[dict[str, str | None]]


def _fallback(deal_rows: Rows, people: Rows, blanks: int = 3) -> tuple[dict[str, Any], Evidence] | None:
    deals = _deals(blanks)
    customer = next(c for c in deals.columns if c.column == "Customer")
    values = MemoryValues({"deals": deal_rows, "people": people})
    return blank_link_fallback(deals, customer, _people(), values)


def test_blank_names_whose_emails_find_one_person_each_link_by_the_main_email() -> None:
    emails = [f"Person{i}@Example.com " for i in range(6)]  # case and spaces as exports leave them
    found = _fallback(_deal_rows(emails), PEOPLE)
    assert found is not None
    params, evidence = found
    assert params == {"blank_by": {"column": "Contact Email", "target_column": "Email"}}
    assert "3 of 3 rows with a blank 'Customer' (and an e-mail) find one people row" in evidence.detail


def test_emails_the_linked_table_does_not_hold_give_no_fallback() -> None:
    emails = [f"someone{i}@elsewhere.test" for i in range(6)]
    assert _fallback(_deal_rows(emails), PEOPLE) is None


def test_an_email_several_people_share_links_to_none_of_them() -> None:
    shared: list[dict[str, str | None]] = [
        *PEOPLE,
        {"ID": "p9", "Name": "Person Z", "Email": "person3@example.com"},
    ]
    shared += [{"ID": "p10", "Name": "Person Y", "Email": "person4@example.com"}]
    emails = [f"person{i}@example.com" for i in range(6)]  # two of the three blank rows are ambiguous
    assert _fallback(_deal_rows(emails), shared) is None


def test_a_name_column_blank_on_no_row_needs_no_fallback() -> None:
    emails = [f"person{i}@example.com" for i in range(6)]
    assert _fallback(_deal_rows(emails), PEOPLE, blanks=0) is None
