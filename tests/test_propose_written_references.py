"""Projects written under a reference header are text; coded references stay a pick-list's business."""

from __future__ import annotations

from assistant.profile.models import SemanticType
from assistant.propose.picklist_evidence import written_not_chosen
from tests.propose_factory import col

S = SemanticType
PROJECTS = {"Headshots": 7, "Website photos": 7, "Product catalog shoot": 5, "Brand video": 5, "Events": 4}


def test_project_phrases_under_a_reference_number_are_written_not_chosen() -> None:
    reference = col("estimates", "reference_number", S.PICKLIST, values=PROJECTS, rows=36, null_count=8,
                    null_share=8 / 36, distinct_count=5)  # fmt: skip
    assert written_not_chosen(reference)


def test_codes_under_a_reference_header_are_left_to_the_options_evidence() -> None:
    codes = {"STD": 12, "EXP": 10, "NET30": 8}
    reference = col("orders", "Ref Code", S.PICKLIST, values=codes, rows=30, distinct_count=3)
    assert not written_not_chosen(reference)
    phrases = col("orders", "Delivery Type", S.PICKLIST, values=PROJECTS, rows=36, distinct_count=5)
    assert not written_not_chosen(phrases)
