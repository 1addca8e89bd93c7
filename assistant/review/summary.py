"""What confirming writes, said before it is written: decisions per kind and what the map leaves behind.

The losses come from ``assistant.mapping.loss`` (the same computation ``hlmap plan`` prints), read
from the raw tables once the writer has released the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.mapping.items import MappingDocument
from assistant.mapping.loss import Loss
from assistant.mapping.models import Proposal, Status

SECTIONS = ("objects", "fields", "tags", "stages", "owners", "holdings", "billings")
ORDER = (Status.ACCEPTED, Status.EDITED, Status.REJECTED, Status.PROPOSED)
HEADINGS = ("accepted", "edited", "rejected", "pending")
SHOWN = 8


def counts_by_kind(document: MappingDocument) -> dict[str, dict[Status, int]]:
    out: dict[str, dict[Status, int]] = {}
    for section in SECTIONS:
        items: Iterable[Proposal] = getattr(document, section)
        counts = dict.fromkeys(Status, 0)
        for item in items:
            counts[item.status] += 1
        out[section] = counts
    return out


def pending_line(document: MappingDocument) -> str:
    """``3 fields, 1 stage`` style: where the pending proposals are."""
    counts = counts_by_kind(document)
    parts = [f"{c[Status.PROPOSED]} {kind}" for kind, c in counts.items() if c[Status.PROPOSED]]
    return ", ".join(parts) or "none"


def summary_lines(document: MappingDocument, losses: list[Loss]) -> list[str]:
    """The table of decisions per kind, then every loss (largest first, cut with 'and N more')."""
    lines = [f"{'':8}" + "".join(f"{h:>10}" for h in HEADINGS)]
    for kind, counts in counts_by_kind(document).items():
        lines.append(f"{kind:8}" + "".join(f"{counts[s]:>10}" for s in ORDER))
    records, values = sum(x.records for x in losses), sum(x.values for x in losses)
    if not losses:
        lines += ["", "The map leaves no source record or filled value behind."]
        return lines
    total = f"{records} source records and {values} filled values"
    lines += ["", f"Left behind: {total} ({len(losses)} decisions):"]
    ranked = sorted(losses, key=lambda x: (-x.records, -x.values, x.item_id))
    lines += [f"  {x.item_id}: {x.why}" for x in ranked[:SHOWN]]
    if len(ranked) > SHOWN:
        more = len(ranked) - SHOWN
        lines.append(f"  … and {more} more (hlmap plan writes every one to reports/plan-losses.md)")
    return lines
