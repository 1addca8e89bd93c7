"""Whether ``mapping.confirmed.yaml`` still says what ``mapping.yaml`` says.

A decision made after confirming changes the working document but not the confirmed copy the
executor reads; running that copy would send a map nobody looks at any more. Timestamps of the
save itself are left out of the comparison: saving the same decisions again is not a change.
"""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument

_SAVE_STAMPS = {"created_at", "updated_at", "confirmed_by", "confirmed_at"}


def decisions_of(document: MappingDocument) -> dict[str, Any]:
    return document.model_dump(mode="json", exclude=_SAVE_STAMPS)


def is_stale(confirmed: MappingDocument, working: MappingDocument) -> bool:
    return decisions_of(confirmed) != decisions_of(working)


def stale_message(confirmed_path: str) -> str:
    return (
        f"{confirmed_path} is out of date: decisions changed after it was confirmed; "
        "confirm again with `hlmap decide --confirm` or `c` in `hlmap review`"
    )
