"""A decision journal: the document as of the last decision, written before the screen says so.

The writer process saves ``mapping.yaml`` a moment after each decision (seconds on a big
document), so a kill in between would lose what the screen already showed as decided. Each
decision therefore first replaces ``mapping.journal.json`` atomically (write, fsync, rename);
once the writer has saved everything sent, the journal is removed. A journal found at the
next open is what the engineer last saw, and it is saved as the mapping document.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from assistant.errors import HlmapError
from assistant.mapping import store
from assistant.mapping.items import MappingDocument
from assistant.workspace import Workspace

JOURNAL_NAME = "mapping.journal.json"


def journal_path(workspace: Workspace) -> Path:
    return workspace.root / JOURNAL_NAME


def write(workspace: Workspace, data: dict[str, Any], who: str) -> None:
    """Replace the journal with ``data`` (the document as JSON) on disk before returning."""
    path = journal_path(workspace)
    partial = path.with_suffix(".partial")
    text = json.dumps({"who": who, "document": data}, separators=(",", ":"))  # C encoder; dump() is not
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)  # a kill leaves the old journal or the new one, never half of one


def read(workspace: Workspace) -> tuple[MappingDocument, str] | None:
    """The journalled document and who decided it, or None when every decision is saved."""
    path = journal_path(workspace)
    if not path.exists():
        return None
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        return MappingDocument.model_validate(entry["document"]), str(entry["who"])
    except (ValueError, KeyError, TypeError) as exc:
        raise HlmapError(f"{path}: unreadable decision journal ({exc}); remove it to continue") from exc


def clear(workspace: Workspace) -> None:
    journal_path(workspace).unlink(missing_ok=True)


def recover(workspace: Workspace) -> MappingDocument | None:
    """Save a journal a killed review left behind as the mapping document; None when there is none."""
    found = read(workspace)
    if found is None:
        return None
    document, who = found
    store.save(workspace, document, by=who)
    clear(workspace)
    return document
