"""One decision as a change to the document's JSON: an item replaced, or whole sections replaced.

Every change is an absolute value (never "flip this status"), so replaying a run of changes in
order over any saved state that already holds a prefix of them gives the same document. That
lets the review journal and send a decision in the size of the item it touched.
"""

from __future__ import annotations

from typing import Any

Change = dict[str, Any]  # {"item": [section, id before, item]} or {"sections": {name: [items]}}


def item_change(section: str, item_id: str, item: dict[str, Any]) -> Change:
    return {"item": [section, item_id, item]}


def sections_change(sections: dict[str, list[dict[str, Any]]]) -> Change:
    return {"sections": sections}


def apply_change(data: dict[str, Any], change: Change) -> None:
    """Apply ``change`` to a document's JSON in place; an item no longer there is left alone
    (a later sections change in the same run holds what replaced it)."""
    for name, items in change.get("sections", {}).items():
        data[name] = items
    if "item" in change:
        section, item_id, item = change["item"]
        items = data.setdefault(section, [])
        index = next((n for n, other in enumerate(items) if other.get("id") == item_id), None)
        if index is not None:
            items[index] = item
