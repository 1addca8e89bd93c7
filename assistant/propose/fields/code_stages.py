"""Numeric status codes on a deal table with no stage column: the stage column, each code for a human.

Exports of database-backed tools often write a record's status as its raw code ('État' 0 to 4):
a handful of small numbers, each shared by many deals, under a header that says status or stage.
HighLevel files every deal at a stage, and nothing else on the table names one, so this column is
where the stage comes from. What each code means is not in the export (no labels, no states table),
so the column is proposed as the stage below the review threshold and its values stay flagged for
the engineer, who knows which code is a draft, a sent proposal, a signature or a loss. Read as a
number, the codes would become a NUMERICAL custom field that loses the deal's place in the pipeline.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import concepts

T = TargetObject
MAX_CODES = 12  # a pipeline's steps and outcomes; more distinct numbers measure something
MAX_DIGITS = 2
MIN_SHARED = 2.0  # each code stands, on average, for at least this many deals
UNLABELLED = 0.5  # the column is the stage, yet which stage each code means is unknown
WHY = (
    "numeric status codes with no labels, and no other column names a stage: the stage column, "
    "each code to be matched to a stage by the engineer"
)


def status_codes(col: ColumnProfile) -> bool:
    """A few small whole numbers, each shared by many rows, under a status or stage header."""
    values = [v.value.strip() for v in (col.picklist or col.top_values) if v.value.strip()]
    small = bool(values) and all(v.isdigit() and len(v) <= MAX_DIGITS for v in values)
    filled = col.row_count - col.null_count
    shared = 2 <= col.distinct_count <= MAX_CODES and filled >= MIN_SHARED * col.distinct_count
    named = bool({"stage", "status"} & set(concepts(col.column)))
    return (
        col.semantic_type == SemanticType.INTEGER and col.foreign_key is None and small and shared and named
    )


def codes_place_the_deal(
    ctx: TableContext,
    chosen: dict[str, Candidate],
    cands: dict[str, list[Candidate]],
    columns: dict[str, ColumnProfile],
) -> None:
    """Chooses the stage for a status-code column, when no column of the deal table claims a stage."""
    if ctx.primary != T.OPPORTUNITY or ctx.is_claimed(T.OPPORTUNITY, "pipelineStageId"):
        return
    for name, col in columns.items():
        if name in chosen or not status_codes(col):
            continue
        stage = next(
            (c for c in cands.get(name, []) if (c.object, c.field) == (T.OPPORTUNITY, "pipelineStageId")),
            None,
        )
        if stage is not None and ctx.claim(T.OPPORTUNITY, "pipelineStageId"):
            chosen[name] = stage.model_copy(
                update={"score": min(stage.score, UNLABELLED), "evidence": [*stage.evidence, WHY]}
            )
            return
