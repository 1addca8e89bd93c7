"""Status words whose stage is plain by meaning but not by spelling."""

from __future__ import annotations

from assistant.highlevel.state import Stage
from assistant.propose.stage_match import GOOD_STAGE, outcome_of, stage_score


def _stage(name: str) -> Stage:
    return Stage(id=name, name=name, position=0)


def test_complete_and_converted_close_a_deal_as_won() -> None:
    assert outcome_of("complete") == "won"
    assert outcome_of("Converted") == "won"  # a quote turned into a job, a lead into a customer


def test_a_needs_analysis_is_the_needs_assessment_stage() -> None:
    assert stage_score("Needs Analysis", _stage("Needs Assessment")) >= 0.85
    assert stage_score("Needs Analysis", _stage("Proposal Sent")) < GOOD_STAGE


def test_changes_requested_is_the_revision_stage() -> None:
    assert stage_score("Changes requested", _stage("Revision Requested")) >= 0.85
    assert stage_score("Changes requested", _stage("Accepted")) < GOOD_STAGE


def test_upcoming_work_is_the_scheduled_stage() -> None:
    assert stage_score("Upcoming", _stage("Scheduled")) >= 0.85
