"""What every activity log carries: local times written three ways, empty and HTML bodies, long threads.

The history fixtures draw from their own streams (``record_rng(seed, "<platform>-history", k)``), so
adding them changes no byte of any other fixture file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.fixturegen.rng import EPOCH, day_between

LONG_THREAD_EVERY = 29  # one e-mail in 29 is a reply chain past 5,000 characters (a note's limit)
LONG_THREAD_OFFSET = 5
UNRESOLVED_EVERY = 47  # one row in 47 names a contact the export no longer holds
UNRESOLVED_OFFSET = 11


@dataclass(frozen=True)
class Zone:
    """A fixed-offset stand-in for a platform's local time: winter and summer offsets in hours."""

    winter: int
    summer: int

    def offset(self, local: datetime) -> int:
        return self.summer if 4 <= local.month <= 10 else self.winter


def when(rng: random.Random, days: int = 1100) -> datetime:
    """A local wall-clock time during office hours, minute precision."""
    day = day_between(rng, EPOCH, days)
    return day.replace(hour=rng.randrange(8, 19), minute=rng.randrange(60), tzinfo=None)


def with_offset(local: datetime, zone: Zone, colon: bool) -> str:
    hours = zone.offset(local)
    sign = "+" if hours >= 0 else "-"
    tail = f"{sign}{abs(hours):02d}:00" if colon else f"{sign}{abs(hours):02d}00"
    return local.strftime("%Y-%m-%dT%H:%M:%S") + tail


def as_utc(local: datetime, zone: Zone) -> str:
    return (local - timedelta(hours=zone.offset(local))).strftime("%Y-%m-%dT%H:%M:%SZ")


def unresolved(k: int) -> bool:
    return k % UNRESOLVED_EVERY == UNRESOLVED_OFFSET


def long_thread(k: int) -> bool:
    return k % LONG_THREAD_EVERY == LONG_THREAD_OFFSET


@dataclass
class Tally:
    """Counts the mess as rows are written, so the manifest states it exactly."""

    rows: int = 0
    empty_bodies: int = 0
    html_bodies: int = 0
    bodies_over_5000: int = 0
    unresolved_contacts: int = 0

    def add(self, body: str, lost_contact: bool) -> None:
        self.rows += 1
        self.empty_bodies += not body.strip()
        self.html_bodies += body.lstrip().startswith("<")
        self.bodies_over_5000 += len(body) > 5000
        self.unresolved_contacts += lost_contact

    def manifest(self, file: str, timestamps: str) -> dict[str, object]:
        return {"file": file, "timestamps": timestamps, **{k: v for k, v in vars(self).items()}}


def thread(rng: random.Random, replies: tuple[str, ...], quote: str, signature: str) -> str:
    """A reply chain quoting every earlier message, the way mail clients export it (over 5,000 chars)."""
    parts: list[str] = []
    n = 0
    while sum(len(p) for p in parts) < 5200:
        n += 1
        body = rng.choice(replies)
        parts.append(f"{body}\n\n{signature}\n\n{quote.format(n=n)}\n" + "> " * min(n, 6))
    return "\n".join(parts)


def html(paragraphs: list[str]) -> str:
    """An e-mail body as the mail client stored it: paragraphs, a line break and an entity or two."""
    inner = "".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in paragraphs)
    return f'<div dir="ltr">{inner}<br></div>'
