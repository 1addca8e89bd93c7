"""A multi-field list's 'VALUE' column: the header names no kind of its own, so its values decide."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.candidates import retrieve_candidates
from tests.propose_factory import col

S = SemanticType


def _best(name: str, semantic: SemanticType, share: float = 1.0) -> tuple[str, float]:
    column = col("contacts__PHONE", name, semantic, share=share)
    best = retrieve_candidates(column, [TargetObject.CONTACT], None, None)[0]
    assert best.kind == FieldKind.STANDARD
    return best.field, best.score


def test_a_value_column_of_phones_is_the_phone_and_of_emails_the_email() -> None:
    field, score = _best("VALUE", S.PHONE)
    assert field == "phone" and score >= 0.85
    field, score = _best("value", S.EMAIL)
    assert field == "email" and score >= 0.85


def test_a_value_column_of_mixed_kinds_keeps_the_weaker_reading() -> None:
    column = col("contacts__PHONE", "VALUE", S.PHONE, share=0.7)
    found = {c.field: c.score for c in retrieve_candidates(column, [TargetObject.CONTACT], None, None)}
    assert found.get("phone", 0.0) <= 0.5  # some values are no phone: the name's doubt stands


def test_a_named_header_still_says_otherwise() -> None:
    column = col("contacts", "Billing Value", S.PHONE, share=1.0)
    found = {c.field: c.score for c in retrieve_candidates(column, [TargetObject.CONTACT], None, None)}
    assert found.get("phone", 0.0) <= 0.5
