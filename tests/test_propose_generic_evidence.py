"""Generic evidence steps for exports nobody configured: first-name owners, free text vs options,
deal exports that embed their person."""

from __future__ import annotations

from assistant.highlevel.state import Stage, User
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import DataType, FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.customfields import data_type_for
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.owners import SourceUser, match_owner
from assistant.propose.stage_match import GOOD_STAGE, outcome_of, same_word_family, stage_score
from tests.propose_factory import S, col, destination, table

USERS = [
    User(id="u_m", name="Megan Hart", firstName="Megan", lastName="Hart", email="megan@x.example"),
    User(id="u_c", name="Carlos Ruiz", firstName="Carlos", lastName="Ruiz", email="carlos@x.example"),
    User(id="u_c2", name="Carlos Diaz", firstName="Carlos", lastName="Diaz", email="cd@x.example"),
]


def test_an_owner_shown_by_first_name_matches_the_one_user_with_that_first_name() -> None:
    megan = match_owner(SourceUser("contacts", "Megan", "Megan", None), USERS, None, None)
    assert megan.user_id == "u_m" and megan.method == "name" and "first name" in megan.rationale


def test_a_first_name_shared_by_two_users_stays_unmatched() -> None:
    carlos = match_owner(SourceUser("contacts", "Carlos", "Carlos", None), USERS, None, None)
    assert carlos.user_id is None


def test_options_repeated_across_many_rows_stay_a_pick_list() -> None:
    tier = col("c", "Membership Tier", S.PICKLIST, values={"Gold": 20, "Silver": 15, "Bronze": 5},
               rows=40, distinct_count=3)  # fmt: skip
    assert data_type_for(tier) == DataType.SINGLE_OPTIONS


def test_job_titles_are_free_text_even_when_a_small_sample_repeats_some() -> None:
    titles = col("c", "Job Title", S.PICKLIST, values={"Owner": 9, "CEO": 8, "Office Manager": 7},
                 rows=40, distinct_count=3)  # fmt: skip
    assert data_type_for(titles) == DataType.TEXT


def test_values_seen_once_or_twice_each_are_not_options() -> None:
    referral = col("c", "Referred By", S.PICKLIST, values={f"Friend {i}": 2 for i in range(12)},
                   rows=30, distinct_count=12)  # fmt: skip
    assert data_type_for(referral) == DataType.TEXT


def test_an_instruction_is_never_an_option() -> None:
    access = col("j", "Access", S.PICKLIST, values={"Gate code 4411#": 10, "Side door": 12, "Front": 18},
                 rows=40, distinct_count=3)  # fmt: skip
    assert data_type_for(access) == DataType.TEXT


def _deal_export(*person: tuple[str, SemanticType, dict[str, object]]) -> MappingDocument:
    deals = table(
        "deals",
        [
            ("Deal Name", S.FREE_TEXT, {}),
            ("Stage", S.PICKLIST, {"values": {"Won": 8, "Lost": 6, "Open": 6}}),
            ("Value", S.MONEY, {}),
            ("Owner", S.PERSON_NAME, {}),
            *person,
        ],
    )
    return propose_offline(ProposeInputs([deals], destination()))


def test_a_flat_deal_export_embedding_its_person_splits_off_a_contact_and_company() -> None:
    doc = _deal_export(
        ("Primary Contact", S.PERSON_NAME, {}),
        ("Primary Contact Email", S.EMAIL, {}),
        ("Primary Contact Phone", S.PHONE, {}),
        ("Organization", S.COMPANY_NAME, {}),
    )
    targets = [t.object for t in doc.objects[0].targets]
    assert targets[0] == TargetObject.OPPORTUNITY and {TargetObject.CONTACT, TargetObject.COMPANY} <= set(
        targets
    )
    by_column = {f.source_columns[0]: f for f in doc.fields}
    email = by_column["Primary Contact Email"].target
    assert (email.kind, email.object, email.field) == (FieldKind.STANDARD, TargetObject.CONTACT, "email")
    assert by_column["Primary Contact Phone"].target.field == "phone"
    assert by_column["Organization"].target.object == TargetObject.COMPANY
    owner = by_column["Owner"].target  # the deal's owner stays on the deal
    assert owner.object == TargetObject.OPPORTUNITY and owner.field == "assignedTo"


def test_one_lone_email_on_a_deal_is_not_yet_a_person() -> None:
    doc = _deal_export(("Site Contact", S.EMAIL, {}))
    assert [t.object for t in doc.objects[0].targets] == [TargetObject.OPPORTUNITY]


def _best_stage(value: str, names: list[str]) -> str:
    stages = [Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(names)]
    return max(stages, key=lambda s: stage_score(value, s)).name


def test_stage_values_match_by_meaning_not_spelling() -> None:
    names = ["Incoming", "Qualified", "Quote Sent", "Closing", "Awaiting Approval", "Won", "Lost"]
    assert _best_stage("Unqualified", names) == "Lost"  # not 'Qualified', which it merely contains
    assert outcome_of("Unqualified") == "lost"
    assert _best_stage("Closure", names) == "Closing"
    assert _best_stage("Done pending approval", names) == "Awaiting Approval"  # done, but not yet won
    assert outcome_of("Done pending approval") is None


def test_a_stage_value_in_another_form_of_the_stage_word_matches_it() -> None:
    names = ["Qualified", "Discovery", "Proposal Sent", "Negotiation", "Closed Won", "Closed Lost"]
    for value, stage in [("Qualify", "Qualified"), ("Negotiate", "Negotiation")]:
        assert _best_stage(value, names) == stage
        assert stage_score(value, Stage(id="s", name=stage)) >= GOOD_STAGE
    assert stage_score("Proposition", Stage(id="s", name="Proposal")) >= GOOD_STAGE
    # a short shared beginning is no kinship: 'Contacted' is not 'Contract'
    assert not same_word_family("Contacted", "Contract")
    assert not same_word_family("Presentation", "Prescription")


def test_a_table_whose_stage_values_say_won_and_lost_reads_as_deals() -> None:
    boxes = table(
        "boxes",
        [
            ("Name", S.FREE_TEXT, {}),
            ("Stage", S.PICKLIST, {"values": {"Lead": 6, "Pitched": 5, "Closed Won": 5, "Closed Lost": 4}}),
            ("Notes", S.FREE_TEXT, {}),
        ],
    )
    doc = propose_offline(ProposeInputs([boxes], destination()))
    assert doc.objects[0].targets[0].object == TargetObject.OPPORTUNITY
    assert any("won and lost" in e.detail for e in doc.objects[0].evidence)


def test_a_nested_list_named_for_another_record_kind_is_not_merged_into_its_parent() -> None:
    leads = table("leads", [("Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {})])
    opportunities = table(
        "leads__opportunities",
        [("status", S.PICKLIST, {"values": {"Active": 5, "Won": 4, "Lost": 3}}), ("value", S.MONEY, {})],
        parent="leads",
    )
    contacts = table("leads__contacts", [("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})], parent="leads")
    doc = propose_offline(ProposeInputs([leads, opportunities, contacts], destination()))
    objects = {o.source_object: o for o in doc.objects}
    assert objects["leads__opportunities"].targets[0].object == TargetObject.OPPORTUNITY
    assert objects["leads__opportunities"].targets[0].role != "merge_into_parent"
    assert objects["leads__contacts"].targets[0].role == "merge_into_parent"  # detail of the lead itself


def test_a_record_words_name_column_is_that_record_not_a_persons_name() -> None:
    # a list of {TAG_NAME} under each contact holds its tags; ORGANISATION_NAME is the company's name
    contacts = table(
        "contacts",
        [("FIRST_NAME", S.PERSON_NAME, {}), ("LAST_NAME", S.PERSON_NAME, {}), ("EMAIL_ADDRESS", S.EMAIL, {})],
    )
    tags = table(
        "contacts__TAGS",
        [("TAG_NAME", S.PICKLIST, {"values": {"Builder": 9, "builder": 4, "Tender": 6}})],
        parent="contacts",
    )
    doc = propose_offline(ProposeInputs([contacts, tags], destination()))
    tag = next(f for f in doc.fields if f.source_columns == ["TAG_NAME"])
    assert (tag.target.object, tag.target.field) == (TargetObject.CONTACT, "tags")
    orgs = table("organisations", [("ORGANISATION_NAME", S.COMPANY_NAME, {}), ("WEBSITE", S.URL, {})])
    doc = propose_offline(ProposeInputs([orgs], destination()))
    name = next(f for f in doc.fields if f.source_columns == ["ORGANISATION_NAME"])
    assert (name.target.object, name.target.field) == (TargetObject.COMPANY, "name")


def test_a_column_left_holding_only_empty_lists_is_skipped() -> None:
    # rows whose nested list was empty keep '[]'; the others' items became the child table
    contacts = table(
        "contacts",
        [("FIRST_NAME", S.PERSON_NAME, {}), ("EMAIL_ADDRESS", S.EMAIL, {}),
         ("TAGS", S.MULTI_VALUE, {"values": {"[]": 20}})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([contacts], destination()))
    tags = next(f for f in doc.fields if f.source_columns == ["TAGS"])
    assert tags.target.kind == FieldKind.SKIP
    assert "empty list" in tags.rationale


def test_a_stage_lists_pipeline_id_is_not_the_stage_link_its_stage_id_is() -> None:
    stages = table(
        "pipeline_stages",
        [("STAGE_ID", S.IDENTIFIER, {"unique_share": 1.0}),
         ("PIPELINE_ID", S.IDENTIFIER, {"unique_share": 0.25}),
         ("STAGE_NAME", S.PICKLIST, {"values": {"Initial Contact": 1, "Proposal": 1, "Negotiation": 1}})],
        rows=4,
        key="STAGE_ID",
    )  # fmt: skip
    opportunities = table(
        "opportunities",
        [("OPPORTUNITY_NAME", S.FREE_TEXT, {}), ("BID_AMOUNT", S.MONEY, {}),
         ("PIPELINE_ID", S.FOREIGN_KEY, {"fk": ("pipeline_stages", "PIPELINE_ID")}),
         ("STAGE_ID", S.FOREIGN_KEY, {"fk": ("pipeline_stages", "STAGE_ID")})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([stages, opportunities], destination()))
    by_column = {f.source_columns[0]: f for f in doc.fields if f.source_object == "opportunities"}
    assert by_column["STAGE_ID"].target.field == "pipelineStageId"
    assert by_column["PIPELINE_ID"].target.field != "pipelineStageId"


def test_a_paused_outcome_keeps_a_state_column_on_the_opportunitys_status() -> None:
    assert outcome_of("SUSPENDED") == "open"
    assert outcome_of("On Hold") == "open"
    opportunities = table(
        "opportunities",
        [("OPPORTUNITY_NAME", S.FREE_TEXT, {}), ("BID_AMOUNT", S.MONEY, {}),
         ("OPPORTUNITY_STATE", S.PICKLIST,
          {"values": {"OPEN": 9, "WON": 5, "LOST": 5, "ABANDONED": 4, "SUSPENDED": 4}})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([opportunities], destination()))
    state = next(f for f in doc.fields if f.source_columns == ["OPPORTUNITY_STATE"])
    assert (state.target.object, state.target.field) == (TargetObject.OPPORTUNITY, "status")
    assert state.transform.params["map"] == {
        "OPEN": "open", "WON": "won", "LOST": "lost", "ABANDONED": "abandoned", "SUSPENDED": "open"
    }  # fmt: skip


def test_a_column_named_for_the_tables_own_record_kind_is_its_title() -> None:
    # 'Opportunity' on a table of deals: each row's title, not a custom field nor '{ID} {contact}'
    leads = table(
        "crm_lead",
        [("ID", S.IDENTIFIER, {"unique_share": 1.0}), ("Opportunity", S.FREE_TEXT, {"unique_share": 0.6}),
         ("Contact Name", S.PERSON_NAME, {}), ("Expected Revenue", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"New": 10, "Qualified": 9, "Won": 7}})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([leads], destination()))
    title = next(f for f in doc.fields if "Opportunity" in f.source_columns)
    assert title.source_columns == ["Opportunity"]
    assert (title.target.object, title.target.field) == (TargetObject.OPPORTUNITY, "name")
    assert any("own kind of record" in e.detail for e in title.evidence)
