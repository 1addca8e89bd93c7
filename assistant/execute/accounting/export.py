"""``reports/accounting.csv``: every source row that did not simply land, safe to open in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.report_csv import report_csv_writer


def write_csv(con: duckdb.DuckDBPyConnection, folder: Path) -> Path:
    cursor = con.execute(
        """SELECT * FROM exec.accounting WHERE outcome <> 'landed'
        ORDER BY source_table, "row" NULLS LAST, source_key"""
    )
    header = [d[0] for d in cursor.description or []]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "accounting.csv"
    with report_csv_writer(path, header) as writer:
        while batch := cursor.fetchmany(5000):
            for row in batch:
                writer.writerow(row)
    return path
