"""Identifiers and timestamps shaped like HighLevel's."""

from __future__ import annotations

import secrets
import string
from datetime import UTC, datetime

_ALPHABET = string.ascii_letters + string.digits


def new_id() -> str:
    """A 20-character alphanumeric id, the shape HighLevel uses for contacts, locations, fields..."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(20))


def new_token() -> str:
    """A Private-Integration-Token-shaped secret for the local stand-in."""
    hexed = secrets.token_hex(16)
    return f"pit-{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
