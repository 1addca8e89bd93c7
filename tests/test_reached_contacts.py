"""A deal that names a company, or a task that names a deal, reaches a contact through it."""

from __future__ import annotations

from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def _doc(
    with_people: bool, person_column: bool = False
) -> dict[tuple[str, str], tuple[str | None, dict[str, object]]]:
    accounts = table(
        "accounts",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("company_name", S.COMPANY_NAME, {}),
            ("industry", S.PICKLIST, {"values": {"IT": 5, "Retail": 4}}),
            ("website", S.URL, {}),
        ],
        key="id",
    )
    people = table(
        "people",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("account_id", S.FOREIGN_KEY, {"fk": ("accounts", "id")}),
            ("first_name", S.FREE_TEXT, {}),
            ("last_name", S.FREE_TEXT, {}),
            ("email", S.EMAIL, {}),
        ],
        key="id",
    )
    deals = table(
        "deals",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("account_id", S.FOREIGN_KEY, {"fk": ("accounts", "id")}),
            *([("person_id", S.FOREIGN_KEY, {"fk": ("people", "id")})] if person_column else []),
            ("stage", S.PICKLIST, {"values": {"Won": 3, "Lost": 2, "Open": 4}}),
            ("amount", S.MONEY, {}),
        ],
        key="id",
    )
    tasks = table(
        "tasks",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("deal_id", S.FOREIGN_KEY, {"fk": ("deals", "id")}),
            ("subject", S.FREE_TEXT, {}),
            ("due_date", S.DATE, {}),
        ],
        key="id",
    )
    tables = [accounts, *([people] if with_people else []), deals, tasks]
    values = MemoryValues({t.table: [] for t in tables})
    doc = propose_offline(ProposeInputs(tables, None, values))
    return {
        (f.source_object, f.source_columns[0]): (f.target.field, dict(f.transform.params)) for f in doc.fields
    }


def test_a_deal_naming_a_company_whose_people_point_at_it_reaches_its_first_contact() -> None:
    found = _doc(with_people=True)
    field, params = found[("deals", "account_id")]
    assert field == "contactId" and params["object"] == "contact" and params["table"] == "accounts"


def test_a_task_naming_a_deal_reaches_the_deals_contact() -> None:
    field, params = _doc(with_people=True)[("tasks", "deal_id")]
    assert field == "contactId" and params["table"] == "deals" and params["object"] == "contact"


def test_a_company_without_people_gives_a_deal_no_contact() -> None:
    field, _params = _doc(with_people=False)[("deals", "account_id")]
    assert field != "contactId"


def test_a_column_naming_the_deals_person_keeps_the_contact_link() -> None:
    found = _doc(with_people=True, person_column=True)
    assert found[("deals", "person_id")][0] == "contactId"
    assert found[("deals", "account_id")][0] != "contactId"
