"""A value whose pipeline is a guess, in a status column that serves several pipelines.

When one status column's values go to two destination pipelines (an estimate's steps and a job's,
with no pipeline column beside them), a value that names no stage of its pipeline ('lost', 'on hold')
says nothing about which pipeline its records belong to: a lost estimate and a lost job read the
same. Its outcome may be certain, but its pipeline is the column's first choice, so the proposal
asks the engineer instead of claiming it.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import Pipeline
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import Evidence
from assistant.propose.stage_groups import bare
from assistant.propose.stage_match import GOOD_STAGE
from assistant.propose.stage_pipelines import best_stage_score

PIPELINE_GUESS = 0.6


def with_pipeline_guesses_held(
    column: list[StageValueMap], pipelines: Sequence[Pipeline]
) -> list[StageValueMap]:
    """The column's maps, a value without a stage of its own held below the review threshold when the
    column's values are spread over several pipelines."""
    by_id = {p.id: p for p in pipelines}
    used = sorted({by_id[m.pipeline_id].name for m in column if m.pipeline_id in by_id})
    if len(used) < 2:
        return column
    out: list[StageValueMap] = []
    for fmap in column:
        pipeline = by_id.get(fmap.pipeline_id or "")
        if (
            pipeline is None
            or fmap.flagged
            or fmap.confidence <= PIPELINE_GUESS
            or best_stage_score(bare(fmap.source_value), pipeline) >= GOOD_STAGE
        ):
            out.append(fmap)
            continue
        why = (
            f"the column's values go to {' and '.join(repr(n) for n in used)}, and '{fmap.source_value}' "
            f"names no stage of either: '{pipeline.name}' is a guess"
        )
        evidence = [*fmap.evidence, Evidence(source="destination", detail=why)]
        update = {"confidence": PIPELINE_GUESS, "evidence": evidence, "rationale": f"{fmap.rationale}; {why}"}
        out.append(fmap.model_copy(update=update))
    return out
