"""Undo entries: how the sections or the one item a decision touched looked before it.

The same entry says what to journal and send after the decision (``change_of``): the touched
item or sections as they are now, instead of the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.mapping.changes import Change, item_change, sections_change
from assistant.mapping.items import MappingDocument


@dataclass
class UndoEntry:
    description: str
    sections: dict[str, list[dict[str, Any]]]  # section name -> its items as they were
    item: tuple[str, int, dict[str, Any]] | None = None  # (section, index, item) for one-item decisions


def restore(document: MappingDocument, entry: UndoEntry) -> None:
    restored = MappingDocument.model_validate(entry.sections)
    for name in entry.sections:
        setattr(document, name, getattr(restored, name))
    if entry.item is not None:
        section, index, data = entry.item
        items = getattr(document, section)
        items[index] = type(items[index]).model_validate(data)


def change_of(document: MappingDocument, entry: UndoEntry, lookup_id: str | None) -> Change:
    """What ``entry`` touched, as it is now; ``lookup_id`` is the item's id in the saved copy."""
    sections = {n: [i.model_dump(mode="json") for i in getattr(document, n)] for n in entry.sections}
    change = sections_change(sections)
    if entry.item is not None and lookup_id is not None:
        section, index, _ = entry.item
        item = getattr(document, section)[index].model_dump(mode="json")
        change.update(item_change(section, lookup_id, item))
    return change
