"""Source values that did not arrive although their row did: a transform refused them, nothing carried them.

A row counts as landed when its record did; a value of it its field refused (a date that is no date,
an amount a number field cannot hold) went nowhere. Counted per table and field from the errors the
compile kept, on the rows whose record landed or merged (a held or excluded row is counted already),
these keep a run from reading clean: the record is there, its value is not.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# The refused values of rows whose record of that kind landed or merged, as FROM ... WHERE.
LOST = """exec.transform_errors e JOIN exec.accounting_parts p
    ON p.source_table = e.source_object AND p."row" = e."row"
    AND p.record = e.target || ':' || e.source_object AND p.outcome IN ('landed', 'merged')
    WHERE NOT e.held"""


@dataclass(frozen=True)
class LostValues:
    table: str
    field: str  # the HighLevel field that refused them
    count: int
    example: str  # the first reason, with its value where the transform names it


def lost_values(con: duckdb.DuckDBPyConnection) -> list[LostValues]:
    rows = con.execute(
        f"""SELECT e.source_object, e.field, count(*), min(e.error) FROM {LOST}
        GROUP BY ALL ORDER BY 1, 3 DESC, 2"""
    ).fetchall()
    return [LostValues(str(t), str(f), int(n), str(why)) for t, f, n, why in rows]
