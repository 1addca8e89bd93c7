"""``reports/accounting.csv``: every source row that did not simply land, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import duckdb

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: cells a spreadsheet would run as a formula


def safe_cell(value: Any) -> str:
    """The cell as text, prefixed with ' when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(con: duckdb.DuckDBPyConnection, folder: Path) -> Path:
    cursor = con.execute(
        """SELECT * FROM exec.accounting WHERE outcome <> 'landed'
        ORDER BY source_table, "row" NULLS LAST, source_key"""
    )
    header = [d[0] for d in cursor.description or []]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "accounting.csv"
    with path.open("w", encoding="utf-8", newline="") as sink:
        writer = csv.writer(sink)
        writer.writerow(header)
        while batch := cursor.fetchmany(5000):
            writer.writerows([safe_cell(v) for v in row] for row in batch)
    return path
