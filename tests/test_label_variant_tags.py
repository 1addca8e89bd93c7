"""Freely typed labels in case/space variants ('VIP', 'vip') are tags, whatever the header says."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.candidates import retrieve_candidates
from assistant.propose.label_variants import spelled_several_ways
from tests.propose_factory import col

S = SemanticType


def _groups(values: dict[str, int]) -> tuple[str, float]:
    column = col("contacts", "Groups", S.MULTI_VALUE, values=values, share=0.7, separator=", ")
    best = retrieve_candidates(column, [TargetObject.CONTACT], None, None)[0]
    return (best.field if best.kind == FieldKind.STANDARD else "", best.score)


def test_labels_in_case_variants_are_the_contacts_tags() -> None:
    field, score = _groups({"vip, referral partner ": 3, "newsletter, VIP": 2, "Referral Partner": 2})
    assert field == "tags" and score >= 0.85


def test_options_typed_one_way_each_are_no_evidence_of_tags() -> None:
    column = col("contacts", "Groups", S.MULTI_VALUE, values={"Gold, Silver": 3, "Bronze": 2}, separator=", ")
    assert not spelled_several_ways(column)
    found = {c.field: c.score for c in retrieve_candidates(column, [TargetObject.CONTACT], None, None)}
    assert found.get("tags", 0.0) < 0.85
