"""Records DuckDB cannot be trusted to cut: an unclosed quote, and NUL bytes inside a row.

DuckDB reads an unclosed quote as one value running to the next quote or the end of the file, so
one stray ``"`` would swallow every later row into a single reject. This pass walks the records
the way DuckDB's parser does (a quote opens only at a field's start, ``""`` is a quote inside a
quoted value, a closing quote must be followed by the delimiter or the line's end) and writes a
copy where:

- the line where a broken quoted value opens is replaced by an empty placeholder record, and
  parsing resumes on the next line (each later line that still does not parse is rejected by
  DuckDB on its own line);
- a record holding a NUL byte is replaced by a placeholder (its continuation lines by empty
  lines), so DuckDB never sees the NUL.

Line numbers do not move, and each placeholder keeps its record number, so ``_row`` and the
rejects' lines are the same as for a clean file. The reader moves placeholders to the rejects
with the reason and raw text kept here.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from assistant.ingest.lines import physical_lines

MAX_RECORD_CHARS = 16 * 1024 * 1024
"""A quoted value longer than DuckDB's line limit is an unclosed quote, not a value."""


@dataclass(frozen=True)
class LostRecord:
    field: str | None
    reason: str
    raw: str


@dataclass
class Repair:
    path: Path
    lost: dict[int, LostRecord] = field(default_factory=dict)
    """Placeholder lines by physical line number: why the record there was rejected."""
    blanked: set[int] = field(default_factory=set)
    """Continuation lines of a rejected multi-line record, emptied (not rejects of their own)."""


@dataclass
class _Cursor:
    in_quotes: bool = False
    field_index: int = 0
    opened: tuple[int, int, int] = (0, 0, 0)
    """Line, 1-based column and field index where the last quoted value opened."""


def repair_records(source: Path, delimiter: str, names: list[str], target: Path) -> Repair:
    """Write the repaired copy of ``source`` (UTF-8) to ``target``; what was lost, by line."""
    repair = Repair(target)
    writer = _Writer(repair, delimiter, names)
    queue: deque[tuple[int, str]] = deque()
    lines = enumerate((raw.decode("utf-8") for raw in physical_lines(source)), start=1)
    record: list[tuple[int, str]] = []
    cursor, size, header_seen = _Cursor(), 0, False
    with target.open("w", encoding="utf-8", newline="") as out:
        while True:
            item = queue.popleft() if queue else next(lines, None)
            if item is None and not record:
                return repair
            if item is not None:
                record.append(item)
                size += len(item[1])
                error = _scan_line(item, delimiter, cursor)
                if error is None and cursor.in_quotes and size <= MAX_RECORD_CHARS:
                    continue
            else:  # the file ended inside a quoted value
                error = "it is still open at the end of the file"
            if error is not None or cursor.in_quotes:
                writer.lose_first_line(out, record, error or "it runs past 16 MB", cursor)
                queue.extendleft(reversed(record[1:]))  # parsing resumes on the next line
            elif header_seen and any("\x00" in line for _, line in record):
                writer.lose_nul_record(out, record)
            else:  # a good record, or the header (its names lose their NUL bytes instead)
                out.writelines(line for _, line in record)
                header_seen = header_seen or bool(record[0][1].strip())
            record, cursor, size = [], _Cursor(), 0


def _scan_line(line: tuple[int, str], delimiter: str, cursor: _Cursor) -> str | None:
    """Advance ``cursor`` over one physical line; the reason when a quoted value breaks there."""
    number, text = line
    body = text.rstrip("\r\n")
    if not cursor.in_quotes and '"' not in body:
        cursor.field_index += body.count(delimiter)
        return None  # the common line: no quote at all
    i, n = 0, len(body)
    while True:
        if cursor.in_quotes:
            j = body.find('"', i)
            if j < 0:
                return None  # the value goes on on the next line
            if j + 1 < n and body[j + 1] == '"':
                i = j + 2  # an escaped quote
                continue
            cursor.in_quotes = False
            if j + 1 == n:
                return None
            if body[j + 1] != delimiter:
                return f"on line {number} it closes at column {j + 1}, followed by {body[j + 1]!r}"
            i = j + 2
            cursor.field_index += 1
            continue
        if i < n and body[i] == '"':
            cursor.in_quotes = True
            cursor.opened = (number, i + 1, cursor.field_index)
            i += 1
            continue
        j = body.find(delimiter, i)
        if j < 0:
            return None
        i = j + 1
        cursor.field_index += 1


class _Writer:
    def __init__(self, repair: Repair, delimiter: str, names: list[str]) -> None:
        self.repair, self.delimiter, self.names = repair, delimiter, names
        self.placeholder = '""' + delimiter * (len(names) - 1)

    def _field(self, index: int) -> str:
        return self.names[index] if index < len(self.names) else f"field {index + 1}"

    def lose_first_line(self, out: TextIO, record: list[tuple[int, str]], why: str, cursor: _Cursor) -> None:
        number, text = record[0]
        line, column, index = cursor.opened
        reason = (
            f"BROKEN QUOTE: the quoted value opened on line {line}, column {column} does not close"
            f" properly ({why}); line {number} is rejected and reading resumes on line {number + 1}"
        )
        self.repair.lost[number] = LostRecord(self._field(index), reason, text.rstrip("\r\n"))
        out.write(self.placeholder + text[len(text.rstrip("\r\n")) :])

    def lose_nul_record(self, out: TextIO, record: list[tuple[int, str]]) -> None:
        (number, first), rest = record[0], record[1:]
        raw = "".join(line for _, line in record).rstrip("\r\n")
        column = raw.index("\x00") + 1
        where = _Cursor()  # which field the NUL is in
        _scan_line((number, raw[: column - 1]), self.delimiter, where)
        reason = f"NUL BYTE: a NUL (0x00) byte at column {column} of the record; the record is rejected"
        self.repair.lost[number] = LostRecord(
            self._field(where.field_index), reason, raw.replace("\x00", "\\0")
        )
        out.write(self.placeholder + first[len(first.rstrip("\r\n")) :])
        for line_number, line in rest:
            self.repair.blanked.add(line_number)
            out.write(line[len(line.rstrip("\r\n")) :])
