"""A status that negates a stage's word is read by meaning: the waiting stage, never its opposite."""

from __future__ import annotations

from assistant.highlevel.state import Stage
from assistant.propose.stage_match import GOOD_STAGE, stage_score


def _stage(name: str) -> Stage:
    return Stage(id=name, name=name, position=0)


def test_a_negated_status_does_not_match_the_stage_it_negates() -> None:
    assert stage_score("Unscheduled", _stage("Scheduled")) < GOOD_STAGE
    assert stage_score("Not started", _stage("Started")) < GOOD_STAGE
    assert stage_score("unpaid", _stage("Paid")) < GOOD_STAGE


def test_a_negated_status_matches_the_stage_that_waits_for_that_step() -> None:
    waiting = stage_score("unscheduled", _stage("Needs Scheduling"))
    assert waiting > stage_score("unscheduled", _stage("Scheduled"))
    assert waiting >= 0.85
    assert stage_score("Unscheduled", _stage("To Schedule")) >= 0.85
    assert stage_score("Unassigned", _stage("Awaiting assignment")) >= 0.85


def test_words_that_only_start_like_a_negation_keep_their_spelling_match() -> None:
    assert stage_score("Invoiced", _stage("Invoiced")) == 1.0
    assert stage_score("Scheduled", _stage("Scheduled")) == 1.0
    assert stage_score("Installed", _stage("Installed")) == 1.0


def test_a_status_that_has_taken_a_step_does_not_match_the_stage_still_waiting_for_it() -> None:
    assert stage_score("Confirmed", _stage("Awaiting Confirmation")) < GOOD_STAGE
    assert stage_score("Approved", _stage("Pending Approval")) < GOOD_STAGE
    # 'Converted to Invoice' waits for nothing: the invoiced estimate is the one it names
    assert stage_score("invoiced", _stage("Converted to Invoice")) >= GOOD_STAGE


def test_a_negated_done_form_matches_the_stage_awaiting_its_noun() -> None:
    # 'confirmed' and 'confirmation' share only 'confirm': the done form beside the awaited noun
    assert stage_score("Unconfirmed", _stage("Awaiting Confirmation")) >= 0.85
    assert stage_score("Unapproved", _stage("Pending Approval")) >= 0.85
    assert stage_score("Unconfirmed", _stage("Booked")) < GOOD_STAGE


def test_a_confirmed_visit_is_booked_and_a_reschedule_needs_a_new_date() -> None:
    assert stage_score("Confirmed", _stage("Booked")) >= GOOD_STAGE
    assert stage_score("Confirmed", _stage("Scheduled")) >= GOOD_STAGE
    assert stage_score("Reschedule", _stage("Needs New Date")) >= GOOD_STAGE
    assert stage_score("Reschedule", _stage("Booked")) < GOOD_STAGE


def test_field_service_visit_words_read_by_meaning() -> None:
    assert stage_score("scheduled", _stage("Planned")) >= GOOD_STAGE
    assert stage_score("created", _stage("To Plan")) >= GOOD_STAGE
    assert stage_score("started", _stage("On Site")) >= GOOD_STAGE
    assert stage_score("validated", _stage("Approved")) >= GOOD_STAGE
    assert stage_score("started", _stage("Planned")) < GOOD_STAGE
