"""Records sharing an email or phone number once case, spaces and punctuation are ignored."""

from __future__ import annotations

import duckdb

from assistant.profile.models import ColumnProfile, DuplicateGroup, SemanticType, TableProfile
from assistant.profile.sql import quote_ident

MAX_GROUPS_PER_COLUMN = 500
MIN_UNIQUE_SHARE = 0.8  # enough to show the problem; the full list is one SQL query away


def _normalised(column: ColumnProfile) -> str | None:
    col = quote_ident(column.column)
    if column.semantic_type is SemanticType.EMAIL:
        # trim only the few values that need it: trimming every value costs more than grouping them
        return f"lower(CASE WHEN {col} LIKE ' %' OR {col} LIKE '% ' THEN trim({col}) ELSE {col} END)"
    if column.semantic_type is SemanticType.PHONE:
        # translate() drops spaces and the usual phone punctuation far faster than a regex replace
        digits = f"translate({col}, ' -().+/', '')"
        # the national part only, so +34 612… and 612… meet
        keep = {"ES": 9, "US": 10}.get(column.country or "")
        trimmed = f"ltrim({digits}, '0')"
        return f"right({trimmed}, {keep})" if keep else trimmed
    return None


def find_duplicates(
    con: duckdb.DuckDBPyConnection, profile: TableProfile, row_column: str
) -> list[DuplicateGroup]:
    groups: list[DuplicateGroup] = []
    for column in profile.columns:
        norm = _normalised(column)
        # columns where values mostly repeat (an owner's email on every deal) name people, not records
        if norm is None or column.unique_share < MIN_UNIQUE_SHARE:
            continue
        # first the most repeated values by count alone (no per-group row lists over a million
        # mostly unique values), then row lists for those few values only: a second pass that
        # mostly-unique columns (no repeats at all) skip
        source = f"SELECT {row_column} AS r, {norm} AS v FROM raw.{quote_ident(profile.table)}"
        top = con.execute(
            f"SELECT v FROM ({source}) WHERE v <> '' GROUP BY v HAVING count(*) > 1 "
            f"ORDER BY count(*) DESC, v LIMIT {MAX_GROUPS_PER_COLUMN}"
        ).fetchall()
        if not top:
            continue
        rows = con.execute(
            f"SELECT v, list(r ORDER BY r) FROM ({source}) WHERE v IN (SELECT unnest(?::VARCHAR[])) "
            "GROUP BY v ORDER BY count(*) DESC, v",
            [[v for (v,) in top]],
        ).fetchall()
        groups.extend(
            DuplicateGroup(
                table=profile.table, column=column.column, value=v, row_numbers=[int(r) for r in rs]
            )
            for v, rs in rows
        )
    return groups
