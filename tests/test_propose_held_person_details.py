"""A deal linked to its contact that also carries a person's e-mail or phone.

E-mails the linked table already holds (for any of its rows) are no data of the deal's own: they
are skipped with that reason. A phone of its own would become a custom field of the deal, which
is never where a person's contact point belongs, so that map waits for the reviewer.
"""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.profile.models import ForeignKey, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import held_by_linked_table
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, col, destination, table

NAMES = ["Ana Torres", "Ian Moss", "Zoe Wright", "Pablo Ruiz", "Mia Cole", "Leo Shaw"]
Row = dict[str, str | None]


def _email(name: str) -> str:
    return name.replace(" ", ".").lower() + "@mail.test"


def _export(lead_emails: list[str]) -> tuple[list[TableProfile], MemoryValues]:
    people = table(
        "people",
        [("ID", S.IDENTIFIER, {}), ("Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {})],
        rows=6, key="ID",
    )  # fmt: skip
    deals = table(
        "deals",
        [("Deal", S.FREE_TEXT, {}), ("Customer", S.PERSON_NAME, {}), ("Lead Email", S.EMAIL, {}),
         ("Lead Phone", S.PHONE, {}), ("owner_email", S.EMAIL, {}), ("Value", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"Won": 2, "Lost": 2, "Open": 2}})],
        rows=6,
    )  # fmt: skip
    deals.columns[1].foreign_key = ForeignKey(
        table="deals", column="Customer", target_table="people", target_column="ID",
        resolved_share=1.0, by_names=[["Name"]],
    )  # fmt: skip
    people_rows: list[Row] = [{"ID": str(i), "Name": n, "Email": _email(n)} for i, n in enumerate(NAMES)]
    deal_rows: list[Row] = [
        {"Deal": f"Deal {i}", "Customer": NAMES[(i + 1) % 6], "Lead Email": e,
         "Lead Phone": f"555-010-{i:04d}", "owner_email": _email(NAMES[i % 2]), "Value": "100",
         "Stage": ["Won", "Lost", "Open"][i % 3]}
        for i, e in enumerate(lead_emails)
    ]  # fmt: skip
    return [people, deals], MemoryValues({"people": people_rows, "deals": deal_rows})


def test_emails_the_linked_table_holds_for_other_rows_are_held_by_it() -> None:
    (people, deals), values = _export([_email(n) for n in NAMES])  # each the e-mail of another person
    held = held_by_linked_table(deals, {"people": people, "deals": deals}, values)
    assert held == {"Lead Email": ("Customer", "people")}  # the owner's e-mail names a user: not read so


def test_emails_of_their_own_are_not_held() -> None:
    (people, deals), values = _export([f"buyer{i}@other.test" for i in range(6)])
    assert held_by_linked_table(deals, {"people": people, "deals": deals}, values) == {}


def test_the_proposal_skips_the_held_email_and_holds_a_phone_custom_field_for_review() -> None:
    profiles, values = _export([_email(n) for n in NAMES])
    doc = propose_offline(ProposeInputs(profiles, destination(), values))
    email = next(f for f in doc.fields if f.source_object == "deals" and f.source_columns == ["Lead Email"])
    assert email.target.kind == FieldKind.SKIP
    assert "'people' (linked by 'Customer') already holds" in email.rationale
    phone = next(f for f in doc.fields if f.source_object == "deals" and f.source_columns == ["Lead Phone"])
    assert phone.target.kind == FieldKind.CUSTOM_NEW and phone.confidence < 0.7
    assert any("custom field of the deal, not of its contact" in e.detail for e in phone.evidence)


def test_a_name_under_a_header_naming_another_record_is_held_when_the_linked_table_has_it() -> None:
    (people, deals), values = _export([f"buyer{i}@other.test" for i in range(6)])
    deals.columns.append(col("deals", "Client Name", S.PERSON_NAME, position=len(deals.columns)))
    deals.columns.append(col("deals", "Deal Title", S.PERSON_NAME, position=len(deals.columns)))
    rows = values.rows("deals", [c.column for c in deals.columns])
    for i, row in enumerate(rows):  # another person of the table than the one the deal links to
        row["Client Name"] = NAMES[(i + 3) % 6].upper()
        row["Deal Title"] = NAMES[i]  # the deal's own name reads like a person's: never held
    values = MemoryValues({"people": values.rows("people", ["ID", "Name", "Email"]), "deals": rows})
    held = held_by_linked_table(deals, {"people": people, "deals": deals}, values)
    assert held == {"Client Name": ("Customer", "people")}
