"""Per-channel do-not-disturb: source opt-outs (no SMS, no email …) in HighLevel's ``dndSettings`` shape.

A field map may target ``dndSettings.SMS``, ``dndSettings.Email`` … (the channels of the contact
schema's ``dndSettings``); the yes/no values fold into one object per record.
"""

from __future__ import annotations

from typing import Any


def fold_dnd(std: dict[str, Any]) -> None:
    """``dndSettings.SMS: true`` … → ``dndSettings: {"SMS": {"status": "active"}}`` (HighLevel's shape)."""
    channels = {k: std.pop(k) for k in [k for k in std if k.startswith("dndSettings.")]}
    settings = {
        k.split(".", 1)[1]: {"status": "active" if _truthy(v) else "inactive"} for k, v in channels.items()
    }
    if settings:
        std["dndSettings"] = {**(std.get("dndSettings") or {}), **settings}


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1", "yes")
