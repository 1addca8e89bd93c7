"""Text longer than HighLevel keeps is never cut: a long note becomes numbered continuation notes,
and a value past its custom field's bound moves, whole, into a note on the record's contact.

These run while a call is built (``calls.build_call``) and leave the extra note bodies in
``call.follow["notes"]``; ``long_text_notes.ensure_notes`` sends them after the record's create.
"""

from __future__ import annotations

from typing import Any

from assistant.highlevel.limits import field_max, note_body_max

HEADER = "(part {i} of {n})\n"
RESERVED = len(HEADER.format(i=9999, n=9999))  # room for the header, whatever the part count
MOVES_FROM = frozenset({"contact", "opportunity"})  # records with a contact to hold the note


def split_note(text: str, limit: int | None = None) -> list[str]:
    """``text`` as note bodies within ``limit``, each headed "(part i of n)"; one part stays as it is.
    Parts break at a space or line break near the bound, and joined without headers give ``text``."""
    limit = limit or note_body_max()
    if len(text) <= limit:
        return [text]
    size, chunks, start = limit - RESERVED, [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind(" ", start + size // 2, end), text.rfind("\n", start + size // 2, end))
            end = cut if cut > start else end
        chunks.append(text[start:end])
        start = end
    return [HEADER.format(i=i, n=len(chunks)) + chunk for i, chunk in enumerate(chunks, start=1)]


def move_overlong(by_key: dict[str, Any], types: dict[str, tuple[str, list[str]]]) -> list[str]:
    """Take custom values longer than their field keeps out of ``by_key``; the note bodies holding them."""
    notes: list[str] = []
    for key in sorted(by_key):
        bound = field_max(types.get(key, ("TEXT", []))[0])
        value = by_key[key]
        if bound is not None and isinstance(value, str) and len(value) > bound:
            del by_key[key]
            label = f"{key} (longer than the field's {bound} characters; kept here in full)"
            notes += split_note(f"{label}:\n{value}")
    return notes


def shape_note(std: dict[str, Any]) -> list[str]:
    """Cut a long note body into parts: the first stays in ``std``, the rest are returned."""
    body = std.get("body")
    if not isinstance(body, str):
        return []
    first, *rest = split_note(body)
    std["body"] = first
    return rest
