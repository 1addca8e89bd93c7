"""A lookup exported twice: the related record's id ('Contact Name.id') beside its display name."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import echo_columns
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, col, destination, people_table, table


def test_the_display_column_named_like_the_id_echoes_the_id() -> None:
    columns = [
        col("Deals", "Contact Name.id", S.FOREIGN_KEY, 0, fk=("Contacts", "Record Id")),
        col("Deals", "Contact Name", S.PERSON_NAME, 1),
        col("Deals", "Deal Name", S.FREE_TEXT, 2),
    ]
    assert echo_columns(columns, {"Contact Name.id"}) == {"Contact Name": "Contact Name.id"}


def test_the_display_name_beside_its_lookup_id_gets_no_custom_field() -> None:
    contacts = people_table("Contacts", ("Record Id", "First Name", "Last Name", "Email"))
    deals = table(
        "Deals",
        [("Record Id", S.IDENTIFIER, {"unique_share": 1.0}), ("Deal Name", S.FREE_TEXT, {}),
         ("Contact Name.id", S.FOREIGN_KEY, {"fk": ("Contacts", "Record Id")}),
         ("Contact Name", S.PERSON_NAME, {}), ("Amount", S.MONEY, {})],
        key="Record Id",
    )  # fmt: skip
    people = [("Ava", "Turner"), ("Liam", "Brooks"), ("Noah", "Patel"), ("Emma", "Nguyen"), ("Mia", "Kim")]
    contact_rows = [
        {"Record Id": f"zcrm_{i}", "First Name": f, "Last Name": la, "Email": f"{f.lower()}@x.com"}
        for i, (f, la) in enumerate(people)
    ]
    deal_rows = [
        {"Record Id": f"zcrm_9{i}", "Deal Name": f"Deal {i}", "Contact Name.id": f"zcrm_{i % 5}",
         "Contact Name": " ".join(people[i % 5]), "Amount": "100.00"}
        for i in range(20)
    ]  # fmt: skip
    values = MemoryValues({"Contacts": contact_rows, "Deals": deal_rows})
    doc = propose_offline(ProposeInputs([contacts, deals], destination(), values))
    name = next(f for f in doc.fields if f.source_object == "Deals" and f.source_columns == ["Contact Name"])
    assert name.target.kind not in (FieldKind.CUSTOM_NEW, FieldKind.CUSTOM_EXISTING)
