"""Stage values that say whether a lead has been reached ('To Contact', 'In Contact') land by meaning."""

from __future__ import annotations

import pytest

from assistant.highlevel.state import Stage
from assistant.propose.stage_match import SAME_CONCEPT, stage_score

PIPELINE = [Stage(id=f"s{i}", name=n, position=i) for i, n in enumerate(
    ["New Lead", "Contacted", "Follow-up", "Proposal Sent", "Negotiating"]
)]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "stage"),
    [("To Contact", "New Lead"), ("Not contacted", "New Lead"), ("In Contact", "Contacted"),
     ("Por contactar", "New Lead"), ("En contacto", "Contacted")],
)  # fmt: skip
def test_a_lead_not_yet_reached_is_new_and_one_reached_is_contacted(value: str, stage: str) -> None:
    scores = {s.name: stage_score(value, s) for s in PIPELINE}
    assert max(scores, key=lambda name: scores[name]) == stage
    assert scores[stage] >= SAME_CONCEPT


def test_waiting_for_a_first_contact_is_not_the_contacted_stage() -> None:
    contacted = next(s for s in PIPELINE if s.name == "Contacted")
    assert stage_score("To Contact", contacted) < SAME_CONCEPT
