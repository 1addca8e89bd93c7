"""A display name that is the person's joined name, or a business's own company name, repeats the row."""

from __future__ import annotations

from assistant.propose.fields import joined_names
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, table

CLIENTS = table(
    "clients",
    [("Display Name", S.PERSON_NAME, {}), ("Company Name", S.COMPANY_NAME, {}),
     ("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {})],
    rows=6,
)  # fmt: skip
PEOPLE = [("Zoe", "Wright", ""), ("Ian", "Moss", "Moss Dental"), ("Ana", "Torres", ""), ("Luis", "Gil", ""),
          ("Eva", "Ros", "Ros Cafe"), ("Max", "Cole", "")]  # fmt: skip


def _values(display: list[str]) -> MemoryValues:
    rows: list[dict[str, str | None]] = [
        {"Display Name": d, "Company Name": firm or None, "First Name": f, "Last Name": last}
        for (f, last, firm), d in zip(PEOPLE, display, strict=True)
    ]
    return MemoryValues({"clients": rows})


def test_a_display_name_holding_the_company_on_business_rows_only_repeats_the_row() -> None:
    display = ["Zoe Wright", "Moss Dental", "Ana Torres", "Luis Gil", "Ros Cafe", "Max Cole"]
    assert joined_names(CLIENTS, _values(display)) == {"Display Name": ("First Name", "Last Name")}


def test_a_display_name_of_its_own_is_kept() -> None:
    display = ["Zoe Wright", "The Moss Practice", "Ana Torres", "Luis Gil", "Cafe on the Corner", "Max Cole"]
    assert joined_names(CLIENTS, _values(display)) == {}
