"""``reports/accounting.csv``: every source row that did not simply land, and ``reports/values-lost.csv``:
every value of a row that landed which did not arrive; both safe to open in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.execute.accounting.values_lost import LOST
from assistant.report_csv import report_csv_writer


def write_csv(con: duckdb.DuckDBPyConnection, folder: Path) -> Path:
    cursor = con.execute(
        """SELECT * FROM exec.accounting WHERE outcome <> 'landed'
        ORDER BY source_table, "row" NULLS LAST, source_key"""
    )
    return _write(cursor, folder / "accounting.csv")


def write_lost_csv(con: duckdb.DuckDBPyConnection, folder: Path) -> Path:
    cursor = con.execute(
        f"""SELECT e.source_object AS source_table, e."row", e.source_key, e.target AS record, e.field,
        e.error AS why FROM {LOST} ORDER BY 1, 2, 5"""
    )
    return _write(cursor, folder / "values-lost.csv")


def _write(cursor: duckdb.DuckDBPyConnection, path: Path) -> Path:
    header = [d[0] for d in cursor.description or []]
    path.parent.mkdir(parents=True, exist_ok=True)
    with report_csv_writer(path, header) as writer:
        while batch := cursor.fetchmany(5000):
            for row in batch:
                writer.writerow(row)
    return path
