"""Stage columns that write the opportunity's status as well as its stage.

The executor's stage transform sets an opportunity's pipeline, stage and status from the stage map
of each value: a bare pending / won / lost column proposed as the stage field, with its won and lost
values mapped to the Won and Lost stages, also closes those deals won or lost. Scoring it as the
stage field alone would call a proposal wrong for what the executor really writes. When another
column of the table is the status field, that column owns the status pair and the stage column is
scored as the stage only.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, Status, TransformKind


def stage_columns_with_outcomes(document: MappingDocument) -> list[tuple[str, str]]:
    """(source object, column) of every stage field map whose stage maps give a closed outcome."""
    status_elsewhere = {f.source_object for f in document.fields if _on_deal(f, "status")}
    closing = {
        (s.source_object, s.source_column)
        for s in document.stages
        if s.status != Status.REJECTED
        and not s.flagged
        and s.stage_id
        and s.opportunity_status.value != "open"
    }
    return [
        (item.source_object, item.source_columns[0])
        for item in document.fields
        if _on_deal(item, "pipelineStageId")
        and item.transform.kind == TransformKind.VALUE_MAP
        and item.source_object not in status_elsewhere
        and (item.source_object, item.source_columns[0]) in closing
    ]


def _on_deal(item: FieldMap, field: str) -> bool:
    """A proposed (not rejected) map onto a standard field of the opportunity."""
    target = item.target
    on_deal = target.object is not None and target.object.value == "opportunity"
    return (
        item.status != Status.REJECTED
        and target.kind == FieldKind.STANDARD
        and on_deal
        and target.field == field
    )
