"""A display name that only joins the row's first and last name is skipped; the parts carry the name."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import display_names, joined_names
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


def test_a_display_name_naming_businesses_on_some_rows_is_kept_as_text_not_the_contacts_name() -> None:
    # no company column: the business's name sits where the person's joined name sits on other rows
    display = ["Zoe Wright", "Moss Dental", "Ana Torres", "Luis Gil", "Ros Cafe", "Max"]
    assert display_names(CONTACTS, _values(display)) == {"Display Name": 4 / 6}
    assert display_names(CONTACTS, _values(JOINED)) == {}  # the join on every row: skipped instead
    doc = propose_offline(ProposeInputs([CONTACTS], destination(), _values(display)))
    by_column = {f.source_columns[0]: f for f in doc.fields}
    kept = by_column["Display Name"]
    assert (kept.target.kind, kept.target.object) == (FieldKind.CUSTOM_NEW, TargetObject.CONTACT)
    assert kept.confidence < 0.7  # the engineer may prefer the company name: a question, not a given
    assert any("names something else" in e.detail for e in kept.evidence)
    assert (by_column["First Name"].target.field, by_column["Last Name"].target.field) == (
        "firstName",
        "lastName",
    )


def test_a_name_column_naming_a_business_on_most_rows_is_kept_as_text() -> None:
    display = ["Zoe Wright", "Moss Dental", "Torres Bakery", "Gil Plumbing", "Ros Cafe", "Cole Garage"]
    assert display_names(CONTACTS, _values(display)) == {"Display Name": 1 / 6}
    unrelated = ["Moss Dental", "Torres Bakery", "Gil Plumbing", "Ros Cafe", "Cole Garage", "Acme"]
    assert display_names(CONTACTS, _values(unrelated)) == {}  # no row names the person: another thing
