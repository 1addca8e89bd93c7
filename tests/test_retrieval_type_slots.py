"""Retrieval fills the slots a header in unknown words leaves empty with fields the values fit."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.candidates import Candidate, retrieve_candidates
from tests.propose_factory import S, col

T = TargetObject
FLOOR = 0.2  # retrieval keeps no candidate below this on its own evidence
TITLES = {"Boiler replacement": 6, "Radiator upgrade": 5, "Powerflush": 4, "Leak repair": 3}


def _offered(name: str, semantic: S, objects: list[TargetObject], **extra: object) -> list[Candidate]:
    return retrieve_candidates(col("jobs", name, semantic, share=1.0, **extra), objects, None, None, 5)


def _labels(cands: list[Candidate]) -> list[str]:
    return [f"{c.object.value}.{c.field}" for c in cands]


def test_an_amount_under_an_unknown_word_is_offered_the_deal_value() -> None:
    assert "opportunity.monetaryValue" in _labels(_offered("Zorblat", S.DECIMAL, [T.OPPORTUNITY]))


def test_short_titles_under_an_unknown_word_are_offered_the_deal_name_but_never_preferred() -> None:
    cands = _offered("Zorblat", S.PICKLIST, [T.OPPORTUNITY], values=TITLES)
    assert "opportunity.name" in _labels(cands)
    # type alone is no evidence: scored below the floor, so no rule of the offline proposer takes one
    assert all(c.score < FLOOR for c in cands)
    assert all("value kind only" in c.evidence[0] for c in cands)


def test_sentences_on_a_note_are_offered_its_body_first() -> None:
    assert _labels(_offered("Zorblat", S.FREE_TEXT, [T.NOTE]))[:1] == ["note.body"]


def test_a_field_the_values_would_lose_meaning_in_is_not_offered() -> None:
    # yes/no values fit the task's completed flag, never its due date or its contact link
    offered = _labels(_offered("Zorblat", S.BOOLEAN, [T.TASK]))
    assert offered[:1] == ["task.completed"]
    assert "task.dueDate" not in offered and "task.contactId" not in offered


def test_name_evidence_still_ranks_above_the_slots_filled_on_type() -> None:
    cands = _offered("Deal value", S.DECIMAL, [T.OPPORTUNITY])
    assert _labels(cands)[:1] == ["opportunity.monetaryValue"]
    assert cands[0].score > FLOOR and all(
        c.score < FLOOR for c in cands[1:] if "value kind only" in c.evidence[0]
    )


def test_a_header_sharing_nothing_with_the_field_still_offers_it() -> None:
    # 'text' and 'body' share no letters: a name score of zero is no evidence against the field
    assert _labels(_offered("text", S.FREE_TEXT, [T.NOTE]))[:1] == ["note.body"]


def test_a_field_the_header_rules_out_is_never_offered_on_type() -> None:
    # 'parent_company_name' names another record: none of this deal's own fields
    offered = _labels(_offered("parent_company_name", S.COMPANY_NAME, [T.OPPORTUNITY]))
    assert "opportunity.name" not in offered


def test_a_parent_reference_is_offered_the_records_link_fields_only() -> None:
    # 'parentId' on a task: the contact or deal it hangs on, whatever its ids look like
    cands = _offered("parentId", S.FREE_TEXT, [T.TASK], values={"62882e75769ee4d1d": 2, "636b7dab7936774": 1})
    assert _labels(cands) == ["task.contactId"]
    assert cands[0].score < FLOOR
