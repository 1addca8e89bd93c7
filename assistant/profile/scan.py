"""Whole-column statistics and detector counts for every table of a run, in a handful of queries.

Every table's values go into one long sample table (all rows of small tables, a reservoir sample
of big ones), so each detector regex compiles once per run instead of once per table. Small
tables get all their statistics from that sample; big tables count the columns the sample shows
few values in value by value (``few_values``), and add one wide aggregate over the others (read
again only for columns that may hold blank cells) and one top-value query over their whole columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.profile.beside import Beside
from assistant.profile.few_values import count_values, few_valued, top_values
from assistant.profile.repeats import import_numpy_beside
from assistant.profile.sample import (
    count_detectors,
    fill_small_tables,
    make_sample,
    top_up_sparse,
)
from assistant.profile.sql import (
    SAMPLE_ROWS,
    TOP_CANDIDATES,
    as_stored,
    blank_to_null,
    empty_to_null,
    quote_ident,
    quote_literal,
)
from assistant.profile.stats import ColumnStats

EXACT_DISTINCT_MAX_ROWS = 200_000  # above this, distinct counts are HyperLogLog estimates


@dataclass
class TableSource:
    """One raw table to scan: its source columns (bookkeeping ``_`` columns left out) and size."""

    name: str
    columns: list[str]
    row_count: int
    stats: list[ColumnStats] = field(default_factory=list)
    counted: dict[int, dict[str, int]] = field(default_factory=dict)  # position → every value's count

    @property
    def small(self) -> bool:
        """Small tables are sampled whole, so the sample gives their exact statistics."""
        return self.row_count <= SAMPLE_ROWS


def full_source(table: str, columns: list[str], cell: Callable[[str], str] = blank_to_null) -> str:
    """Whole table with each column as ``c<i>``, by default NULL when empty or only whitespace."""
    projections = ", ".join(f"{cell(quote_ident(col))} AS c{i}" for i, col in enumerate(columns))
    return f"SELECT {projections} FROM raw.{quote_ident(table)}"


def aggregate(con: duckdb.DuckDBPyConnection, source: str, expressions: dict[str, str]) -> dict[str, Any]:
    """Run all ``alias → aggregate expression`` over ``source`` in one scan."""
    if not expressions:
        return {}
    select = ", ".join(f"{expr} AS {quote_ident(alias)}" for alias, expr in expressions.items())
    cursor = con.execute(f"SELECT {select} FROM ({source}) AS src")
    row = cursor.fetchone()
    names = [d[0] for d in cursor.description or []]
    return dict(zip(names, row or (), strict=True))


def scan_tables(con: duckdb.DuckDBPyConnection, tables: list[TableSource], picklist_max: int) -> None:
    """Fill ``table.stats`` for every table: whole-column facts, detector counts, exact top values.

    Tables with columns are numbered in list order in the sample table, which stays for the
    typed ranges of small tables; the caller drops it with ``drop_sample``.
    """
    for table in tables:
        exact = table.small or table.row_count <= EXACT_DISTINCT_MAX_ROWS
        table.stats = [
            ColumnStats(name=col, position=i, row_count=table.row_count, distinct_exact=exact)
            for i, col in enumerate(table.columns)
        ]
    scanned = [t for t in tables if t.columns]
    if not scanned:
        return
    if not all(t.small for t in scanned):
        import_numpy_beside()
    make_sample(con, [(i, t.name, t.columns, not t.small) for i, t in enumerate(scanned)])
    small = {i: t.stats for i, t in enumerate(scanned) if t.small}
    fill_small_tables(con, small, max(picklist_max, TOP_CANDIDATES))
    # big tables' whole columns are read beside the detectors, which run on the sample here
    with Beside(con) as beside:
        whole = []
        for index, table in enumerate(scanned):
            if not table.small:
                few = few_valued(con, index, table.stats, picklist_max)
                whole.append(beside.run(_whole_columns, table, few))
                top_up_sparse(con, index, table.name, table.columns)
        count_detectors(con, {i: t.stats for i, t in enumerate(scanned)})
        for job in whole:
            job.result()
    for table in scanned:
        if not table.small:
            _fill_top_counts(con, table, picklist_max)


def _whole_columns(con: duckdb.DuckDBPyConnection, table: TableSource, few: list[int]) -> None:
    """The columns of few values counted value by value, the others' aggregates."""
    table.counted = count_values(con, table.name, table.columns, table.stats, few)
    _whole_column_stats(con, table)


# Cell readings from cheapest to exact, each for the columns the one before could not settle
_READINGS = (as_stored, empty_to_null, blank_to_null)


def _whole_column_stats(con: duckdb.DuckDBPyConnection, table: TableSource) -> None:
    """Counts, lengths and text range of every column, with blank cells left out.

    A blank cell is empty or starts with a space or control character, so a column whose smallest
    value sorts at or after ``!`` holds none: read as stored, it gives the same figures as with
    blanks made NULL, without a CASE on every cell (which costs more than the figures). Columns
    that may hold one are read again with empty cells as NULL, and only those that then still may
    hold a blank (a whitespace-only cell, or a value led by a space) take the exact CASE.
    """
    pending = [i for i in range(len(table.columns)) if i not in table.counted]
    for cell in _READINGS:
        if not pending:
            return
        result = aggregate(con, full_source(table.name, table.columns, cell), _stat_exprs(table, pending))
        _fill_stats(table, pending, result)
        pending = [i for i in pending if result[f"{i}:maybe_blank"]]


def _stat_exprs(table: TableSource, columns: list[int]) -> dict[str, str]:
    exprs: dict[str, str] = {}
    for i in columns:
        c = f"c{i}"
        distinct = f"count(DISTINCT {c})" if table.stats[i].distinct_exact else f"approx_count_distinct({c})"
        exprs.update(
            {
                f"{i}:nonblank": f"count({c})",
                f"{i}:distinct": distinct,
                f"{i}:min_len": f"min(length({c}))",
                f"{i}:max_len": f"max(length({c}))",
                f"{i}:avg_len": f"avg(length({c}))",
                f"{i}:min_text": f"min({c})",
                f"{i}:max_text": f"max({c})",
                f"{i}:maybe_blank": f"coalesce(min({c}) < '!', false)",
            }
        )
    return exprs


def _fill_stats(table: TableSource, columns: list[int], result: dict[str, Any]) -> None:
    for i in columns:
        column = table.stats[i]
        column.nonblank = int(result[f"{i}:nonblank"] or 0)
        column.distinct = int(result[f"{i}:distinct"] or 0)
        column.min_len, column.max_len = result[f"{i}:min_len"], result[f"{i}:max_len"]
        column.avg_len = result[f"{i}:avg_len"]
        column.min_text, column.max_text = result[f"{i}:min_text"], result[f"{i}:max_text"]


def _fill_top_counts(con: duckdb.DuckDBPyConnection, table: TableSource, picklist_max: int) -> None:
    """Exact whole-column counts: every value of low-cardinality columns, sampled top values of others.

    One grouped SELECT per column joined by UNION ALL: each reads a single column, which DuckDB
    does far faster than one wide histogram aggregate. Whitespace-only values are dropped here,
    after grouping, instead of trimming every value.
    """
    parts: list[str] = []
    for i, column in enumerate(table.stats):
        col = quote_ident(table.columns[i])
        if i in table.counted:
            continue
        if column.distinct <= max(picklist_max, TOP_CANDIDATES):
            where = f"{col} <> ''"
        elif column.top:
            candidates = ", ".join(quote_literal(v) for v, _ in column.top)
            # where few cells match (mostly unique values), probing a hash of the candidates beats
            # comparing each cell with each in turn; where many match, the hash join costs more
            mostly_unique = column.distinct * 2 >= column.nonblank
            where = (
                f"{col} IN (SELECT unnest([{candidates}]))" if mostly_unique else f"{col} IN ({candidates})"
            )
        else:
            continue
        parts.append(
            f"SELECT {i} AS col, {col} AS v, count(*) AS n "
            f"FROM raw.{quote_ident(table.name)} WHERE {where} GROUP BY ALL"
        )
    counts: dict[int, list[tuple[str, int]]] = {}
    if parts:
        for index, value, n in con.execute(" UNION ALL ".join(parts)).fetchall():
            if value.strip(" \t\r\n"):
                counts.setdefault(index, []).append((value, int(n)))
    for i, column in enumerate(table.stats):
        if i in table.counted:
            column.top = top_values(column, table.counted[i], picklist_max)
        else:
            column.top = sorted(counts.get(i, []), key=lambda item: (-item[1], item[0]))
