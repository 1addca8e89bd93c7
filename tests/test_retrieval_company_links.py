"""A person's company, named in a column, is offered as the contact's company link beside its name."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.candidates import retrieve_candidates
from tests.propose_factory import S, col

T = TargetObject
FIRMS = {"Cedar Roofing Ltd": 4, "Granite Realty": 3, "Lakeside Plumbing": 3, "Bluebird Consulting": 2}


def _offered(name: str, semantic: S) -> list[str]:
    column = col("people", name, semantic, share=1.0, values=FIRMS)
    return [f"{c.object.value}.{c.field}" for c in retrieve_candidates(column, [T.CONTACT], None, None, 5)]


def test_a_header_saying_organisation_offers_the_company_link_after_the_name() -> None:
    offered = _offered("Organization Name", S.PERSON_NAME)  # firms named after people read as persons
    assert offered[:1] == ["contact.companyName"]
    assert "contact.companyId" in offered


def test_firms_names_under_a_header_that_says_nothing_offer_the_link() -> None:
    assert "contact.companyId" in _offered("Employer of record", S.COMPANY_NAME)


def test_a_company_detail_is_no_link_to_the_company() -> None:
    phones = col("people", "Company Phone", S.PHONE, share=1.0, values={"0411 228 527": 1})
    offered = retrieve_candidates(phones, [T.CONTACT], None, None, 5)
    assert offered[0].field == "phone"
    assert not any("person's company" in e for c in offered for e in c.evidence)
