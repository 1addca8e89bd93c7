"""What a status column holds: its distinct values (ids read as the names a states table gives
them) and, per record, the source pipeline the same row names."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.profile.models import ValueCount
from assistant.propose.sourcedata import SourceValues


def state_names(fmap: FieldMap, values: SourceValues) -> dict[str, str]:
    """Status id -> its name, when the column points at a states table (empty otherwise)."""
    params = fmap.transform.params
    table, key, display = params.get("table"), params.get("key"), params.get("display")
    if not (table and key and display):
        return {}
    rows = values.rows(str(table), [str(key), str(display)])
    return {str(row[key]): str(row[display]) for row in rows if row[key] and row[display]}


def source_values(fmap: FieldMap, values: SourceValues) -> list[ValueCount]:
    """Distinct status values, ids resolved to names when the column points at a states table."""
    raw = values.distinct(fmap.source_object, fmap.source_columns[0])
    names = state_names(fmap, values)
    if not names:
        return raw
    merged: dict[str, int] = {}
    for item in raw:
        name = names.get(item.value) or item.value
        merged[name] = merged.get(name, 0) + item.count
    return [ValueCount(value=v, count=c) for v, c in sorted(merged.items(), key=lambda kv: -kv[1])]


def pipeline_rows(
    fmap: FieldMap, pipeline_map: FieldMap | None, values: SourceValues
) -> list[tuple[str, str]]:
    """(status, source pipeline) per record, when a pipeline column sits in the same rows."""
    if pipeline_map is None:
        return []
    status, pipeline = fmap.source_columns[0], pipeline_map.source_columns[0]
    names = state_names(fmap, values)
    rows = values.rows(fmap.source_object, [status, pipeline], limit=100_000)
    out: list[tuple[str, str]] = []
    for row in rows:
        value, source_pipeline = row.get(status), row.get(pipeline)
        if value and value.strip() and source_pipeline and source_pipeline.strip():
            out.append((names.get(value) or value, source_pipeline.strip()))
    return out
