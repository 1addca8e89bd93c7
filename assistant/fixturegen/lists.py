"""Compact literals: long value pools and CSV headers written as one comma-separated string."""

from __future__ import annotations


def pool(values: str) -> tuple[str, ...]:
    """``"a, b, c"`` → ``("a", "b", "c")``."""
    return tuple(v.strip() for v in values.split(","))


def columns(header: str) -> list[str]:
    """A CSV header written as it appears in the file: ``"Name, Email"`` → ``["Name", "Email"]``."""
    return [c.strip() for c in header.split(",")]
