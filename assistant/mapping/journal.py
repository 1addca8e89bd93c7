"""A decision journal: the document as of the last decision, written before the screen says so.

The writer process saves ``mapping.yaml`` a moment after each decision (seconds on a big
document), so a kill in between would lose what the screen already showed as decided. Each
decision therefore first replaces ``mapping.journal.json`` atomically (write, fsync, rename);
once the writer has saved everything sent, the journal is removed. A journal found at the
next open is what the engineer last saw, and it is saved as the mapping document.

Commands other than review meet a leftover journal too (``leftover``): ``decide`` saves it before
deciding, ``plan`` and ``apply`` refuse until it is saved, ``status`` counts from it. The journal
names the review's process, so a review still open is never taken for one that was killed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
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
    entry = {"who": who, "pid": os.getpid(), "document": data}
    text = json.dumps(entry, separators=(",", ":"))  # C encoder; dump() is not
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)  # a kill leaves the old journal or the new one, never half of one


def read(workspace: Workspace) -> tuple[MappingDocument, str] | None:
    """The journalled document and who decided it, or None when every decision is saved."""
    path = journal_path(workspace)
    return _entry(path) if path.exists() else None


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


@dataclass(frozen=True)
class Leftover:
    """A journal on disk: the document it holds and how many proposals differ from mapping.yaml."""

    document: MappingDocument
    who: str
    unsaved: int
    open_review: int | None  # pid of the review still running, when it is


def leftover(workspace: Workspace) -> Leftover | None:
    path = journal_path(workspace)
    if not path.exists():
        return None
    document, who = _entry(path)
    saved = {i.id: i for i in store.load(workspace).items()} if workspace.mapping_path.exists() else {}
    unsaved = sum(1 for item in document.items() if item != saved.get(item.id))
    unsaved += len(saved.keys() - {i.id for i in document.items()})
    return Leftover(document, who, unsaved, _running(path))


def refuse_leftover(workspace: Workspace) -> None:
    """One line saying what to do when decisions sit in a journal instead of mapping.yaml."""
    found = leftover(workspace)
    if found is None or not found.unsaved:
        return
    at = f"-w {workspace.root}"
    if found.open_review is not None:
        raise HlmapError(
            f"a review (process {found.open_review}) is still saving decisions in {workspace.root}: "
            "quit it with q, then run this again"
        )
    raise HlmapError(
        f"{journal_path(workspace)} holds {found.unsaved} decisions a stopped review did not save: "
        f"`hlmap review {at}` saves them as it opens, or `hlmap decide {at} --confirm`; "
        "delete the file to drop them"
    )


def recover_leftover(workspace: Workspace) -> int:
    """Save a killed review's journal (refused while that review is still open); how many it changed."""
    found = leftover(workspace)
    if found is None:
        return 0
    if found.open_review is not None:
        refuse_leftover(workspace)
    recover(workspace)
    return found.unsaved


def _entry(path: Path) -> tuple[MappingDocument, str]:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        return MappingDocument.model_validate(entry["document"]), str(entry["who"])
    except (ValueError, KeyError, TypeError) as exc:
        raise HlmapError(f"{path}: unreadable decision journal ({exc}); remove it to continue") from exc


def _running(path: Path) -> int | None:
    """The pid that wrote the journal, when that process is alive and is not this one."""
    try:
        pid = int(json.loads(path.read_text(encoding="utf-8")).get("pid", 0))
    except (ValueError, TypeError, AttributeError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid  # alive, owned by someone else
    return pid
