"""A deal's account id that its contact already links to is reached through the contact: skipped."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

ACCOUNTS = table(
    "Accounts",
    [("Record Id", S.IDENTIFIER, {"unique_share": 1.0}),
     ("Account Name", S.COMPANY_NAME, {"unique_share": 1.0}), ("Website", S.URL, {})],
    key="Record Id",
)  # fmt: skip
CONTACTS = table(
    "Contacts",
    [("Record Id", S.IDENTIFIER, {"unique_share": 1.0}), ("First Name", S.PERSON_NAME, {}),
     ("Last Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
     ("Account Name.id", S.FOREIGN_KEY, {"fk": ("Accounts", "Record Id")})],
    key="Record Id",
)  # fmt: skip
DEALS = table(
    "Deals",
    [("Record Id", S.IDENTIFIER, {"unique_share": 1.0}), ("Deal Name", S.FREE_TEXT, {}),
     ("Contact Name.id", S.FOREIGN_KEY, {"fk": ("Contacts", "Record Id")}),
     ("Account Name.id", S.FOREIGN_KEY, {"fk": ("Accounts", "Record Id")}), ("Amount", S.MONEY, {})],
    key="Record Id",
)  # fmt: skip


def _account_map(deal_account_of_contact: bool) -> FieldMap:
    accounts = [{"Record Id": f"a{i}", "Account Name": f"Firm {i}", "Website": f"f{i}.com"} for i in range(4)]
    contacts = [
        {"Record Id": f"c{i}", "First Name": f"Ann{i}", "Last Name": "Lee", "Email": f"ann{i}@x.com",
         "Account Name.id": f"a{i % 4}"}
        for i in range(8)
    ]  # fmt: skip
    deals = [
        {"Record Id": f"d{i}", "Deal Name": f"Deal {i}", "Contact Name.id": f"c{i % 8}",
         "Account Name.id": f"a{i % 4}" if deal_account_of_contact else f"a{(i + 1) % 4}",
         "Amount": "10.00"}
        for i in range(20)
    ]  # fmt: skip
    values = MemoryValues({"Accounts": accounts, "Contacts": contacts, "Deals": deals})
    doc = propose_offline(ProposeInputs([ACCOUNTS, CONTACTS, DEALS], destination(), values))
    return next(
        f for f in doc.fields if f.source_object == "Deals" and f.source_columns == ["Account Name.id"]
    )


def test_an_account_the_deals_contact_already_links_to_is_skipped() -> None:
    account = _account_map(deal_account_of_contact=True)
    assert account.target.kind == FieldKind.SKIP
    assert "Contact Name.id" in account.rationale


def test_an_account_of_its_own_is_kept() -> None:
    assert _account_map(deal_account_of_contact=False).target.kind != FieldKind.SKIP
