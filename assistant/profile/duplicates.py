"""Records sharing an email or phone number once case, spaces and punctuation are ignored."""

from __future__ import annotations

import duckdb

from assistant.profile.models import ColumnProfile, DuplicateGroup, SemanticType, TableProfile
from assistant.profile.sql import quote_ident

MAX_GROUPS_PER_COLUMN = 500
_REPEATED = "profile_repeated"  # hashes of normalised values seen more than once
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
    # columns where values mostly repeat (an owner's email on every deal) name people, not records
    candidates = [
        (i, norm)
        for i, column in enumerate(profile.columns)
        if (norm := _normalised(column)) is not None and column.unique_share >= MIN_UNIQUE_SHARE
    ]
    if not candidates:
        return []
    table = f"raw.{quote_ident(profile.table)}"
    long_form = " UNION ALL ".join(
        f"SELECT {i} AS c, {row_column} AS r, {norm} AS v FROM {table}" for i, norm in candidates
    )
    # one pass over every candidate column, grouping 64-bit hashes rather than the text itself:
    # mostly unique columns (the usual case) stop here with nothing to confirm
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {_REPEATED} AS SELECT c, hash(v) AS h FROM ({long_form}) "
        "WHERE v <> '' GROUP BY c, h HAVING count(*) > 1"
    )
    found = con.execute(f"SELECT count(*) FROM {_REPEATED}").fetchone()
    if not found or not found[0]:
        con.execute(f"DROP TABLE {_REPEATED}")
        return []
    # confirm by the text itself (hashes can collide), keep each column's most repeated values,
    # then list rows for those values only
    rows = con.execute(
        f"WITH s AS ({long_form}), "
        f"hit AS (SELECT s.* FROM s SEMI JOIN {_REPEATED} p ON s.c = p.c AND hash(s.v) = p.h), "
        "top AS (SELECT c, v FROM hit WHERE v <> '' GROUP BY c, v HAVING count(*) > 1 "
        f"QUALIFY row_number() OVER (PARTITION BY c ORDER BY count(*) DESC, v) <= {MAX_GROUPS_PER_COLUMN}) "
        "SELECT c, v, list(r ORDER BY r) FROM hit SEMI JOIN top USING (c, v) "
        "GROUP BY c, v ORDER BY c, count(*) DESC, v"
    ).fetchall()
    con.execute(f"DROP TABLE {_REPEATED}")
    return [
        DuplicateGroup(
            table=profile.table,
            column=profile.columns[c].column,
            value=v,
            row_numbers=[int(r) for r in rs],
        )
        for c, v, rs in rows
    ]
