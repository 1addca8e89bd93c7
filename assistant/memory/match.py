"""Which remembered table a source table is, and which of its columns each remembered one became.

Columns align in three passes: the same header (normalised), a close header of the same
semantic type (rapidfuzz), then a renamed header found by its shape at the same place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz

from assistant.memory.models import MemoryFile, RememberedColumn, RememberedTable
from assistant.memory.shapes import column_shape, normalise_header, shape_similarity
from assistant.profile.models import TableProfile

MIN_TABLE_SIMILARITY = 0.6
MIN_SHARED_HEADERS = 0.3  # share of headers spelled alike before columns are aligned at all
CLOSE_NAME = 85.0  # rapidfuzz score of two headers that differ by spelling only
# A renamed column is a guess from shape and place: its decision lands under the review threshold.
SAME_NAME, CLOSE_NAME_SCORE, RENAMED_SCORE = 1.0, 0.9, 0.7


@dataclass
class TableMatch:
    remembered: RememberedTable
    similarity: float  # 1.0: the same headers; lower as headers go missing, change or appear
    columns: dict[str, tuple[str, float]] = field(default_factory=dict)  # old name -> (new name, score)

    def column(self, name: str) -> tuple[str, float] | None:
        return self.columns.get(name)


@dataclass
class _Current:
    name: str
    position: int
    shape: str
    key: str


def align(remembered: list[RememberedColumn], table: TableProfile) -> dict[str, tuple[str, float]]:
    current = [
        _Current(c.column, c.position, column_shape(c), normalise_header(c.column)) for c in table.columns
    ]
    free = {c.name: c for c in current}
    out: dict[str, tuple[str, float]] = {}
    by_key = {c.key: c for c in current}
    for old in remembered:
        hit = by_key.get(normalise_header(old.name))
        if hit is not None and hit.name in free:
            out[old.name] = (free.pop(hit.name).name, SAME_NAME)
    for old in [r for r in remembered if r.name not in out]:
        scored = [
            (fuzz.token_sort_ratio(normalise_header(old.name), c.key), c)
            for c in free.values()
            if shape_similarity(old.shape, c.shape) > 0
        ]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= CLOSE_NAME:
            out[old.name] = (free.pop(best[1].name).name, CLOSE_NAME_SCORE)
    for old in [r for r in remembered if r.name not in out]:
        near = [
            c
            for c in free.values()
            if abs(c.position - old.position) <= 1 and shape_similarity(old.shape, c.shape) >= 0.75
        ]
        near.sort(key=lambda c: (-shape_similarity(old.shape, c.shape), abs(c.position - old.position)))
        if near and (
            len(near) == 1 or abs(near[0].position - old.position) < abs(near[1].position - old.position)
        ):
            out[old.name] = (free.pop(near[0].name).name, RENAMED_SCORE)
    return out


def table_similarity(remembered: RememberedTable, columns: dict[str, tuple[str, float]], width: int) -> float:
    total = sum(score for _, score in columns.values())
    return total / max(len(remembered.columns), width, 1)


def best_match(table: TableProfile, memory: MemoryFile) -> TableMatch | None:
    """The closest remembered table at or above ``MIN_TABLE_SIMILARITY`` (same name, then newest, on ties)."""
    found: list[tuple[float, bool, datetime, TableMatch]] = []
    headers = {normalise_header(c.column) for c in table.columns}
    for remembered in memory.tables:
        if not _worth_aligning(remembered, headers):
            continue
        columns = align(remembered.columns, table)
        similarity = table_similarity(remembered, columns, len(table.columns))
        if similarity >= MIN_TABLE_SIMILARITY:
            when = remembered.confirmed_at or datetime.min
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
            same_name = remembered.table == table.table
            found.append((round(similarity, 3), same_name, when, TableMatch(remembered, similarity, columns)))
    if not found:
        return None
    return max(found, key=lambda entry: entry[:3])[3]


def _worth_aligning(remembered: RememberedTable, headers: set[str]) -> bool:
    """A cheap first look: a table renamed beyond recognition shares few headers word for word,
    so most remembered tables are passed over before the column-by-column alignment."""
    shared = len(headers & {normalise_header(c.name) for c in remembered.columns})
    return shared >= MIN_SHARED_HEADERS * max(len(headers), len(remembered.columns), 1)
