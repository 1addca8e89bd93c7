"""Tags a deal row added to its contact beside the contact's own (HighLevel's tag endpoint adds).

Such a write is read back as contained in the contact's tags, whatever else the contact holds;
and a write of the contact's own tags compares without the tags those rows added to it.
"""

from __future__ import annotations

from typing import Any

from assistant.execute.verify.written import Written


def _tags(value: Any) -> set[str]:
    items = value if isinstance(value, list) else [value]
    return {str(t).strip().lower() for t in items if t is not None and str(t).strip()}


def added_tags(items: list[Written]) -> dict[str, set[str]]:
    """Contact id -> the tags deal rows asked to add to it."""
    out: dict[str, set[str]] = {}
    for item in items:
        if item.adds:
            out.setdefault(item.hl_id, set()).update(_tags(item.sent.get("tags")))
    return out


def tags_outcome(item: Written, value: Any, have: Any, added: dict[str, set[str]]) -> tuple[str, str] | None:
    """(outcome, note) of a tags value where added tags decide it, else None (the usual comparison)."""
    want, held = _tags(value), _tags(have)
    if item.adds:
        if want <= held:
            return "agreed", ""
        return "missing", "tags not on the deal's contact: " + ", ".join(sorted(want - held))
    extra = added.get(item.hl_id, set()) - want
    if extra and held - extra == want:
        return "agreed", ""
    return None
