"""CSV/TSV into a raw table: the encoding and delimiter are detected here, DuckDB does the reading.

DuckDB streams the file in parallel with every column as VARCHAR; rows it cannot parse (too many
or too few fields, bad quoting) land in its rejects table with line and column, and are copied to
``meta.rejects``. Non-UTF-8 files are first transcoded to a temporary UTF-8 copy.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest.context import LoadContext, ObjectLoad
from assistant.ingest.csv_rejects import copy_rejects, empty_lines, record_lines
from assistant.ingest.encoding import readable_utf8
from assistant.ingest.lines import line_breaks
from assistant.ingest.naming import ColumnNames, quote_ident, unique_columns

DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024
NO_NULL = "\x01no null\x01"
"""DuckDB's null string: control characters no export holds, so every empty field stays ''."""


def load_csv(ctx: LoadContext, obj: str) -> ObjectLoad:
    encoding, readable, decoding_notes = readable_utf8(ctx.scan, ctx.settings.encoding, ctx.tmpdir)
    sample = _sample(readable)
    body = sample.lstrip("\r\n\t ")
    skip = line_breaks(sample[: len(sample) - len(body)])  # blank lines above the header
    if not body:
        raise InputError("no header row (the file holds only blank lines)", file=ctx.path, line=1)
    delimiter = ctx.settings.delimiter or sniff_delimiter(body)
    header = next(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter), [])
    columns = unique_columns(header)
    rejected = _copy_into_raw(ctx, obj, readable, delimiter, columns, skip)
    notes = [f"{skip} blank line(s) above the header skipped"] if skip else []
    return ObjectLoad(
        object=obj,
        tables=[ctx.table_result(obj)],
        rejected=rejected,
        encoding=encoding,
        delimiter=delimiter,
        notes=decoding_notes + notes + columns.renamed,
    )


def _sample(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        text = handle.read(SNIFF_CHARS)
        more = handle.read(1)
    cut = max(text.rfind("\n"), text.rfind("\r"))
    return text[: cut + 1] if more and cut > 0 else text


def sniff_delimiter(sample: str) -> str:
    """The candidate that splits the sample's records into the most consistent field count (>1)."""
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        # newline="": CR, LF and CRLF all end a line, and a quoted value keeps its own breaks
        counts = [len(rec) for rec in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if rec]
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _copy_into_raw(
    ctx: LoadContext, obj: str, path: Path, delimiter: str, columns: ColumnNames, skip: int
) -> int:
    con = ctx.con
    suffix = ctx.load_id.replace("-", "")
    rejects, scans = f"csv_rejects_{suffix}", f"csv_scans_{suffix}"
    spec = "{" + ", ".join(f"{_sql_str(n)}: 'VARCHAR'" for n in columns.names) + "}"
    # CSV has no null: an empty field is the empty string. A null string no export holds keeps it
    # '' without one coalesce() per column (whose planning cost grows faster than the width).
    con.execute(
        f"""CREATE TABLE raw.{quote_ident(obj)} AS
            SELECT *, row_number() OVER () AS _row, {_sql_str(ctx.load_id)} AS _load_id
            FROM read_csv({_sql_str(str(path))}, delim={_sql_str(delimiter)}, quote='"', escape='"',
                 header=true, skip={skip}, auto_detect=false, columns={spec}, allow_quoted_nulls=false,
                 nullstr={_sql_str(NO_NULL)}, store_rejects=true, rejects_table='{rejects}',
                 rejects_scan='{scans}', max_line_size=16777216)"""
    )
    rejected = copy_rejects(ctx, obj, rejects, path)
    if rejected:
        _renumber_after_rejects(ctx, obj, rejected)
    con.execute(f"DROP TABLE temp.{rejects}")
    con.execute(f"DROP TABLE temp.{scans}")
    return (
        len(rejected)
        + _reject_blank_rows(ctx, obj, path, columns.names)
        + _reject_empty_lines(ctx, obj, path)
    )


def _reject_empty_lines(ctx: LoadContext, obj: str, path: Path) -> int:
    """Empty lines between records: DuckDB skips them; they are kept in the rejects, counted."""
    if not ctx.scan.has_empty_line:
        return 0
    sink = ctx.rejects(obj)
    for line in empty_lines(path):
        sink.add(line, None, "blank row: empty line", "")
    sink.flush()
    return sink.count


def _reject_blank_rows(ctx: LoadContext, obj: str, path: Path, names: list[str]) -> int:
    """Move records whose every field is empty (``,,,,`` lines) from the raw table to the rejects.

    They are separators or leftovers, not records; kept in ``meta.rejects`` so they stay counted.
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
        sink.add(line, None, f"blank row: every field is empty (data record {record})", raw)
    sink.flush()
    return len(found)


def _renumber_after_rejects(ctx: LoadContext, obj: str, rejected: list[int]) -> None:
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


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
