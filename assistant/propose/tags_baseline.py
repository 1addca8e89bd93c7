"""OpenRefine's fingerprint key collision: the baseline tag consolidation must beat.

Key: trim, lower-case, strip accents, drop punctuation and control characters, split on
whitespace, sort the unique tokens, join with one space. Values sharing a key form a cluster.
"""

from __future__ import annotations

import re

from assistant.propose.normalize import strip_accents

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


def fingerprint(value: str) -> str:
    cleaned = _PUNCT.sub("", strip_accents(value.strip().lower()))
    return " ".join(sorted(set(cleaned.split())))


def fingerprint_clusters(values: list[str]) -> list[list[str]]:
    """Group values by fingerprint key; every value lands in exactly one cluster, in input order."""
    groups: dict[str, list[str]] = {}
    for value in values:
        groups.setdefault(fingerprint(value), []).append(value)
    return list(groups.values())
