"""The long sample table ``(t, col, raw, v)`` that every detector runs over, once per run.

``t`` numbers the table, ``col`` the column, ``raw`` is the stored text and ``v`` its trimmed
form read through a spreadsheet's formula guard (``cell_guards``); blank and whitespace-only cells
are left out. Small tables are copied whole, so their statistics and top values come from here;
big tables contribute a reservoir sample.
Long form lets each detector's regex compile once for all columns of all tables (wide form
compiles it per column, and a query per table pays the set-up per table).
"""

from __future__ import annotations

import duckdb

from assistant.profile.cell_guards import unguarded_sql
from assistant.profile.guards import weighted
from assistant.profile.patterns import DETECTORS
from assistant.profile.sql import (
    SAMPLE_ROWS,
    SAMPLE_TABLE,
    TOP_CANDIDATES,
    is_blank,
    quote_ident,
    quote_literal,
)
from assistant.profile.stats import ColumnStats

SPARSE_MIN = 200  # fewer sampled values than this → the column is sampled on its own
LIST_SEPARATORS = ("*/*", ";", "|", " / ", ",")
SampleSource = tuple[int, str, list[str], bool]  # table number, table name, columns, sampled


def make_sample(con: duckdb.DuckDBPyConnection, sources: list[SampleSource]) -> None:
    parts = []
    for index, table, columns, sampled in sources:
        projections = ", ".join(f"CAST({quote_ident(c)} AS VARCHAR) AS c{i}" for i, c in enumerate(columns))
        source = f"raw.{quote_ident(table)}"
        if sampled:  # sample first, so only sampled values get trimmed
            source = _sampled_rows(source, columns)
        parts.append(
            f"SELECT {index} AS t, CAST(substr(col, 2) AS INTEGER) AS col, raw "
            f"FROM (UNPIVOT (SELECT {projections} FROM {source}) ON COLUMNS(*) INTO NAME col VALUE raw)"
        )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {SAMPLE_TABLE} AS SELECT t, col, raw, {unguarded_sql('v')} AS v "
        f"FROM (SELECT t, col, raw, trim(raw) AS v FROM ({' UNION ALL '.join(parts)}) "
        f"WHERE NOT {is_blank('raw')})"
    )


def _sampled_rows(table: str, columns: list[str]) -> str:
    """A reservoir sample of ``table``'s rows.

    Row ids are sampled first and the rows fetched by id: sampling whole rows reads every
    column of every row, which costs more than the rest of the sample's use. A source column
    called ``rowid`` hides DuckDB's, so such tables are sampled whole-row.
    """
    reservoir = f"USING SAMPLE reservoir({SAMPLE_ROWS} ROWS) REPEATABLE (7)"
    if any(c.lower() == "rowid" for c in columns):
        return f"(SELECT * FROM {table} {reservoir})"
    return f"(SELECT * FROM {table} WHERE rowid IN (SELECT rowid FROM {table} {reservoir}))"


def drop_sample(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP TABLE IF EXISTS {SAMPLE_TABLE}")


def fill_small_tables(
    con: duckdb.DuckDBPyConnection, small: dict[int, list[ColumnStats]], top_k: int
) -> None:
    """Exact statistics and top values of tables sampled whole, all in two grouped queries."""
    if not small:
        return
    where = f"WHERE t IN ({', '.join(str(t) for t in small)})"
    rows = con.execute(
        "SELECT t, col, count(*), count(DISTINCT raw), min(length(raw)), max(length(raw)), "
        f"avg(length(raw)), min(raw), max(raw) FROM {SAMPLE_TABLE} {where} GROUP BY t, col"
    ).fetchall()
    for t, col, nonblank, distinct, min_len, max_len, avg_len, min_text, max_text in rows:
        column = small[t][col]
        column.nonblank, column.distinct = int(nonblank), int(distinct)
        column.min_len, column.max_len, column.avg_len = min_len, max_len, avg_len
        column.min_text, column.max_text = min_text, max_text
    tops = con.execute(
        f"SELECT t, col, min_by({{'v': raw, 'n': n}}, {{'n': -n, 'v': raw}}, {top_k}) FROM (SELECT t, col, "
        f"raw, count(*) AS n FROM {SAMPLE_TABLE} {where} GROUP BY t, col, raw) GROUP BY t, col"
    ).fetchall()
    for t, col, found in tops:
        small[t][col].top.extend((item["v"], int(item["n"])) for item in found)
    for stats in small.values():
        for column in stats:
            column.top.sort(key=lambda item: (-item[1], item[0]))


def top_up_sparse(con: duckdb.DuckDBPyConnection, index: int, table: str, columns: list[str]) -> None:
    """Columns the reservoir sample barely saw (a 0.1%-filled column) get their own first values.

    A column whose sample holds every one of its values needs none; that is asked of the column
    itself, stopping past the sampled number, so the whole-column statistics need not be in yet.
    """
    seen = dict(
        con.execute(f"SELECT col, count(*) FROM {SAMPLE_TABLE} WHERE t = {index} GROUP BY col").fetchall()
    )
    for i, column in enumerate(columns):
        have = int(seen.get(i, 0))
        if have >= SPARSE_MIN:
            continue
        value = f"CAST({quote_ident(column)} AS VARCHAR)"
        source = f"raw.{quote_ident(table)} WHERE NOT {is_blank(value)}"
        more = con.execute(
            f"SELECT count(*) > {have} FROM (SELECT 1 FROM {source} LIMIT {have + 1})"
        ).fetchone()
        if not (more and more[0]):
            continue
        con.execute(f"DELETE FROM {SAMPLE_TABLE} WHERE t = {index} AND col = {i}")
        con.execute(
            f"INSERT INTO {SAMPLE_TABLE} SELECT {index}, {i}, {value}, {unguarded_sql(f'trim({value})')} "
            f"FROM {source} LIMIT {SAMPLE_ROWS // 5}"
        )


def count_detectors(con: duckdb.DuckDBPyConnection, tables: dict[int, list[ColumnStats]]) -> None:
    """Detector counts and top-value candidates of every sampled column.

    Detectors run once per distinct sampled value, weighted by how often it occurs: exports
    repeat values (statuses, towns, dates), and the regexes, not the grouping, cost the time.
    Counts are those of every sampled value.
    """
    counts = ", ".join(
        f"sum({weighted(name, predicate, 'n').replace('{v}', 'v')}) AS {quote_ident(name)}"
        for name, predicate in DETECTORS.items()
    )
    distinct = f"SELECT t, col, v, count(*) AS n FROM {SAMPLE_TABLE} GROUP BY t, col, v"
    cursor = con.execute(f"SELECT t, col, sum(n) AS nonblank, {counts} FROM ({distinct}) GROUP BY t, col")
    names = [d[0] for d in cursor.description or []]
    for row in cursor.fetchall():
        values = dict(zip(names, row, strict=True))
        column = tables[values["t"]][values["col"]]
        column.sample_nonblank = int(values["nonblank"])
        column.counts = {name: int(values[name] or 0) for name in DETECTORS}
    _top_candidates(con, tables)
    _count_list_items(con, tables)


def _top_candidates(con: duckdb.DuckDBPyConnection, tables: dict[int, list[ColumnStats]]) -> None:
    """The sample's most frequent values per column (ties by value), to count over whole columns.

    Exact counts within the sample, so the same sample always gives the same candidates.
    """
    # a top-N aggregate keeps a few values per column where a window would sort them all
    rows = con.execute(
        f"SELECT t, col, min_by(v, {{'n': -n, 'v': v}}, {TOP_CANDIDATES}) FROM "
        f"(SELECT t, col, v, count(*) AS n FROM {SAMPLE_TABLE} GROUP BY t, col, v) GROUP BY t, col"
    ).fetchall()
    for t, col, values in rows:
        column = tables[t][col]
        if not column.top:  # tables sampled whole already have exact top values
            column.top = [(value, 0) for value in values]


def _count_list_items(con: duckdb.DuckDBPyConnection, tables: dict[int, list[ColumnStats]]) -> None:
    """Per separator, items and distinct items in sampled cells that contain it (do tags repeat?)."""
    rows = con.execute(
        "SELECT t, col, sep, count(*), count(DISTINCT lower(trim(item))) FROM ("
        f"SELECT t, col, sep, unnest(string_split(v, sep)) AS item FROM {SAMPLE_TABLE}, "
        f"(VALUES {', '.join(f'({quote_literal(s)})' for s in LIST_SEPARATORS)}) AS seps(sep) "
        "WHERE contains(v, sep)) GROUP BY ALL"
    ).fetchall()
    for t, col, sep, items, distinct in rows:
        tables[t][col].tokens[sep] = (int(items), int(distinct))
