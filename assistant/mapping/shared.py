"""A confirmed map shared by clients on the same platform, and what one client adds to it.

The digest pins the shared decisions the additions were proposed against: a shared map changed
since is refused rather than run with additions made for another version of it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from assistant.mapping.freshness import decisions_of
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Proposal


def shared_digest(shared: MappingDocument) -> str:
    """A fingerprint of the shared map's decisions (save times and its own additions record left out)."""
    decisions = decisions_of(shared)
    decisions.pop("shared_map", None)
    text = json.dumps(decisions, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def extends(document: MappingDocument, shared: MappingDocument, shared_path: Path) -> bool:
    """Whether ``document`` is ``shared`` plus additions proposed against exactly these decisions."""
    record = document.shared_map
    if record is None:
        return False
    return Path(record.path).resolve() == shared_path.resolve() and record.digest == shared_digest(shared)


def addition_items(document: MappingDocument) -> list[Proposal]:
    """The items this client added to the shared map, in the document's order."""
    wanted = set(document.shared_map.additions) if document.shared_map else set()
    return [item for item in document.items() if item.id in wanted]


def addition_lines(document: MappingDocument) -> list[str]:
    """One line per addition: what it adds and how it was decided."""
    lines = []
    for item in addition_items(document):
        decided = f"{item.status.value} by {item.decided_by}" if item.decided_by else item.status.value
        lines.append(f"{item.id}: {item.rationale.split('. ')[0].rstrip('.')} ({decided})")
    return lines
