"""The facts under a proposal's rationale: what it costs, the values its transform refuses (or,
without source data, those profiling saw not fit), list cells, transform settings and the options
of the existing field it would fill."""

from __future__ import annotations

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.review.costs import Costs, cost_line, multi_value_line
from assistant.transforms.failures import Failures

SHOWN_OPTIONS = 12
UNTYPED = {SemanticType.FREE_TEXT, SemanticType.EMPTY, SemanticType.IDENTIFIER}


def field_facts(
    item: FieldMap,
    column: ColumnProfile | None,
    costs: Costs | None,
    destination: DestinationState | None,
    failures: Failures | None = None,
) -> list[str]:
    facts = [line for line in (cost_line(costs, item.id),) if line]
    if failures is not None and failures.can_fail and failures.filled:
        facts.append(failure_line(failures, item.transform.kind.value))
    elif column is not None:  # no source data to run the transform on: what profiling saw instead
        facts += _misfits(column)
    if column is not None:
        line = multi_value_line(costs, item.id, column.separator)
        facts += [line] if line else []
    if item.transform.params:
        settings = ", ".join(f"{k} {v!r}" for k, v in sorted(item.transform.params.items()))
        facts.append(f"transform {item.transform.kind.value}: {settings}")
    facts += _existing_options(item, destination)
    return facts


def failure_line(failures: Failures, kind: str) -> str:
    """``2 of 40 filled values fail date: not a date: 31/02/2024 · not a date: soon``"""
    if not failures.failed:
        return f"all {failures.filled} filled values pass {kind}"
    examples = " · ".join(failures.examples)
    return f"{failures.failed} of {failures.filled} filled values fail {kind}: {examples}"


def _misfits(column: ColumnProfile) -> list[str]:
    filled = column.row_count - column.null_count
    if column.semantic_type in UNTYPED or not 0 < column.type_share < 1 or filled <= 0:
        return []
    misfit = round(filled * (1 - column.type_share))
    kind = column.semantic_type.value.replace("_", " ")
    return [f"{misfit} of {filled} filled values do not read as {kind}"] if misfit else []


def _existing_options(item: FieldMap, destination: DestinationState | None) -> list[str]:
    spec = item.target.custom_field
    if spec is None or spec.existing_id is None or destination is None:
        return []
    field = next((f for f in destination.customFields if f.id == spec.existing_id), None)
    if field is None:
        return []
    if not field.picklistOptions:
        return [f"existing field {field.name}: {field.dataType}, no fixed options"]
    options = field.picklistOptions
    shown = ", ".join(options[:SHOWN_OPTIONS])
    more = f" … and {len(options) - SHOWN_OPTIONS} more" if len(options) > SHOWN_OPTIONS else ""
    return [f"existing field {field.name} ({field.dataType}) options: {shown}{more}"]
