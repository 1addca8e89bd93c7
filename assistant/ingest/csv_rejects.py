"""Copying DuckDB's CSV rejects into ``meta.rejects`` with the physical line an editor shows.

DuckDB numbers rows its own way (blank lines count, quoted newlines do not), so the byte position
it reports is mapped back here to the physical line and to the data record number (blank lines
skipped, header excluded) that ``_row`` uses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from assistant.ingest.context import LoadContext
from assistant.ingest.lines import physical_lines

CUT_AT = 10_000  # DuckDB's reject record keeps a line's first 10,000 characters


@dataclass(frozen=True)
class RecordPlace:
    line: int
    """1-based physical line where the record starts."""
    record: int
    """1-based data record number (header and blank lines not counted)."""


@dataclass(frozen=True)
class RejectedLine:
    place: RecordPlace
    column: str | None
    reason: str
    """DuckDB's error type and message, e.g. ``TOO MANY COLUMNS: ...``."""
    raw: str


def read_rejects(ctx: LoadContext, rejects_table: str, read_path: Path) -> list[RejectedLine]:
    """DuckDB's rejects, one per record (its first error), in file order, with line and record."""
    # DuckDB reports a short row once per missing field; keep each record's first error.
    found = ctx.con.execute(
        f"""SELECT min(line_byte_position),
                   arg_min(coalesce(column_name, 'field ' || column_idx::VARCHAR), column_idx),
                   arg_min(error_type::VARCHAR || ': ' || error_message, column_idx),
                   arg_min(csv_line, column_idx)
            FROM temp.{rejects_table} GROUP BY line ORDER BY line"""
    ).fetchall()
    places = locate_records(read_path, [int(row[0]) - 1 for row in found])
    rejected = [
        RejectedLine(places[int(position) - 1], column, reason, (raw or "").strip("\r\n"))
        for position, column, reason, raw in found
    ]
    cut = [r.place.record for r in rejected if len(r.raw) >= CUT_AT]
    if not cut:
        return rejected
    whole = record_lines(read_path, cut)  # the file's own line, where DuckDB kept only its start
    return [
        replace(r, raw=whole[r.place.record][1])
        if len(r.raw) >= CUT_AT and whole.get(r.place.record, (0, ""))[1].startswith(r.raw)
        else r
        for r in rejected
    ]


def store_rejects(ctx: LoadContext, obj: str, rejected: list[RejectedLine]) -> None:
    """One ``meta.rejects`` row per rejected record."""
    sink = ctx.rejects(obj)
    for r in rejected:
        sink.add(r.place.line, r.column, f"{r.reason} (data record {r.place.record})", r.raw)
    sink.flush()


def locate_records(path: Path, offsets: list[int]) -> dict[int, RecordPlace]:
    """Where the records starting at (or just after the line break at) each byte offset are.

    Reads line by line, tracking whether a quoted field is open, so only lines that start a
    record count; runs only when a file has rejects.
    """
    wanted = sorted(set(offsets))
    out: dict[int, RecordPlace] = {}
    line_no, start, records, in_quotes, index = 0, 0, -1, False, 0  # the header is record 0
    for raw in physical_lines(path):
        line_no += 1
        end = start + len(raw)
        body = raw.rstrip(b"\r\n")
        starts_record = not in_quotes and bool(body.strip())
        if starts_record:
            records += 1
        # an offset on this line's text (not on its line break) belongs to this record
        while index < len(wanted) and wanted[index] < start + len(body):
            out[wanted[index]] = RecordPlace(line_no, max(records, 0))
            index += 1
        while index < len(wanted) and wanted[index] < end:  # on the break: the next record
            out[wanted[index]] = RecordPlace(line_no + 1, records + 1)
            index += 1
        if body.count(b'"') % 2:
            in_quotes = not in_quotes
        start = end
        if index == len(wanted):
            break
    for offset in wanted[index:]:
        out[offset] = RecordPlace(line_no, records)
    return out


def record_lines(path: Path, records: list[int]) -> dict[int, tuple[int, str]]:
    """Physical line and text of each data record number (1-based, header and blank lines not
    counted, as ``_row`` numbers them); reads the file only up to the last one asked for."""
    wanted = set(records)
    out: dict[int, tuple[int, str]] = {}
    record, in_quotes = -1, False  # the header is record 0
    for line_no, raw in enumerate(physical_lines(path), start=1):
        body = raw.rstrip(b"\r\n")
        if not in_quotes and body.strip():
            record += 1
            if record in wanted:
                out[record] = (line_no, body.decode("utf-8", errors="replace"))
                if len(out) == len(wanted):
                    break
        if body.count(b'"') % 2:
            in_quotes = not in_quotes
    return out


def empty_lines(path: Path) -> list[int]:
    """Physical numbers of empty lines between records (not inside quoted values, not above the
    header, not the trailing ones at the end of the file)."""
    found: list[int] = []
    pending: list[int] = []
    header_seen, in_quotes = False, False
    for line_no, raw in enumerate(physical_lines(path), start=1):
        body = raw.rstrip(b"\r\n")
        if not in_quotes:
            if not body.strip():
                if header_seen:
                    pending.append(line_no)
                continue
            found.extend(pending)
            pending.clear()
            header_seen = True
        if body.count(b'"') % 2:
            in_quotes = not in_quotes
    return found
