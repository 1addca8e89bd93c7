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
from assistant.propose.stage_match import outcome_of, stage_score
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
