"""Object maps from table evidence: organisations with nested people, person lists with companies."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.objects import classify_tables
from tests.propose_factory import S, destination, table

T = TargetObject


def test_a_table_with_a_nested_list_of_people_and_no_email_of_its_own_is_a_company() -> None:
    leads = table(
        "leads",
        [("id", S.IDENTIFIER, {}), ("display_name", S.PERSON_NAME, {}), ("url", S.URL, {}),
         ("address.city", S.CITY, {}), ("address.zipcode", S.POSTAL_CODE, {})],
    )  # fmt: skip
    people = table(
        "leads__contacts",
        [("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}), ("phone", S.PHONE, {})],
        parent="leads",
    )
    decided = classify_tables([leads, people])
    assert decided["leads"].primary == T.COMPANY
    assert any("nested list of people" in e.detail for e in decided["leads"].object_map.evidence)
    # the organisation's people stay contacts of their own, not values merged into the company
    assert decided["leads__contacts"].primary == T.CONTACT
    assert decided["leads__contacts"].object_map.targets[0].role != "merge_into_parent"


def test_a_nested_list_does_not_turn_a_table_with_its_own_emails_into_a_company() -> None:
    clients = table(
        "clients",
        [("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}), ("phone", S.PHONE, {})],
    )
    family = table("clients__family", [("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})], parent="clients")
    assert classify_tables([clients, family])["clients"].primary == T.CONTACT


def test_first_and_last_names_with_emails_make_a_party_list_people_with_their_company() -> None:
    parties = table(
        "people_and_organisations",
        [("ID", S.IDENTIFIER, {}), ("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}),
         ("Organisation", S.COMPANY_NAME, {}), ("Email Address", S.EMAIL, {}),
         ("Phone Number", S.PHONE, {}), ("City", S.CITY, {})],
    )  # fmt: skip
    decided = classify_tables([parties])["people_and_organisations"]
    assert decided.primary == T.CONTACT
    assert T.COMPANY in [t.object for t in decided.object_map.targets]


def test_a_deal_rows_embedded_person_name_lands_on_the_contact_not_the_company() -> None:
    deals = table(
        "deals",
        [("Deal Name", S.FREE_TEXT, {}), ("Value", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"Won": 8, "Lost": 6, "Open": 6}}),
         ("Primary Contact", S.PERSON_NAME, {}), ("Primary Contact Email", S.EMAIL, {}),
         ("Primary Contact Phone", S.PHONE, {}), ("Organization", S.COMPANY_NAME, {})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([deals], destination()))
    person = next(f for f in doc.fields if f.source_columns == ["Primary Contact"])
    assert person.target.object == T.CONTACT
    organisation = {f.target.object for f in doc.fields if f.source_columns == ["Organization"]}
    assert T.COMPANY in organisation


def test_a_leads_table_with_a_pipeline_stage_beside_a_value_is_deals_with_their_contact_split_off() -> None:
    # "leads" are people in one CRM and deals in another: the stage, value and probability decide
    leads = table(
        "crm_lead",
        [("Opportunity", S.FREE_TEXT, {}), ("Contact Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
         ("Phone", S.PHONE, {}), ("Expected Revenue", S.MONEY, {}), ("Probability", S.INTEGER, {}),
         ("Stage", S.PICKLIST, {"values": {"New": 10, "Qualified": 9, "Proposition": 8, "Won": 7}})],
    )  # fmt: skip
    decided = classify_tables([leads])["crm_lead"]
    assert decided.primary == T.OPPORTUNITY
    assert any("pipeline stage beside a value" in e.detail for e in decided.object_map.evidence)
    doc = propose_offline(ProposeInputs([leads], destination()))
    person = next(f for f in doc.fields if f.source_columns == ["Contact Name"])
    assert person.target.object == T.CONTACT


def test_a_people_table_with_a_lifecycle_stage_but_no_value_stays_contacts() -> None:
    leads = table(
        "leads",
        [("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
         ("Lifecycle Stage", S.PICKLIST, {"values": {"Lead": 10, "Customer": 9, "Subscriber": 8}})],
    )  # fmt: skip
    assert classify_tables([leads])["leads"].primary == T.CONTACT


def test_a_company_s_nested_phone_list_inside_its_contact_data_merges_into_the_company() -> None:
    companies = table(
        "companies",
        [("id", S.IDENTIFIER, {}), ("name", S.COMPANY_NAME, {}), ("background", S.FREE_TEXT, {})],
    )
    # the list is named 'phone-numbers'; 'contact-data' is only the object holding it
    phones = table(
        "companies__contact-data.phone-numbers",
        [("id", S.IDENTIFIER, {}), ("number", S.PHONE, {}), ("location", S.PICKLIST, {})],
        parent="companies",
    )
    decided = classify_tables([companies, phones])
    merged = decided["companies__contact-data.phone-numbers"].object_map.targets[0]
    assert (merged.object, merged.role) == (T.COMPANY, "merge_into_parent")
