"""Re-proposing keeps decisions: an accepted, edited or rejected item is never overwritten."""

from __future__ import annotations

from typing import Any, TypeVar

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Proposal, Status

P = TypeVar("P", bound=Proposal)
SECTIONS = ("objects", "fields", "tags", "stages", "owners", "holdings", "billings")


def _merge_section(old: list[P], new: list[P]) -> tuple[list[P], int]:
    decided = {item.id: item for item in old if item.status != Status.PROPOSED}
    merged: list[P] = []
    kept = 0
    for item in new:
        if item.id in decided:
            merged.append(decided.pop(item.id))
            kept += 1
        else:
            merged.append(item)
    # Decisions on items the new run no longer produces stay: a human made them.
    merged += decided.values()
    return merged, kept + len(decided)


def merge_documents(
    previous: MappingDocument | None, proposed: MappingDocument
) -> tuple[MappingDocument, int]:
    """The new proposals with every earlier decision kept; returns the document and how many were kept."""
    if previous is None:
        return proposed, 0
    kept_total = 0
    update: dict[str, Any] = {}
    for section in SECTIONS:
        merged, kept = _merge_section(getattr(previous, section), getattr(proposed, section))
        update[section] = merged
        kept_total += kept
    update["created_at"] = previous.created_at
    update["project"] = previous.project
    update["notes"] = list(dict.fromkeys([*previous.notes, *proposed.notes]))
    return proposed.model_copy(update=update), kept_total
