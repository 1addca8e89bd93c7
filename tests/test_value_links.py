"""Retrieval reads values too: names on a deal offer its contact link, call outcomes a call status."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.candidates import Candidate, retrieve_candidates
from tests.propose_factory import S, col, destination

T = TargetObject


def _offered(cands: list[Candidate], obj: T, field: str) -> bool:
    return any(c.object == obj and c.field == field for c in cands)


def test_peoples_names_on_a_deal_offer_the_deals_contact_link() -> None:
    party = col("deals", "Party", S.PERSON_NAME, values={"Liam Cole": 2, "Mia Ellis": 1, "Noah Bennett": 1})
    cands = retrieve_candidates(party, [T.OPPORTUNITY, T.CONTACT], None, destination())
    assert _offered(cands, T.OPPORTUNITY, "contactId")
    stage = col("deals", "Phase", S.PICKLIST, values={"Open": 5, "Won": 3})  # no names: no link offered
    assert not _offered(
        retrieve_candidates(stage, [T.OPPORTUNITY], None, destination()), T.OPPORTUNITY, "contactId"
    )


def test_call_outcomes_and_sentences_on_a_history_row_offer_call_status_and_body() -> None:
    outcome = col("activities", "disposition", S.PICKLIST, values={"answered": 9, "no-answer": 4, "busy": 2})
    assert _offered(
        retrieve_candidates(outcome, [T.MESSAGE], None, destination(), 5), T.MESSAGE, "callStatus"
    )
    texts = {"Running late, 10 min": 2, "Yes, Thursday works": 1}
    said = col("activities", "text", S.MULTI_VALUE, values=texts, avg_length=18.0)
    assert _offered(retrieve_candidates(said, [T.MESSAGE], None, destination(), 5), T.MESSAGE, "message")
    code = col("activities", "code", S.MULTI_VALUE, values={"a,b": 3, "c,d": 2}, avg_length=3.0)
    # short codes are no sentences: the body may fill an open slot on type alone, never on their evidence
    body = [c for c in retrieve_candidates(code, [T.MESSAGE], None, destination(), 5) if c.field == "message"]
    assert all(c.score < 0.2 and not any("sentences" in e for e in c.evidence) for c in body)
