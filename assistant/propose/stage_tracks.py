"""A pipeline column no field map reads ('pipeline_id', 'pipeline.name' beside a deal's stage).

A deal export with two pipelines names each deal's pipeline in a column of its own; when that column
is not mapped to the pipeline field (its values are the old system's ids, say), it still tells which
statuses belong together: 'Quote Sent' and 'Churned' of a renewals track must not be read against the
sales pipeline. The column is used when its header names a pipeline and its values split the
statuses into separate groups, each status kept within one of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from assistant.mapping.items import FieldMap
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import SourceValues
from assistant.propose.stage_sources import state_names

MIN_GROUPS = 2
KEPT_TOGETHER = 0.9  # nearly every record of a status sits in one group: the column splits statuses


def _named_pipeline(col: ColumnProfile, status: str) -> bool:
    return col.column != status and "pipeline" in concepts(col.column)


def _splits(rows: list[tuple[str, str]]) -> bool:
    """Two groups at least, and each status held by one group on nearly all its records."""
    by_status: dict[str, Counter[str]] = defaultdict(Counter)
    for status, group in rows:
        by_status[status][group] += 1
    groups = {g for counts in by_status.values() for g in counts}
    return len(groups) >= MIN_GROUPS and all(
        max(c.values()) >= KEPT_TOGETHER * sum(c.values()) for c in by_status.values()
    )


def track_rows(
    fmap: FieldMap, values: SourceValues, profiles: Sequence[TableProfile]
) -> list[tuple[str, str]]:
    """(status, source pipeline) per record from an unmapped pipeline column, empty when none splits."""
    table = next((p for p in profiles if p.table == fmap.source_object), None)
    status = fmap.source_columns[0]
    if table is None:
        return []
    names = state_names(fmap, values)
    # a column of words first ('pipeline.name'): its values name the pipeline, ids only tell them apart
    columns = sorted(
        (c for c in table.columns if _named_pipeline(c, status)),
        key=lambda c: ("identifier" in concepts(c.column), c.position),
    )
    for col in columns:
        rows = [
            ((names.get(s) or s), g.strip())
            for row in values.rows(fmap.source_object, [status, col.column], limit=100_000)
            if (s := row.get(status)) and s.strip() and (g := row.get(col.column)) and g.strip()
        ]
        if _splits(rows):
            return rows
    return []
