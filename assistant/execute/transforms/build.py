"""Pick the SQL of one field map's transform, filled in with what profiling knows of its column."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.execute.transforms import maps
from assistant.mapping.items import FieldMap
from assistant.mapping.models import TransformKind
from assistant.transforms import kinds
from assistant.transforms.context import context_for
from assistant.transforms.kinds import Context, Output
from assistant.transforms.routed import routed
from assistant.transforms.values import is_stage_column, own_row_outputs, settled

if TYPE_CHECKING:
    from assistant.execute.specs import RecordSpec
    from assistant.profile.models import ColumnProfile


def outputs_for(
    fm: FieldMap,
    spec: RecordSpec,
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    tag_map: dict[str, str | None],
    key: str,
) -> list[Output]:
    ctx = context_for(fm, key, profiles, default_region, spec.fields)
    outs = _outputs(fm, spec, ctx, tag_map, key)
    fallbacks = [str(c) for c in fm.transform.params.get("fallback_columns") or []]
    if fallbacks and len(outs) == 1:  # a required value: blank or unreadable rows take the next column's
        alone = fm.model_copy(update={"transform": fm.transform.model_copy(update={"params": {}})})
        values = [outs[0].value]
        for column in fallbacks:
            other = alone.model_copy(update={"source_columns": [column]})
            values += [
                o.value for o in _outputs(other, spec, context_for(other, key, profiles, None), tag_map, key)
            ]
        outs = [replace(outs[0], value=f"coalesce({', '.join(values)})")]
    return settled(routed(outs, fm.transform.params), fm, key)


def _outputs(
    fm: FieldMap, spec: RecordSpec, ctx: Context, tag_map: dict[str, str | None], key: str
) -> list[Output]:
    kind = fm.transform.kind
    if kind == TransformKind.TAGS or key == "tags":
        return maps.tags(kinds.split_list(ctx, ctx.columns[0]), tag_map)
    if kind == TransformKind.VALUE_MAP and is_stage_column(fm, key) and spec.target == "opportunity":
        return maps.stage(ctx, fm.source_object)
    if kind == TransformKind.OWNER:
        return maps.owner(ctx)
    if kind == TransformKind.LOOKUP:
        return maps.lookup(ctx)
    outs = own_row_outputs(kind, ctx)
    if outs is None:
        raise ValueError(f"no transform for kind {kind.value}")
    return outs
