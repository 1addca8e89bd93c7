"""Free text made only of display names (one or a list per cell) offers the record's contact link."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.candidates import retrieve_candidates
from assistant.propose.display_names import display_name_share
from tests.propose_factory import S, col

T = TargetObject
MIXED = {
    "Cedar Consulting": 3,
    "Eli Foster": 2,
    "Summit Realty, Ruby Foster": 1,
    "Emma Lopez; Mason Ellis": 1,
    "Mason Turner": 1,
}
SENTENCES = {"Call back after 5pm": 2, "Sent the quote, waiting on approval": 1, "Gate code 4412": 1, "Ok": 1}


def _offered(values: dict[str, int], obj: TargetObject) -> list[str]:
    column = col("records", "Party", S.FREE_TEXT, share=1.0, values=values)
    return [f"{c.object.value}.{c.field}" for c in retrieve_candidates(column, [obj], None, None, 5)]


def test_people_and_firms_mixed_on_a_deal_offer_its_contact_link() -> None:
    assert display_name_share(col("deals", "Party", S.FREE_TEXT, values=MIXED)) == 1.0
    assert "opportunity.contactId" in _offered(MIXED, T.OPPORTUNITY)


def test_a_list_of_attendees_offers_the_appointments_contact_link() -> None:
    assert "appointment.contactId" in _offered(MIXED, T.APPOINTMENT)


def test_sentences_are_no_display_names() -> None:
    assert display_name_share(col("deals", "Party", S.FREE_TEXT, values=SENTENCES)) < 0.5
    assert "appointment.contactId" not in _offered(SENTENCES, T.APPOINTMENT)
