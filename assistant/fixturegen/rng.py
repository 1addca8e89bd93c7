"""Per-record random streams and HighLevel-style ids."""

from __future__ import annotations

import random
import string
from datetime import UTC, datetime, timedelta

_ALNUM = string.ascii_letters + string.digits
EPOCH = datetime(2022, 1, 3, tzinfo=UTC)  # earliest record date in every fixture


def record_rng(seed: int, *parts: object) -> random.Random:
    """A stream for one record: the same (seed, parts) always yields the same values.

    String seeds are hashed with SHA-512 by ``random.Random``, so this is stable across runs
    and Python processes (unlike ``hash()``).
    """
    return random.Random(f"{seed}|" + "|".join(str(p) for p in parts))


def hl_id(rng: random.Random) -> str:
    """A 20-character alphanumeric id, the shape HighLevel gives locations, users and fields."""
    return "".join(rng.choices(_ALNUM, k=20))


def day_between(rng: random.Random, start: datetime, days: int) -> datetime:
    """A midnight-UTC date ``0..days`` after ``start``."""
    return (start + timedelta(days=rng.randrange(max(days, 1)))).replace(hour=0, minute=0, second=0)


def money(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)
