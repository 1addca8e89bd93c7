"""A decision journal: the document as of the last decision, written before the screen says so.

The writer process saves ``mapping.yaml`` a moment after each decision (seconds on a big
document), so a kill in between would lose what the screen already showed as decided. Each
decision therefore first appends its change (see ``changes``) to ``mapping.journal.json`` as one
JSON line and fsyncs it (a whole document replaces the file atomically instead); once the writer
has saved everything sent, the journal is removed. A journal found at the next open, replayed
over ``mapping.yaml``, is what the engineer last saw, and it is saved as the mapping document.
A line cut short by a kill was never acknowledged on screen and is ignored.

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
from assistant.mapping.changes import Change, apply_change
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


def append(workspace: Workspace, change: Change, who: str) -> None:
    """Add one decision's change to the journal, on disk before returning."""
    entry = {"who": who, "pid": os.getpid(), "change": change}
    line = json.dumps(entry, separators=(",", ":")) + "\n"
    with journal_path(workspace).open("a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def read(workspace: Workspace) -> tuple[MappingDocument, str] | None:
    """The journalled document and who decided it, or None when every decision is saved."""
    path = journal_path(workspace)
    return _entry(workspace, path) if path.exists() else None


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
    document, who = _entry(workspace, path)
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


def _entries(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError as exc:
            if number == len(lines):
                break  # cut short by a kill before its fsync returned: never shown as decided
            raise HlmapError(f"{path}:{number}: unreadable decision journal ({exc}); remove it") from exc
        if not isinstance(entry, dict):
            raise HlmapError(f"{path}:{number}: unreadable decision journal; remove it to continue")
        out.append(entry)
    return out


def _entry(workspace: Workspace, path: Path) -> tuple[MappingDocument, str]:
    entries = _entries(path)
    data: dict[str, Any] | None = None
    try:
        for entry in entries:
            if "document" in entry:
                data = entry["document"]
            else:
                data = data if data is not None else store.load(workspace).model_dump(mode="json")
                apply_change(data, entry["change"])
        who = str(entries[-1]["who"]) if entries else ""
        document = MappingDocument.model_validate(data) if data is not None else store.load(workspace)
    except (ValueError, KeyError, TypeError) as exc:
        raise HlmapError(f"{path}: unreadable decision journal ({exc}); remove it to continue") from exc
    return document, who


def _running(path: Path) -> int | None:
    """The pid that wrote the journal, when that process is alive and is not this one."""
    try:
        entries = _entries(path)
        pid = int(entries[-1].get("pid", 0)) if entries else 0
    except (HlmapError, ValueError, TypeError):
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
