"""``--stage``: a status value, or a whole table no column places, pointed at a pipeline stage.

``deals.Stage:Won=Sales/Won/won`` sends the rows holding 'Won' in deals.Stage to pipeline Sales,
stage Won; ``jobs=Jobs/New Job`` is the stage every row of a table without a stage column starts at
(its ``stage:jobs`` proposal). Names resolve against the destination's pipelines, as in the review.
"""

from __future__ import annotations

from assistant.decide.edits import split_edit
from assistant.errors import HlmapError, did_you_mean
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import OpportunityStatus
from assistant.review.session import ReviewSession

SHAPE = (
    "OBJECT.COLUMN:VALUE=PIPELINE/STAGE[/STATUS], e.g. deals.Stage:Won=Sales/Won/won "
    "(or TABLE=PIPELINE/STAGE for a table no column places)"
)


def set_stage(session: ReviewSession, text: str) -> str:
    where, goal = split_edit("--stage", text, SHAPE)
    item = _item(session, where.removeprefix("stage:"), text)
    parts = [p.strip() for p in goal.split("/")]
    if len(parts) not in (2, 3):
        raise HlmapError(f"--stage {text!r}: write {SHAPE}")
    status = _status(text, parts[2]) if len(parts) == 3 else item.opportunity_status
    choices = session.stage_choices()
    pipeline = [
        c for c in choices if parts[0].casefold() in (c.pipeline_name.casefold(), c.pipeline_id.casefold())
    ]
    if not pipeline:
        names = sorted({c.pipeline_name for c in choices})
        raise HlmapError(
            f"--stage {text!r}: no pipeline {parts[0]!r} in the destination{did_you_mean(parts[0], names)}"
        )
    stage = next(
        (c for c in pipeline if parts[1].casefold() in (c.stage_name.casefold(), c.stage_id.casefold())), None
    )
    if stage is None:
        names = [c.stage_name for c in pipeline]
        raise HlmapError(
            f"--stage {text!r}: pipeline {pipeline[0].pipeline_name!r} has no stage {parts[1]!r} "
            f"(stages: {', '.join(names)}){did_you_mean(parts[1], names)}"
        )
    session.set_stage(item.id, stage.pipeline_id, stage.stage_id, status)
    return f"{item.id} → {stage.label} ({status.value})"


def _item(session: ReviewSession, where: str, text: str) -> StageValueMap:
    """The stage value ``OBJECT.COLUMN:VALUE`` names, or the whole-table stage of ``TABLE``."""
    stages = session.document.stages
    whole = next((s for s in stages if s.whole_table and s.source_object == where), None)
    if whole is not None:
        return whole
    column_part, colon, value = where.partition(":")
    obj, dot, column = column_part.partition(".")
    if not colon or not dot:
        tables = [s.source_object for s in stages if s.whole_table]
        hint = did_you_mean(where, tables) if tables else ""
        raise HlmapError(f"--stage {text!r}: write {SHAPE}{hint}")
    found = next(
        (s for s in stages if (s.source_object, s.source_column, s.source_value) == (obj, column, value)),
        None,
    )
    if found is None:
        hint = did_you_mean(f"{obj}.{column}:{value}", [_stage_name(s) for s in stages])
        raise HlmapError(f"--stage {text!r}: no stage value {where} in the mapping document{hint}")
    return found


def _stage_name(item: StageValueMap) -> str:
    if item.whole_table:
        return item.source_object
    return f"{item.source_object}.{item.source_column}:{item.source_value}"


def _status(text: str, value: str) -> OpportunityStatus:
    try:
        return OpportunityStatus(value.lower())
    except ValueError:
        allowed = ", ".join(s.value for s in OpportunityStatus)
        raise HlmapError(f"--stage {text!r}: status {value!r} is not one of {allowed}") from None
