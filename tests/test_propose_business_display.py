"""A display name that joins first and last name on a few rows and elsewhere shares no word with them
names the business: the contact's company name, never the contact's own name."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import display_names
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

PEOPLE = [("Zoe", "Wright"), ("Ian", "Moss"), ("Ana", "Torres"), ("Luis", "Gil"),
          ("Eva", "Ros"), ("Max", "Kim"), ("Leo", "Cole"), ("Mia", "Shaw")]  # fmt: skip
BUSINESSES = [
    "Granite Dental",
    "Harbor Roofing",
    "Maple Labs",
    "Cedar Realty",
    "Oak Fitness",
    "Pine Bakery",
    "Summit Print",
]
HEADERS = ("Contact Name", "First Name", "Last Name", "Email", "Person1 First Name", "Person1 Last Name")
CONTACTS = table(
    "contacts",
    [("Contact Name", S.PERSON_NAME, {}), ("First Name", S.PERSON_NAME, {}),
     ("Last Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
     ("Person1 First Name", S.PERSON_NAME, {"null_count": 6}),
     ("Person1 Last Name", S.PERSON_NAME, {"null_count": 6})],
    rows=8,
)  # fmt: skip


def _values(display: list[str]) -> MemoryValues:
    further = [("Lea", "Park"), ("Tom", "Ng"), None, None, None, None, None, None]
    rows: list[dict[str, str | None]] = [
        dict(zip(HEADERS, (d, f, last, f"{f.lower()}@x.test", *(p or (None, None))), strict=True))
        for (f, last), d, p in zip(PEOPLE, display, further, strict=True)
    ]
    return MemoryValues({"contacts": rows})


def _by_column(display: list[str]) -> dict[str, list[tuple[FieldKind, TargetObject | None, str | None]]]:
    doc = propose_offline(ProposeInputs([CONTACTS], destination(), _values(display)))
    out: dict[str, list[tuple[FieldKind, TargetObject | None, str | None]]] = {}
    for f in doc.fields:
        out.setdefault(f.source_columns[0], []).append((f.target.kind, f.target.object, f.target.field))
    return out


def test_businesses_on_most_rows_sharing_no_word_with_the_person_make_the_company_name() -> None:
    display = [*BUSINESSES[:3], "Luis Gil", *BUSINESSES[3:]]
    # the row's own first and last name are the columns filled on every row, not a further person's
    assert display_names(CONTACTS, _values(display)) == {"Contact Name": 1 / 8}
    by_column = _by_column(display)
    assert (FieldKind.STANDARD, TargetObject.CONTACT, "companyName") in by_column["Contact Name"]
    assert all(field != "name" for _k, _o, field in by_column["Contact Name"])
    assert by_column["First Name"] == [(FieldKind.STANDARD, TargetObject.CONTACT, "firstName")]


def test_a_business_row_sharing_a_word_with_the_person_keeps_the_display_name_as_text() -> None:
    display = [*BUSINESSES[:1], "Moss Dental", BUSINESSES[2], "Luis Gil", *BUSINESSES[3:]]
    kept = _by_column(display)["Contact Name"]
    assert [(k, o) for k, o, _f in kept] == [(FieldKind.CUSTOM_NEW, TargetObject.CONTACT)]
