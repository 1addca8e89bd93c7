"""Labels spelled several ways in one column ('VIP', 'vip', 'Referral Partner', 'referral partner ').

A pick-list keeps each option as typed; labels that people type freely come back in case and space
variants of one another. Such a column is a set of tags, whatever its header says ('Groups').
"""

from __future__ import annotations

import re
from collections import defaultdict

from assistant.profile.models import ColumnProfile

_DEFAULT_SEPARATORS = re.compile(r"[,;|]")


def labels(column: ColumnProfile) -> list[str]:
    """Every label the column's frequent values hold, cells split at their separator."""
    split = re.compile(re.escape(column.separator)) if column.separator else _DEFAULT_SEPARATORS
    values = column.top_values or column.picklist
    return [part for item in values for part in split.split(item.value) if part.strip()]


def spelled_several_ways(column: ColumnProfile) -> bool:
    """At least one label comes in two spellings that differ only by case or surrounding spaces."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for label in labels(column):
        spellings[" ".join(label.split()).casefold()].add(label)
    return any(len(raw) >= 2 for raw in spellings.values())
