"""CSV/TSV into a raw table: the encoding and delimiter are detected here, DuckDB does the reading.

DuckDB streams the file in parallel with every column as VARCHAR; rows it cannot parse (too many
or too few fields, bad quoting) land in its rejects table with line and column, and are copied to
``meta.rejects``. Non-UTF-8 files are first transcoded to a temporary UTF-8 copy. A file with NUL
bytes, or whose broken quote swallowed later lines into one reject, is read again from a repaired
copy (``csv_repair``) so each broken record costs only itself. A line with a wrong field count
is read back when the file's good rows single out one reading (``csv_line_repair``).
"""

from __future__ import annotations

import csv
import io
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest.context import LoadContext, ObjectLoad
from assistant.ingest.csv_blank_rows import reject_blank_rows, reject_empty_lines, renumber_after_rejects
from assistant.ingest.csv_line_repair import repair_lines, store_repairs
from assistant.ingest.csv_rejects import read_rejects, store_rejects
from assistant.ingest.csv_repair import MAX_RECORD_CHARS, Repair, repair_records
from assistant.ingest.encoding import readable_utf8
from assistant.ingest.lines import has_empty_line, line_breaks
from assistant.ingest.naming import ColumnNames, quote_ident, unique_columns
from assistant.ingest.row_numbers import add_bookkeeping

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
    with ThreadPoolExecutor(max_workers=1) as side:
        # the empty-line check runs while DuckDB reads the file, which lets go of the GIL meanwhile
        any_empty = side.submit(has_empty_line, ctx.scan.path)
        rejected, repaired, repair_notes = _copy_into_raw(
            ctx, obj, readable, delimiter, columns, skip, any_empty
        )
    notes = [f"{skip} blank line(s) above the header skipped"] if skip else []
    return ObjectLoad(
        object=obj,
        tables=[ctx.table_result(obj)],
        rejected=rejected,
        repaired=repaired,
        encoding=encoding,
        delimiter=delimiter,
        notes=decoding_notes + notes + repair_notes + columns.renamed,
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
    ctx: LoadContext,
    obj: str,
    path: Path,
    delimiter: str,
    columns: ColumnNames,
    skip: int,
    any_empty: Future[bool],
) -> tuple[int, int, list[str]]:
    """Read ``path`` into ``raw.obj``; the numbers of rejects and of lines read back, and notes."""
    suffix = ctx.load_id.replace("-", "")
    rejects = f"csv_rejects_{suffix}"
    repair = _repair(ctx, path, delimiter, columns) if ctx.scan.nul_bytes else None
    _read(ctx, obj, repair.path if repair else path, delimiter, columns, skip)
    if repair is None and _quotes_swallowed_lines(ctx, rejects):
        ctx.con.execute(f"DROP TABLE raw.{quote_ident(obj)}")
        _drop_scan_tables(ctx)
        repair = _repair(ctx, path, delimiter, columns)
        _read(ctx, obj, repair.path, delimiter, columns, skip)
    read_path = repair.path if repair else path
    found = read_rejects(ctx, rejects, read_path)
    if found:
        renumber_after_rejects(ctx, obj, [r.place.record for r in found])
    _drop_scan_tables(ctx)
    repaired, rejected = repair_lines(ctx, obj, columns.names, delimiter, found)
    store_rejects(ctx, obj, rejected)
    store_repairs(ctx, obj, columns.names, repaired)
    lost, blanked = (repair.lost, repair.blanked) if repair else ({}, set())
    count = (
        len(rejected)
        + reject_blank_rows(ctx, obj, read_path, columns.names, lost)
        + reject_empty_lines(ctx, obj, read_path, blanked, any_empty.result())
    )
    notes = [f"{len(lost)} record(s) with a broken quote or a NUL byte rejected by line"] if lost else []
    return count, len(repaired), notes


def _read(ctx: LoadContext, obj: str, path: Path, delimiter: str, columns: ColumnNames, skip: int) -> None:
    suffix = ctx.load_id.replace("-", "")
    spec = "{" + ", ".join(f"{_sql_str(n)}: 'VARCHAR'" for n in columns.names) + "}"
    # CSV has no null: an empty field is the empty string. A null string no export holds keeps it
    # '' without one coalesce() per column (whose planning cost grows faster than the width).
    table = f"raw.{quote_ident(obj)}"
    ctx.con.execute(
        f"""CREATE TABLE {table} AS
            SELECT * FROM read_csv({_sql_str(str(path))}, delim={_sql_str(delimiter)}, quote='"', escape='"',
                 header=true, skip={skip}, auto_detect=false, columns={spec}, allow_quoted_nulls=false,
                 nullstr={_sql_str(NO_NULL)}, store_rejects=true, rejects_table='csv_rejects_{suffix}',
                 rejects_scan='csv_scans_{suffix}', max_line_size={MAX_RECORD_CHARS})"""
    )
    add_bookkeeping(ctx.con, table, ctx.load_id)


def _quotes_swallowed_lines(ctx: LoadContext, rejects: str) -> bool:
    """A quoted value that never closed properly took later lines into one reject."""
    found = ctx.con.execute(
        f"""SELECT count(*) FROM temp.{rejects}
            WHERE error_type::VARCHAR = 'LINE SIZE OVER MAXIMUM'
               OR (error_type::VARCHAR = 'UNQUOTED VALUE' AND regexp_matches(csv_line, '[\r\n]'))"""
    ).fetchone()
    return bool(found and found[0])


def _repair(ctx: LoadContext, path: Path, delimiter: str, columns: ColumnNames) -> Repair:
    return repair_records(path, delimiter, columns.names, ctx.tmpdir / f"repaired{path.suffix}")


def _drop_scan_tables(ctx: LoadContext) -> None:
    suffix = ctx.load_id.replace("-", "")
    ctx.con.execute(f"DROP TABLE temp.csv_rejects_{suffix}")
    ctx.con.execute(f"DROP TABLE temp.csv_scans_{suffix}")


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
