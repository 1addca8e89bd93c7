"""Records of a row that did not land while the row did: a job's note held beside its landed opportunity.

A row's outcome is its own record's (``build``); a record made of some of its columns beside it (an
extra target of the object map) is named here, per table, record kind and outcome, so the table is
not clean while one of them is short.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.execute.accounting.build import NOT_CLEAN
from assistant.transforms.sqltext import lit


@dataclass(frozen=True)
class ShortRecords:
    table: str
    record: str  # the record kind, 'note:jobs'
    outcome: str
    count: int
    why: str  # the first reason


def short_records(con: duckdb.DuckDBPyConnection) -> list[ShortRecords]:
    bad = ", ".join(lit(o) for o in sorted(NOT_CLEAN))
    rows = con.execute(
        f"""SELECT p.source_table, p.record, p.outcome, count(*),
        min(coalesce(p.rule || ': ', '') || coalesce(p.detail, '')) FROM exec.accounting_parts p
        JOIN exec.accounting a ON a.source_table = p.source_table AND a."row" = p."row"
        WHERE p.outcome IN ({bad}) AND a.outcome NOT IN ({bad})
        GROUP BY ALL ORDER BY p.source_table, p.record, p.outcome"""
    ).fetchall()
    return [ShortRecords(str(t), str(r), str(o), int(n), str(w or "")) for t, r, o, n, w in rows]
