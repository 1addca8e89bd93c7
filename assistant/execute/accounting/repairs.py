"""Rows the ingest read back from broken export lines (``meta.repairs``), with their real outcome.

A repaired row is a source row like any other, so the accounting counts it by what happened to
it; these lines say, beside the counts, which rows were repaired, how, and where they went. A
line cut short also lacks values the export never held: those are listed as a loss of their own,
never passed off as empty source values.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb


def _has_repairs(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        """SELECT count(*) FROM information_schema.tables
        WHERE table_schema = 'meta' AND table_name = 'repairs'"""
    ).fetchone()
    return bool(found and found[0])


def repaired_rows(con: duckdb.DuckDBPyConnection) -> list[str]:
    """``file line N (row R): what was done → outcome`` for every repaired row, in file order."""
    if not _has_repairs(con):
        return []
    rows = con.execute(
        """SELECT r.path, r.line, r."row", r.note, a.outcome, a.destination_id, a.policy, a.into_record
        FROM meta.repairs r LEFT JOIN exec.accounting a ON a.source_table = r.object AND a."row" = r."row"
        ORDER BY r.path, r.line"""
    ).fetchall()
    out = []
    for path, line, row, note, outcome, destination, policy, into in rows:
        went = outcome or "not accounted"
        went += f" {destination}" if destination and outcome == "landed" else ""
        went += f" into {into}" if into and outcome == "merged" else ""
        went += f" by {policy}" if policy else ""
        out.append(f"{Path(path).name} line {line} (row {row}): {note} → {went}")
    return out


def missing_in_export(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Each row read back from a line cut short, with the columns its line does not hold."""
    if not _has_repairs(con):
        return []
    rows = con.execute(
        """SELECT path, line, "row", missing FROM meta.repairs
        WHERE missing IS NOT NULL AND missing <> '[]' ORDER BY path, line"""
    ).fetchall()
    out = []
    for path, line, row, missing in rows:
        names = json.loads(missing)
        out.append(
            f"{Path(path).name} line {line} (row {row}) is cut short: its {len(names)} values of "
            f"{', '.join(names)} are not in the export, so no field receives them"
        )
    return out
