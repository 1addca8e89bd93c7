"""A display name that only joins the row's first and last name is skipped; the parts carry the name."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import joined_names
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

PEOPLE = [
    ("Zoe", "Wright"),
    ("Ian", "Moss"),
    ("Ana", "Torres"),
    ("Luis", "Gil"),
    ("Eva", "Ros"),
    ("Max", None),
]
CONTACTS = table(
    "contacts",
    [("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}),
     ("Display Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {})],
    rows=6,
)  # fmt: skip


def _values(display: list[str]) -> MemoryValues:
    rows: list[dict[str, str | None]] = [
        {"First Name": f, "Last Name": last, "Display Name": d, "Email": f"{f.lower()}@x.test"}
        for (f, last), d in zip(PEOPLE, display, strict=True)
    ]
    return MemoryValues({"contacts": rows})


JOINED = ["Zoe Wright", "moss, ian", "Ana  Torres", "Luis Gil", "Eva Ros", "Max"]


def test_a_column_joining_first_and_last_name_is_found_on_its_values() -> None:
    assert joined_names(CONTACTS, _values(JOINED)) == {"Display Name": ("First Name", "Last Name")}
    nicknames = ["Zo", "Big Ian", "Ana Torres", "Lu", "Evie", "Maxi"]  # a name of its own on most rows
    assert joined_names(CONTACTS, _values(nicknames)) == {}


def test_the_joined_name_is_skipped_and_the_parts_keep_first_and_last_name() -> None:
    doc = propose_offline(ProposeInputs([CONTACTS], destination(), _values(JOINED)))
    by_column = {f.source_columns[0]: f for f in doc.fields}
    assert by_column["Display Name"].target.kind == FieldKind.SKIP
    assert "'First Name' and 'Last Name'" in by_column["Display Name"].rationale
    assert (by_column["First Name"].target.field, by_column["Last Name"].target.field) == (
        "firstName",
        "lastName",
    )
