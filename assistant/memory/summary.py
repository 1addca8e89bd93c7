"""One line for ``hlmap propose``: how many proposals came from memory, read off the document."""

from __future__ import annotations

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status


def from_memory(document: MappingDocument) -> tuple[int, int]:
    """(pending proposals whose first evidence is a remembered decision, remembered rejections)."""
    on_top = rejected = 0
    for item in document.items():
        if not item.evidence or item.evidence[0].source != "memory":
            continue
        if item.status == Status.PROPOSED:
            on_top += 1
        elif item.status == Status.REJECTED and (item.decided_by or "").startswith("memory:"):
            rejected += 1
    return on_top, rejected


def remembered_summary(document: MappingDocument) -> str:
    on_top, rejected = from_memory(document)
    if not (on_top or rejected):
        return "memory: no confirmed map remembered for these headers"
    return (
        f"memory: {on_top} proposal(s) from confirmed maps (evidence: confirmed in migration … by …), "
        f"{rejected} remembered rejection(s) kept"
    )
