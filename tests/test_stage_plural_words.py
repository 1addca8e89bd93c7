"""A stage value naming its stage in the plural ('Negotiations Started') still matches by meaning."""

from __future__ import annotations

from assistant.highlevel.state import Stage
from assistant.propose.stage_match import GOOD_STAGE, lead_stage_concept, stage_score


def _stage(name: str) -> Stage:
    return Stage(id=name.lower(), name=name, position=0)


def test_a_plural_stage_word_is_read_before_a_progress_word() -> None:
    assert lead_stage_concept("Negotiations Started") == "negotiation"
    assert stage_score("Negotiations Started", _stage("Negotiation")) >= GOOD_STAGE
    assert stage_score("Negotiations Started", _stage("Negotiation")) > stage_score(
        "Negotiations Started", _stage("Qualified")
    )


def test_the_singular_reading_never_drops_a_concept_the_text_named() -> None:
    assert lead_stage_concept("In Progress") == "in_progress"
    assert lead_stage_concept("Proposals Rejected") == lead_stage_concept("Proposal Rejected")
