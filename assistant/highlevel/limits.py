"""How long a text value HighLevel keeps: longer ones are refused (or cut), so the executor never
sends them as they are.

A note's body: the spec states 5,000 characters on the NotesDTO of calendars.json; contacts.json
describes the same DTO without the bound, and HighLevel's note editor enforces the same one. A
single-line TEXT custom field holds 255 characters (LARGE_TEXT, the multi-line kind, is for longer
text: the proposer picks it for columns whose values run past 255).
"""

from __future__ import annotations

from functools import cache

from assistant.hlspec import load_spec

TEXT_FIELD_MAX = 255
BOUNDED_FIELD_TYPES = frozenset({"TEXT"})


@cache
def note_body_max() -> int:
    """The note body's ``maxLength`` from the spec (calendars.json NotesDTO)."""
    schema = load_spec("calendars")["components"]["schemas"]["NotesDTO"]["properties"]["body"]
    return int(schema["maxLength"])


def field_max(data_type: str) -> int | None:
    """The most characters a custom field of ``data_type`` keeps (None: no bound is known)."""
    return TEXT_FIELD_MAX if data_type.upper() in BOUNDED_FIELD_TYPES else None
