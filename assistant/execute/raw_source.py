"""The raw tables ingest made, as the compiler reads them: their columns and each row's source key."""

from __future__ import annotations

import duckdb

from assistant.execute.specs import RecordSpec
from assistant.transforms.sqltext import ident


def source_key_sql(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> str:
    """The key column when it is filled and unique, else the record number."""
    key = spec.object_map.key_column
    table = f"raw.{ident(spec.source_object)}"
    if key and key in raw_columns(con, spec.source_object):
        row = con.execute(
            f"SELECT count(*) = count(DISTINCT nullif(trim({ident(key)}), '')) FROM {table}"
        ).fetchone()
        if row and row[0]:
            return f"trim({ident(key)})"
    return 'CAST("_row" AS VARCHAR)'


def raw_columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """The column names of ``raw.<table>`` (none when ingest made no such table)."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = ?",
        [table],
    ).fetchall()
    return {r[0] for r in rows}
