"""What ``--yes`` could not decide: stage values with too little evidence stay with a human.

Accepting only what is above the threshold must never drop deals quietly; the demo names each
undecided value, how many records carry it and why, and where to decide it.
"""

from __future__ import annotations

from rich.console import Console

from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.models import Status


def undecided_stage_lines(doc: MappingDocument) -> list[str]:
    """One line per stage value left without a stage, most records first."""
    left = [s for s in doc.stages if s.status == Status.REJECTED or s.flagged or not s.stage_id]
    left.sort(key=lambda s: (-s.count, s.source_value))
    return [f"{_where(s)}: {s.count} records — {s.rationale}" for s in left]


def _where(s: StageValueMap) -> str:
    """'jobs.status = 'Late'', or 'every row of deals' for a table no column places."""
    return s.source_label if s.whole_table else f"{s.source_object}.{s.source_column} = {s.source_value!r}"


def report_undecided(doc: MappingDocument, console: Console) -> None:
    lines = undecided_stage_lines(doc)
    if not lines:
        return
    total = sum(s.count for s in doc.stages if s.status == Status.REJECTED or s.flagged or not s.stage_id)
    console.print(
        f"{len(lines)} stage values need a human ({total} records are not migrated until they are "
        "decided in `hlmap review`):",
        markup=False,
        style="bold yellow",
    )
    for line in lines:
        console.print(f"  {line}", markup=False, style="yellow")
