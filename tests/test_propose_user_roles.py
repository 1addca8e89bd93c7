"""Users and owners read from how an export uses them, not from a table's or a column's name alone:
the table owner columns point at is the user list, a manager's name is no link to a company, the
assigned user owns the record before the one who entered it, and a user's e-mail is no deal contact."""

from __future__ import annotations

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.name_references import spellings
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

T = TargetObject


def _owned(name: str, owner_to: str, link: str = "owner_id") -> TableProfile:
    return table(
        name,
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {}),
         (link, S.FOREIGN_KEY, {"fk": (owner_to, "id")})],
        key="id",
    )  # fmt: skip


def _kinds(tables: list[TableProfile]) -> dict[str, list[TargetObject]]:
    doc = propose_offline(ProposeInputs(tables, None))
    return {o.source_object: [t.object for t in o.targets] for o in doc.objects}


def test_a_people_table_only_owner_columns_point_at_is_the_user_list() -> None:
    clients = people_table("clients")  # named like customers, but every owner_id holds its ids
    kinds = _kinds([clients, _owned("accounts", "clients"), _owned("deals", "clients")])
    assert kinds["clients"] == [T.USER]


def test_an_owner_address_beside_the_owner_id_is_no_other_use_of_the_user_list() -> None:
    # 'owner' holds the user's URI, repeating owner_id: it is the id's twin, not another reference
    def with_address(name: str) -> TableProfile:
        owned = _owned(name, "clients")
        owned.columns[2].foreign_key.path_column = "owner"  # type: ignore[union-attr]
        twin = owned.columns[2].model_copy(update={"column": "owner", "position": 3})
        owned.columns.append(twin)
        return owned

    kinds = _kinds([people_table("clients"), with_address("accounts"), with_address("deals")])
    assert kinds["clients"] == [T.USER]


def test_a_people_table_records_link_to_as_their_contact_stays_contacts() -> None:
    clients = people_table("clients")
    tables = [clients, _owned("accounts", "clients"), _owned("deals", "clients", link="contact_id")]
    assert _kinds(tables)["clients"][0] == T.CONTACT


def test_an_account_managers_name_on_companies_is_no_name_of_the_company() -> None:
    companies = table(
        "companies",
        [("ID", S.IDENTIFIER, {}), ("CompanyName", S.COMPANY_NAME, {}),
         ("Profile.AccountManager.Name", S.PICKLIST, {})],
        key="ID",
    )  # fmt: skip
    assert ["Profile.AccountManager.Name"] not in spellings(companies)
    assert ["CompanyName"] in spellings(companies)


def _quotes(rows: list[dict[str, str | None]]) -> MappingDocument:
    users = {"Laura Gómez": 1, "Pedro Ruiz": 1}
    quotes = table(
        "quotes",
        [("Quote Number", S.IDENTIFIER, {"unique_share": 1.0}),
         ("Quote User", S.PICKLIST, {"values": users, "distinct_count": 2}),
         ("Quote Assigned User", S.PICKLIST, {"values": users, "distinct_count": 2, "null_share": 0.3}),
         ("Quote Amount", S.MONEY, {}), ("Quote Status", S.PICKLIST, {"values": {"Sent": 3, "Draft": 2}})],
        rows=len(rows), key="Quote Number",
    )  # fmt: skip
    return propose_offline(ProposeInputs([quotes], destination(), MemoryValues({"quotes": rows})))


def test_the_assigned_user_owns_the_record_and_the_bare_user_who_entered_it_is_skipped() -> None:
    laura, pedro = "Laura Gómez", "Pedro Ruiz"
    pairs = [(pedro, laura), (laura, laura), (None, laura), (pedro, pedro), (laura, laura), (pedro, laura)]
    rows: list[dict[str, str | None]] = [
        {"Quote Number": f"Q{i}", "Quote Assigned User": a, "Quote User": u, "Quote Amount": "100"}
        for i, (a, u) in enumerate(pairs)
    ]
    doc = _quotes(rows)
    owner = next(f for f in doc.fields if f.target.field == "assignedTo")
    assert owner.source_columns == ["Quote Assigned User"]
    entered = next(f for f in doc.fields if f.source_columns == ["Quote User"])
    assert entered.target.kind == FieldKind.SKIP
    assert "entered it" in entered.rationale


def test_a_role_filled_on_a_few_rows_yields_the_owner_to_one_filled_on_every_row() -> None:
    laura, pedro = "Laura Gómez", "Pedro Ruiz"
    rows = [{"Job": f"J{i}", "Salesperson.Name": (laura, pedro)[i % 2],
             "ProjectManager.Name": (pedro, laura)[i] if i < 2 else None} for i in range(8)]  # fmt: skip
    jobs = table(
        "jobs",
        [("Job", S.IDENTIFIER, {"unique_share": 1.0}),
         ("ProjectManager.Name", S.PICKLIST, {"values": {pedro: 1, laura: 1}, "distinct_count": 2,
                                              "null_share": 0.75}),
         ("Salesperson.Name", S.PICKLIST, {"values": {laura: 4, pedro: 4}, "distinct_count": 2})],
        rows=len(rows), key="Job",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([jobs], destination(), MemoryValues({"jobs": rows})))
    owner = next(f for f in doc.fields if f.target.field == "assignedTo")
    assert owner.source_columns == ["Salesperson.Name"]


def test_a_deals_creator_and_owner_are_users_not_a_contact_split_off_each_deal() -> None:
    deals = table(
        "deals",
        [("deal_id", S.IDENTIFIER, {"unique_share": 1.0}), ("amount", S.MONEY, {}),
         ("creator.name", S.PERSON_NAME, {}), ("creator.email", S.EMAIL, {}),
         ("owner.name", S.PERSON_NAME, {}), ("owner.email", S.EMAIL, {})],
        key="deal_id",
    )  # fmt: skip
    assert _kinds([deals])["deals"] == [T.OPPORTUNITY]
