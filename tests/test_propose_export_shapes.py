"""Shapes of exports from platforms nobody configured: stage words in another form, record-word
headers, nested lists left empty, stage lists keyed by pipeline, paused outcomes, own-kind titles."""

from __future__ import annotations

from assistant.highlevel.state import Stage
from assistant.mapping.models import DataType, FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.stage_match import GOOD_STAGE, outcome_of, same_word_family, stage_score
from tests.propose_factory import S, destination, table


def _best_stage(value: str, names: list[str]) -> str:
    stages = [Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(names)]
    return max(stages, key=lambda s: stage_score(value, s)).name


def test_a_stage_value_in_another_form_of_the_stage_word_matches_it() -> None:
    names = ["Qualified", "Discovery", "Proposal Sent", "Negotiation", "Closed Won", "Closed Lost"]
    for value, stage in [("Qualify", "Qualified"), ("Negotiate", "Negotiation")]:
        assert _best_stage(value, names) == stage
        assert stage_score(value, Stage(id="s", name=stage)) >= GOOD_STAGE
    assert stage_score("Proposition", Stage(id="s", name="Proposal")) >= GOOD_STAGE
    # a short shared beginning is no kinship: 'Contacted' is not 'Contract'
    assert not same_word_family("Contacted", "Contract")
    assert not same_word_family("Presentation", "Prescription")


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
          {"values": {"OPEN": 9, "WON": 5, "LOST": 5, "ABANDONED": 4, "SUSPENDED": 4}}),
         ("STAGE_NAME", S.PICKLIST, {"values": {"Nuevo": 12, "Negociación": 15}})],
    )  # fmt: skip
    # beside a stage column (with none, the outcome column also places the deal at a stage)
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


def test_a_tag_list_under_organisations_does_not_become_the_companys_name() -> None:
    orgs = table("organisations", [("ORGANISATION_NAME", S.COMPANY_NAME, {}), ("WEBSITE", S.URL, {})])
    tags = table(
        "organisations__TAGS",
        [("TAG_NAME", S.FREE_TEXT, {"values": {"Builder": 3, "builder": 2, "Tender": 2}})],
        parent="organisations",
    )
    doc = propose_offline(ProposeInputs([orgs, tags], destination()))
    tag = next(f for f in doc.fields if f.source_columns == ["TAG_NAME"])
    assert (tag.target.object, tag.target.field) != (TargetObject.COMPANY, "name")
    # a file's own 'File Name' still names the file
    files = table("attachments", [("File Name", S.FREE_TEXT, {}), ("File Path", S.URL, {})])
    doc = propose_offline(ProposeInputs([files], destination()))
    name = next(f for f in doc.fields if f.source_columns == ["File Name"])
    assert (name.target.object, name.target.field) == (TargetObject.FILE, "name")


def test_labels_on_a_record_without_tags_are_kept_as_text_never_options() -> None:
    deals = table(
        "deals",
        [("Name", S.FREE_TEXT, {}), ("Value", S.MONEY, {}),
         ("Stage", S.PICKLIST, {"values": {"Qualify": 9, "Negotiate": 8, "Won": 5}}),
         ("Tags", S.PICKLIST, {"values": {"Trade Show": 6, "trade show": 4, "Referral": 5, "VIP": 3}})],
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([deals], destination()))
    tags = next(f for f in doc.fields if f.source_columns == ["Tags"])
    assert tags.target.custom_field is not None
    assert tags.target.custom_field.data_type == DataType.TEXT
