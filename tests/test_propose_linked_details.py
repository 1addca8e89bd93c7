"""What a record's linked rows already hold: a nested object's details beside its linked key split off
no person, a bare host name beside the full address is no second website, a nested list's link to
the table its parent links by key feeds no field, and typed job titles are no pick-list."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import DataType, FieldKind, TargetObject
from assistant.profile.models import ForeignKey, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.objects import classify_tables
from assistant.propose.picklist_evidence import written_not_chosen
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, col, destination, people_table, table

T = TargetObject
FIRMS = ["Northstar Fitness", "Oakridge Roofing", "Cedar Realty", "Ironwood Bakery", "Silverline Labs"]


def _accounts() -> tuple[TableProfile, list[dict[str, str | None]]]:
    hosts = [f.replace(" ", "").lower() + ".com" for f in FIRMS]
    accounts = table(
        "accounts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {}),
         ("domain", S.URL, {}), ("website", S.URL, {}), ("city", S.CITY, {})],
        rows=len(FIRMS), key="id",
    )  # fmt: skip
    rows: list[dict[str, str | None]] = [
        {"id": str(i), "name": f, "domain": h, "website": f"https://{h}", "city": "Austin"}
        for i, (f, h) in enumerate(zip(FIRMS, hosts, strict=True), start=1)
    ]
    return accounts, rows


def _field(doc: MappingDocument, table_name: str, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_object == table_name and f.source_columns == [column])


def test_a_deals_nested_account_and_assignee_beside_their_linked_keys_embed_no_person() -> None:
    accounts, _ = _accounts()
    deals = table(
        "opportunities",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.FREE_TEXT, {}),
         ("value", S.MONEY, {"locale": "en"}),
         ("account.id", S.FOREIGN_KEY, {"fk": ("accounts", "id")}), ("account.name", S.PERSON_NAME, {}),
         ("assignee.id", S.FOREIGN_KEY, {"fk": ("users", "id")}), ("assignee.email", S.EMAIL, {})],
        key="id",
    )  # fmt: skip
    users = people_table("users")
    decided = classify_tables([accounts, users, deals])["opportunities"]
    assert decided.primary == T.OPPORTUNITY
    assert [t.object for t in decided.object_map.targets] == [T.OPPORTUNITY]


def test_a_deal_that_embeds_its_person_beside_a_linked_account_still_splits_the_person_off() -> None:
    accounts, _ = _accounts()
    deals = table(
        "opportunities",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.FREE_TEXT, {}),
         ("account.id", S.FOREIGN_KEY, {"fk": ("accounts", "id")}),
         ("person_name", S.PERSON_NAME, {}), ("person_email", S.EMAIL, {}), ("person_phone", S.PHONE, {})],
        key="id",
    )  # fmt: skip
    decided = classify_tables([accounts, deals])["opportunities"]
    assert T.CONTACT in [t.object for t in decided.object_map.targets]


def test_a_bare_host_name_beside_the_full_web_address_is_skipped_and_the_address_is_the_website() -> None:
    accounts, rows = _accounts()
    doc = propose_offline(ProposeInputs([accounts], destination(), MemoryValues({"accounts": rows})))
    website = _field(doc, "accounts", "website")
    assert (website.target.object, website.target.field) == (T.COMPANY, "website")
    domain = _field(doc, "accounts", "domain")
    assert domain.target.kind == FieldKind.SKIP
    assert "'website'" in domain.rationale


def test_a_host_name_column_that_differs_from_the_address_on_a_row_is_kept() -> None:
    accounts, rows = _accounts()
    rows[2]["website"] = "https://cedar-realty.net/home"
    doc = propose_offline(ProposeInputs([accounts], destination(), MemoryValues({"accounts": rows})))
    assert _field(doc, "accounts", "domain").target.kind != FieldKind.SKIP


def _people_with_positions(organisations: list[str]) -> MappingDocument:
    accounts, account_rows = _accounts()
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("firstname", S.PERSON_NAME, {}),
         ("lastname", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         ("account.id", S.FOREIGN_KEY, {"fk": ("accounts", "id")})],
        rows=len(FIRMS), key="id",
    )  # fmt: skip
    positions = table(
        "contacts__positions",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("organisation", S.PICKLIST, {}),
         ("role", S.FREE_TEXT, {})],
        rows=len(FIRMS), key="id", parent="contacts",
    )  # fmt: skip
    named = next(c for c in positions.columns if c.column == "organisation")
    named.foreign_key = ForeignKey(
        table="contacts__positions", column="organisation", target_table="accounts", target_column="id",
        resolved_share=1.0, by_names=[["name"]],
    )  # fmt: skip
    people: list[dict[str, str | None]] = [
        {"id": str(100 + i), "firstname": f"Ana{i}", "lastname": "Vidal", "email": f"ana{i}@x.com",
         "account.id": str(i)}
        for i in range(1, len(FIRMS) + 1)
    ]  # fmt: skip
    held: list[dict[str, str | None]] = [
        {"id": str(900 + i), "organisation": org, "role": "Sales", "_parent_key": str(100 + i)}
        for i, org in enumerate(organisations, start=1)
    ]
    values = MemoryValues({"accounts": account_rows, "contacts": people, "contacts__positions": held})
    return propose_offline(ProposeInputs([accounts, contacts, positions], destination(), values))


def test_a_positions_lists_organisation_repeating_the_persons_linked_account_is_skipped() -> None:
    doc = _people_with_positions(FIRMS)
    assert _field(doc, "contacts", "account.id").target.field == "companyId"
    organisation = _field(doc, "contacts__positions", "organisation")
    assert organisation.target.kind == FieldKind.SKIP
    assert organisation.confidence >= 0.7
    assert any("'account.id'" in e.detail and "100%" in e.detail for e in organisation.evidence)


def test_a_positions_list_naming_other_organisations_is_left_out_for_a_human() -> None:
    doc = _people_with_positions([*FIRMS[1:], FIRMS[0]])  # each person's position at another firm
    organisation = _field(doc, "contacts__positions", "organisation")
    assert organisation.target.kind == FieldKind.SKIP
    assert organisation.confidence < 0.7
    assert any("names another row on 100%" in e.detail for e in organisation.evidence)


def test_job_titles_that_repeat_in_a_small_sample_stay_free_text() -> None:
    titles = {"Head of Sales": 4, "Operations Manager": 4, "Founder": 5, "CTO": 4, "Office Manager": 4}
    role = col("contacts__positions", "role", S.PICKLIST, values=titles, rows=42, distinct_count=5)
    assert written_not_chosen(role)


def test_one_value_typed_in_two_spellings_is_free_text() -> None:
    typed = {"Gold": 8, "Silver": 8, "gold": 4, "Bronze": 8}
    assert written_not_chosen(col("contacts", "level", S.PICKLIST, values=typed, rows=40, distinct_count=4))


def test_the_steps_of_a_seniority_scale_stay_options() -> None:
    steps = {"Manager": 10, "Director": 10, "VP": 8, "Chief Officer": 6, "Individual Contributor": 6}
    column = col("contacts", "Seniority", S.PICKLIST, values=steps, rows=40, distinct_count=5)
    assert not written_not_chosen(column)


def test_kinds_of_contact_stay_options() -> None:
    kinds = {"Owner": 12, "Tenant": 12, "Property Manager": 8, "Agent": 8}
    assert not written_not_chosen(
        col("contacts", "type", S.PICKLIST, values=kinds, rows=40, distinct_count=4)
    )


def test_a_persons_role_of_job_titles_becomes_a_text_field() -> None:
    titles = {"CEO": 6, "ceo": 3, "Head of Sales": 5, "Founder": 5, "Office Manager": 5}
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first name", S.PERSON_NAME, {}),
         ("last name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         ("role", S.PICKLIST, {"values": titles, "distinct_count": 5})],
        rows=24, key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([contacts], destination(), MemoryValues({})))
    spec = _field(doc, "contacts", "role").target.custom_field
    assert spec is not None and spec.data_type == DataType.TEXT
