"""Records sharing an email or phone number once case, spaces and punctuation are ignored."""

from __future__ import annotations

import duckdb

from assistant.profile.models import ColumnProfile, DuplicateGroup, SemanticType, TableProfile
from assistant.profile.sql import quote_ident

MAX_GROUPS_PER_COLUMN = 500
MIN_UNIQUE_SHARE = 0.8  # enough to show the problem; the full list is one SQL query away
_PHONE_PUNCTUATION = " -().+/"


def _without(expr: str, characters: str) -> str:
    # one replace() per character is about twice as fast as translate() in DuckDB
    for character in characters:
        expr = f"replace({expr}, '{character}', '')"
    return expr


def _normalised(column: ColumnProfile) -> str | None:
    col = quote_ident(column.column)
    if column.semantic_type is SemanticType.EMAIL:
        # trim only the few values that need it: trimming every value costs more than grouping them
        return f"lower(CASE WHEN {col} LIKE ' %' OR {col} LIKE '% ' THEN trim({col}) ELSE {col} END)"
    if column.semantic_type is SemanticType.PHONE:
        digits = _without(col, _PHONE_PUNCTUATION)
        # the national part only, so +34 612… and 612… meet
        keep = {"ES": 9, "US": 10}.get(column.country or "")
        # ltrim() is slow even with nothing to trim: call it only for values starting with a zero
        trimmed = f"CASE WHEN starts_with({digits}, '0') THEN ltrim({digits}, '0') ELSE {digits} END"
        return f"right({trimmed}, {keep})" if keep else trimmed
    return None


def _candidates(profile: TableProfile) -> list[tuple[ColumnProfile, str]]:
    # columns where values mostly repeat (an owner's email on every deal) name people, not records
    return [
        (column, norm)
        for column in profile.columns
        if (norm := _normalised(column)) is not None and column.unique_share >= MIN_UNIQUE_SHARE
    ]


def _with_repeats(con: duckdb.DuckDBPyConnection, table: str, normalised: list[str]) -> set[int]:
    """Positions in ``normalised`` of columns where a 64-bit hash of a non-blank value repeats.

    Equal values have equal hashes, so a column left out has no duplicates; a hash collision only
    costs the exact search. Grouping hashes is cheaper than grouping the text, and blanks become
    NULL rather than being filtered out, which would make DuckDB normalise every value twice.
    """
    parts = [
        f"SELECT {i} AS k, count(*) AS n FROM (SELECT 1 FROM (SELECT nullif({norm}, '') AS v FROM {table}) "
        "GROUP BY hash(v) HAVING count(v) > 1)"
        for i, norm in enumerate(normalised)
    ]
    return {k for k, n in con.execute(" UNION ALL ".join(parts)).fetchall() if n}


def _groups(
    con: duckdb.DuckDBPyConnection, table: str, norm: str, row_column: str
) -> list[tuple[str, list[int]]]:
    """The most repeated values by count alone, then row lists for those few values only."""
    top = con.execute(
        f"SELECT v FROM (SELECT nullif({norm}, '') AS v FROM {table}) GROUP BY v HAVING count(v) > 1 "
        f"ORDER BY count(v) DESC, v LIMIT {MAX_GROUPS_PER_COLUMN}"
    ).fetchall()
    if not top:
        return []
    rows = con.execute(
        f"SELECT v, list(r ORDER BY r) FROM (SELECT {row_column} AS r, {norm} AS v FROM {table}) "
        "WHERE v IN (SELECT unnest(?::VARCHAR[])) GROUP BY v ORDER BY count(*) DESC, v",
        [[v for (v,) in top]],
    ).fetchall()
    return [(v, [int(r) for r in rs]) for v, rs in rows]


def find_duplicates(
    con: duckdb.DuckDBPyConnection, profile: TableProfile, row_column: str
) -> list[DuplicateGroup]:
    candidates = _candidates(profile)
    if not candidates:
        return []
    table = f"raw.{quote_ident(profile.table)}"
    groups: list[DuplicateGroup] = []
    repeated = _with_repeats(con, table, [norm for _, norm in candidates])
    for k, (column, norm) in enumerate(candidates):
        if k not in repeated:
            continue
        groups.extend(
            DuplicateGroup(table=profile.table, column=column.column, value=v, row_numbers=rows)
            for v, rows in _groups(con, table, norm, row_column)
        )
    return groups
