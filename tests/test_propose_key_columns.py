"""Columns named as keys: no name evidence from the key word alone, and never summed as numbers."""

from __future__ import annotations

from assistant.mapping.models import DataType, TargetObject
from assistant.propose.candidates import retrieve_candidates
from assistant.propose.customfields import data_type_for
from tests.propose_factory import S, col


def test_a_bare_id_column_is_no_name_match_for_a_reference_field_ending_in_id() -> None:
    found = retrieve_candidates(
        col("opportunities", "ID", S.IDENTIFIER), [TargetObject.OPPORTUNITY], None, None
    )
    stage = next((c for c in found if c.field == "pipelineStageId"), None)
    assert stage is None or stage.name_score < 0.5


def test_a_named_reference_still_matches_its_field() -> None:
    found = retrieve_candidates(col("deals", "pipeline stage id", S.IDENTIFIER), [TargetObject.OPPORTUNITY],
                                None, None)  # fmt: skip
    assert found[0].field == "pipelineStageId" and found[0].name_score == 1.0


def test_whole_numbers_named_as_keys_become_text_fields_and_plain_counts_stay_numbers() -> None:
    assert data_type_for(col("jobs", "recallForId", S.INTEGER)) == DataType.TEXT
    assert data_type_for(col("jobs", "Job #", S.INTEGER)) == DataType.TEXT
    assert data_type_for(col("jobs", "Visits", S.INTEGER)) == DataType.NUMERICAL
