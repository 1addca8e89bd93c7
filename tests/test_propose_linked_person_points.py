"""A lead (a deal) whose row repeats its linked contact's e-mail: the phone and the name beside it
are that contact's too, so they never become custom fields of the opportunity."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import ForeignKey, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

NAMES = ["Ana Torres", "Ian Moss", "Zoe Wright", "Pablo Ruiz", "Mia Cole", "Leo Shaw"]
Row = dict[str, str | None]


def _email(name: str) -> str:
    return name.replace(" ", ".").lower() + "@mail.test"


def _deal_fields(contact_phones: bool, lead_emails: bool = True) -> dict[str, FieldMap]:
    people_columns = [("ID", S.IDENTIFIER, {}), ("Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {})]
    people_columns += [("Phone", S.PHONE, {})] if contact_phones else []
    people = table("people", people_columns, rows=6, key="ID")
    deals = table(
        "leads",
        [("Deal", S.FREE_TEXT, {}), ("Customer", S.PERSON_NAME, {}), ("Contact Name", S.PERSON_NAME, {}),
         ("Email", S.EMAIL, {}), ("Phone", S.PHONE, {}), ("Value", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"Won": 2, "Lost": 2, "Open": 2}})],
        rows=6,
    )  # fmt: skip
    deals.columns[1].foreign_key = ForeignKey(
        table="leads", column="Customer", target_table="people", target_column="ID",
        resolved_share=1.0, by_names=[["Name"]],
    )  # fmt: skip
    people_rows: list[Row] = [
        {"ID": str(i), "Name": n, "Email": _email(n), "Phone": f"555-020-{i:04d}"}
        for i, n in enumerate(NAMES)
    ]
    deal_rows: list[Row] = [
        {"Deal": f"Deal {i}", "Customer": n, "Contact Name": n,
         "Email": _email(n) if lead_emails else f"buyer{i}@other.test",
         "Phone": f"555-010-{i:04d}", "Value": "100", "Stage": ["Won", "Lost", "Open"][i % 3]}
        for i, n in enumerate(NAMES)
    ]  # fmt: skip
    profiles: list[TableProfile] = [people, deals]
    values = MemoryValues({"people": people_rows, "leads": deal_rows})
    doc = propose_offline(ProposeInputs(profiles, destination(), values))
    return {f.source_columns[0]: f for f in doc.fields if f.source_object == "leads"}


def test_the_linked_contacts_phone_and_name_on_the_deal_are_skipped_with_the_reason() -> None:
    fields = _deal_fields(contact_phones=True)
    assert fields["Email"].target.kind == FieldKind.SKIP
    phone = fields["Phone"]
    assert phone.target.kind == FieldKind.SKIP and phone.confidence < 0.7
    assert "the row's person is the contact 'Customer' links to ('Email'" in phone.rationale
    name = fields["Contact Name"]
    assert name.target.kind == FieldKind.SKIP
    assert "the name of the contact 'Customer' links to" in name.rationale


def test_a_phone_the_linked_table_has_no_column_for_is_not_taken_for_a_second_one() -> None:
    fields = _deal_fields(contact_phones=False)
    assert fields["Phone"].target.kind != FieldKind.SKIP  # the only phone of the person: kept for review


def test_without_the_contacts_email_on_the_row_the_person_is_not_known_to_be_the_linked_one() -> None:
    fields = _deal_fields(contact_phones=True, lead_emails=False)
    assert "the row's person" not in fields["Phone"].rationale
