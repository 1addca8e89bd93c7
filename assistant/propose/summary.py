"""The per-object summary ``hlmap propose`` prints, as data first and a rich table second."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind


@dataclass
class ObjectSummary:
    source_object: str
    targets: str
    standard: int = 0
    custom_new: int = 0
    custom_existing: int = 0
    skipped: int = 0
    below_threshold: int = 0


def summarise(document: MappingDocument, threshold: float) -> list[ObjectSummary]:
    rows: dict[str, ObjectSummary] = {}
    for obj in document.objects:
        targets = "+".join(dict.fromkeys(t.object.value for t in obj.targets))
        rows[obj.source_object] = ObjectSummary(
            obj.source_object, targets, below_threshold=int(obj.confidence < threshold)
        )
    for fmap in document.fields:
        row = rows.setdefault(fmap.source_object, ObjectSummary(fmap.source_object, "?"))
        kind = fmap.target.kind
        if kind == FieldKind.STANDARD:
            row.standard += 1
        elif kind == FieldKind.CUSTOM_NEW:
            row.custom_new += 1
        elif kind == FieldKind.CUSTOM_EXISTING:
            row.custom_existing += 1
        else:
            row.skipped += 1
        row.below_threshold += int(fmap.confidence < threshold)
    return list(rows.values())


def summary_table(document: MappingDocument, threshold: float) -> Table:
    table = Table(
        title=f"Proposed mapping (confidence threshold {threshold:.2f})",
        caption="field maps: standard, new custom, reused custom, skipped; low = below the threshold",
    )
    rows = summarise(document, threshold)
    width = max((len(r.source_object) for r in rows), default=10)
    # Names are folded, never cut: the engineer must be able to read which object each row is.
    table.add_column("source object", overflow="fold", min_width=min(width, 30))
    table.add_column("HighLevel", overflow="fold")
    for header in ("standard", "new", "reused", "skip", "low"):
        table.add_column(header, justify="right", no_wrap=True)
    for row in rows:
        table.add_row(
            row.source_object,
            row.targets,
            str(row.standard),
            str(row.custom_new),
            str(row.custom_existing),
            str(row.skipped),
            str(row.below_threshold),
        )
    return table


def side_counts(document: MappingDocument, threshold: float) -> str:
    """One line on tags, stages and owners."""
    flagged = sum(1 for s in document.stages if s.flagged)
    unmatched = sum(1 for o in document.owners if o.method in ("fallback", "none"))
    merged = sum(1 for t in document.tags if len(t.members) > 1)
    low = sum(
        1 for item in [*document.tags, *document.stages, *document.owners] if item.confidence < threshold
    )
    return (
        f"tags: {len(document.tags)} ({merged} merged from variants) · stages: {len(document.stages)} "
        f"({flagged} flagged) · owners: {len(document.owners)} ({unmatched} unmatched) · "
        f"{low} of these below threshold"
    )
