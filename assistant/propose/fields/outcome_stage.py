"""An outcome column (won / lost / pending) on a deal table that has no stage column.

HighLevel files every opportunity in a pipeline at a stage: a deal with a status and no stage is
refused. When nothing else on the table names a stage, the column that says how each deal ended
also places it: read through the stage maps, 'won' goes to the pipeline's won stage and 'lost' to
its lost stage, each stage map carrying the status as well, and an open value to a stage the
engineer confirms.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.code_stages import codes_place_the_deal
from assistant.propose.fields.standard_fields import allowed

T = TargetObject
WHY = "no other column names a stage, and HighLevel files every deal at one: the outcome places it too"


def outcome_places_the_deal(
    ctx: TableContext,
    chosen: dict[str, Candidate],
    cands: dict[str, list[Candidate]],
    columns: dict[str, ColumnProfile],
) -> None:
    """Moves an outcome column's choice from the status to the stage, when no column claims a stage."""
    pipelines = ctx.destination.pipelines if ctx.destination else []
    if ctx.primary != T.OPPORTUNITY or not any(p.stages for p in pipelines):
        return
    if ctx.is_claimed(T.OPPORTUNITY, "pipelineStageId"):
        return
    for column, cand in list(chosen.items()):
        if (cand.object, cand.field, cand.value_kind) != (T.OPPORTUNITY, "status", "outcome"):
            continue
        stage = next(
            (
                c
                for c in cands[column]
                if (c.object, c.field) == (T.OPPORTUNITY, "pipelineStageId")
                and allowed(columns[column], c, T.OPPORTUNITY)
            ),
            None,
        )
        if stage is not None and ctx.claim(T.OPPORTUNITY, "pipelineStageId"):
            stage.evidence.append(WHY)
            chosen[column] = stage
        return
    codes_place_the_deal(ctx, chosen, cands, columns)  # no outcome column: raw status codes may place it
