"""Big tables' columns of few values (statuses, yes/no, types), counted value by value.

Grouping such a column costs a fraction of the aggregates the other columns take (an estimated
distinct count, lengths, text range), and every figure follows exactly from its values and their
counts: the distinct count too, exact where the aggregate gives an estimate. The sample picks the
columns; one that turns out to hold more values than ``MAX_GROUPS`` goes back to the aggregates.
"""

from __future__ import annotations

import duckdb

from assistant.profile.sql import SAMPLE_TABLE, TOP_CANDIDATES, quote_ident
from assistant.profile.stats import ColumnStats

MAX_GROUPS = 1_000  # more stored values than this: the aggregates cost less than fetching them
_BLANK = " \t\r\n"  # what a blank cell may hold, as ``sql.is_blank`` reads it


def few_valued(
    con: duckdb.DuckDBPyConnection, index: int, stats: list[ColumnStats], picklist_max: int
) -> list[int]:
    """Positions of the columns whose sample shows few values: at most the top-value limit, or up to
    half ``MAX_GROUPS`` with each seen more than once (a value seen once hints at many unseen)."""
    most = max(picklist_max, TOP_CANDIDATES)
    seen = {
        col: (int(values), int(once))
        for col, values, once in con.execute(
            "SELECT col, count(*), count(*) FILTER (WHERE n = 1) FROM (SELECT col, raw, count(*) AS n "
            f"FROM {SAMPLE_TABLE} WHERE t = {index} GROUP BY col, raw) GROUP BY col"
        ).fetchall()
    }
    few: list[int] = []
    for i in range(len(stats)):
        values, once = seen.get(i, (0, 0))
        if values <= most or (values <= MAX_GROUPS // 2 and once == 0):
            few.append(i)
    return few


def count_values(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: list[str],
    stats: list[ColumnStats],
    positions: list[int],
) -> dict[int, dict[str, int]]:
    """Every stored value and its count, for the columns at ``positions`` holding few enough; each
    one's figures filled from them. Columns left out still need the aggregates."""
    if not positions:
        return {}
    parts = [
        f"SELECT * FROM (SELECT {i} AS col, {quote_ident(columns[i])} AS v, count(*) AS n "
        f"FROM raw.{quote_ident(table)} GROUP BY ALL LIMIT {MAX_GROUPS + 1})"
        for i in positions
    ]
    groups: dict[int, list[tuple[str | None, int]]] = {}
    for i, value, n in con.execute(" UNION ALL ".join(parts)).fetchall():
        groups.setdefault(i, []).append((value, int(n)))
    counted: dict[int, dict[str, int]] = {}
    for i, found in groups.items():
        if len(found) <= MAX_GROUPS:
            counted[i] = {v: n for v, n in found if v is not None and not _blank(v)}
            _fill(stats[i], counted[i])
    return counted


def _blank(value: str) -> bool:
    return value < "!" and not value.strip(_BLANK)


def _fill(column: ColumnStats, counts: dict[str, int]) -> None:
    """The figures the aggregates would give, from the values: code points are characters to
    both, and UTF-8 bytes sort as code points do."""
    column.nonblank = sum(counts.values())
    column.distinct, column.distinct_exact = len(counts), True
    if not counts:
        return
    lengths = [(len(v), n) for v, n in counts.items()]
    column.min_len, column.max_len = min(n for n, _ in lengths), max(n for n, _ in lengths)
    column.avg_len = sum(length * n for length, n in lengths) / column.nonblank
    column.min_text, column.max_text = min(counts), max(counts)


def top_values(column: ColumnStats, counts: dict[str, int], picklist_max: int) -> list[tuple[str, int]]:
    """What the whole-column top-value query gives: every value of a column of few, else the counts
    of the sample's candidates; most frequent first."""
    if column.distinct <= max(picklist_max, TOP_CANDIDATES):
        found = list(counts.items())
    else:
        found = [(v, counts[v]) for v, _ in column.top if v in counts]
    return sorted(found, key=lambda item: (-item[1], item[0]))
