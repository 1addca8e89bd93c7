"""Rows that are not records: blank rows, empty lines and the placeholders of repaired records.

DuckDB reads them (or skips them); they are moved to ``meta.rejects`` here so every physical line
of the file is either a raw row or a counted reject, and ``_row`` stays the data record number.
"""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.context import LoadContext
from assistant.ingest.csv_rejects import empty_lines, record_lines
from assistant.ingest.csv_repair import LostRecord
from assistant.ingest.naming import quote_ident


def reject_empty_lines(ctx: LoadContext, obj: str, path: Path, blanked: set[int], any_empty: bool) -> int:
    """Empty lines between records: DuckDB skips them; they are kept in the rejects, counted.

    ``blanked`` lines were inside a record rejected as a whole: not blank rows of their own.
    ``any_empty``: the source file has an empty line at all (else its lines are not read).
    """
    if not any_empty:
        return 0
    sink = ctx.rejects(obj)
    for line in empty_lines(path):
        if line not in blanked:
            sink.add(line, None, "blank row: empty line", "")
    sink.flush()
    return sink.count


def reject_blank_rows(
    ctx: LoadContext, obj: str, path: Path, names: list[str], lost: dict[int, LostRecord]
) -> int:
    """Move records whose every field is empty (``,,,,`` lines) from the raw table to the rejects.

    They are separators or leftovers, not records; kept in ``meta.rejects`` so they stay counted.
    Placeholders of repaired records (``lost``, by line) are moved too, with their own reason.
    The ``< '!'`` test fails on the first field of almost every row, so the concatenation runs on
    few rows; one concat() keeps planning linear in the width (a chain of one test per column
    does not).
    """
    every = "concat(" + ", ".join(quote_ident(n) for n in names) + ")"
    blank = f"{quote_ident(names[0])} < '!' AND trim({every}, ' ' || chr(9)) = ''"
    table = f"raw.{quote_ident(obj)}"
    found = [
        int(r[0]) for r in ctx.con.execute(f"SELECT _row FROM {table} WHERE {blank} ORDER BY _row").fetchall()
    ]
    if not found:
        return 0
    ctx.con.execute(f"DELETE FROM {table} WHERE _row IN (SELECT unnest(?::BIGINT[]))", [found])
    lines = record_lines(path, found)
    sink = ctx.rejects(obj)
    for record in found:
        line, raw = lines.get(record, (None, ""))
        why = lost.get(line) if line is not None else None
        if why is None:
            sink.add(line, None, f"blank row: every field is empty (data record {record})", raw)
        else:
            sink.add(line, why.field, f"{why.reason} (data record {record})", why.raw)
    sink.flush()
    return len(found)


def renumber_after_rejects(ctx: LoadContext, obj: str, rejected: list[int]) -> None:
    """Make ``_row`` the data record number again by leaving out the numbers of rejected records.

    The i-th rejected record (1-based, in file order) shifts every accepted row whose running
    number is >= record - (i - 1) by one more.
    """
    thresholds = [record - i for i, record in enumerate(rejected)]
    ctx.con.execute(
        f"""UPDATE raw.{quote_ident(obj)} AS t
            SET _row = t._row + (SELECT count(*) FROM unnest(?::BIGINT[]) AS s(threshold)
                                 WHERE s.threshold <= t._row)""",
        [thresholds],
    )
