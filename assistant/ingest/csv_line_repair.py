"""Lines DuckDB rejected for their field count, read back when the file's good rows single one out.

Three kinds, never told apart by a platform or a column name, only by the column shapes of the
same file's good rows (``column_shapes``):

- too many fields: an unquoted delimiter inside a value; the fields are re-joined;
- a line broken by an unquoted line break: it is joined with the next line;
- a line cut short: its fields fill the first columns, and the columns it lacks stay NULL (not
  the empty string an empty field gives), so they read as missing from the export.

Each repaired row takes its data record number as ``_row`` and is listed in ``meta.repairs`` with
its raw line and what was done; the rest stay rejects with their one line, as before.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field

from assistant.ingest.column_shapes import ColumnShape, column_shapes
from assistant.ingest.context import LoadContext
from assistant.ingest.csv_rejects import RejectedLine
from assistant.ingest.line_candidates import Reading, choose, continued
from assistant.ingest.naming import quote_ident

FIELD_COUNT_ERRORS = ("TOO MANY COLUMNS", "MISSING COLUMNS")
MIN_GOOD_ROWS = 20
"""Fewer good rows than this say too little about the columns to weigh a reading."""
SAMPLE_CELLS = 200_000


@dataclass
class RepairedRow:
    line: int
    record: int
    values: list[str | None]
    action: str
    note: str
    raw: str
    missing: list[str] = field(default_factory=list)


def repair_lines(
    ctx: LoadContext, obj: str, names: list[str], delimiter: str, rejected: list[RejectedLine]
) -> tuple[list[RepairedRow], list[RejectedLine]]:
    """The rows read back and the rejects that stay; nothing is written here."""
    wrong_count = [r for r in rejected if r.reason.startswith(FIELD_COUNT_ERRORS)]
    if not ctx.settings.repair_lines or not wrong_count:
        return [], rejected
    shapes = _shapes(ctx, obj, names, delimiter)
    if shapes is None:
        return [], rejected
    by_line = {r.place.line: r for r in wrong_count}
    repaired: list[RepairedRow] = []
    kept: list[RejectedLine] = []
    consumed: set[int] = set()
    for r in rejected:
        if r.place.line in consumed:
            continue
        if r.place.line not in by_line:
            kept.append(r)
            continue
        fields = _fields(r.raw, delimiter)
        following = by_line.get(r.place.line + 1)
        if following is not None and len(fields) < len(names):
            reading = continued(fields, _fields(following.raw, delimiter), shapes, delimiter)
            if reading is not None:
                consumed.add(following.place.line)
                repaired.append(_joined_lines(r, following, reading, names, len(fields) - 1))
                continue
        choice = choose(fields, shapes, delimiter)
        if choice.reading is None:
            kept.append(
                RejectedLine(r.place, r.column, f"{r.reason} (not repaired: {choice.why_not})", r.raw)
            )
        else:
            repaired.append(_read_back(r, len(fields), choice.reading, names, delimiter))
    return repaired, kept


def _shapes(ctx: LoadContext, obj: str, names: list[str], delimiter: str) -> list[ColumnShape] | None:
    limit = max(MIN_GOOD_ROWS, SAMPLE_CELLS // max(len(names), 1))
    columns = ", ".join(quote_ident(n) for n in names)
    rows = ctx.con.execute(f"SELECT {columns} FROM raw.{quote_ident(obj)} ORDER BY _row LIMIT ?", [limit])
    sample = rows.fetchall()
    if len(sample) < MIN_GOOD_ROWS:
        return None
    return column_shapes(names, sample, delimiter)


def _fields(raw: str, delimiter: str) -> list[str]:
    return next(csv.reader([raw], delimiter=delimiter, quotechar='"', doublequote=True), [])


def _joined_lines(
    first: RejectedLine, second: RejectedLine, reading: Reading, names: list[str], broken: int
) -> RepairedRow:
    """``broken``: the 0-based column whose value the line break cut (the first line's last field)."""
    note = (
        f"line {first.place.line} ends inside {names[broken]} and continues on line {second.place.line}"
        f" (an unquoted line break): the two lines joined into one row"
    )
    raw = first.raw + "\n" + second.raw
    return RepairedRow(first.place.line, first.place.record, list(reading.values), "joined-lines", note, raw)


def _read_back(
    r: RejectedLine, count: int, reading: Reading, names: list[str], delimiter: str
) -> RepairedRow:
    line, parts = r.place.line, []
    actions = []
    if reading.joins:
        spans = " and ".join(f"{a + 1}–{b + 1}" for a, b in reading.joins)
        columns = sorted({names[_column_of(reading, a)] for a, _ in reading.joins}, key=names.index)
        parts.append(
            f"re-joined fields {spans} of line {line}: an unquoted {delimiter!r} in {', '.join(columns)}"
        )
        actions.append("re-joined")
    present = len(reading.values)
    missing = names[present:]
    if missing:
        shown = ", ".join(missing[:5]) + (", …" if len(missing) > 5 else "")
        after = f" ({present} after re-joining)" if reading.joins else ""
        where = "the line" if reading.joins else f"line {line}"
        parts.append(
            f"{where} ends after field {count}{after} of {len(names)}: {len(missing)} fields"
            f" missing from the export, left empty as missing ({shown})"
        )
        actions.append("cut-short")
    values: list[str | None] = [*reading.values, *([None] * len(missing))]
    return RepairedRow(line, r.place.record, values, "+".join(actions), "; ".join(parts), r.raw, missing)


def _column_of(reading: Reading, first_field: int) -> int:
    """Which column the re-joined group starting at ``first_field`` fills."""
    shift = sum(b - a for a, b in reading.joins if a < first_field)
    return first_field - shift


def store_repairs(ctx: LoadContext, obj: str, names: list[str], repaired: list[RepairedRow]) -> None:
    """Insert the repaired rows at their record numbers and list each in ``meta.repairs``."""
    if not repaired:
        return
    table = f"raw.{quote_ident(obj)}"
    columns = ", ".join(quote_ident(n) for n in names)
    marks = ", ".join("?" for _ in range(len(names) + 2))
    ctx.con.executemany(
        f"INSERT INTO {table} ({columns}, _row, _load_id) VALUES ({marks})",
        [[*row.values, row.record, ctx.load_id] for row in repaired],
    )
    # the table stays in file order, as a clean file's table is
    ctx.con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM {table} ORDER BY _row")
    ctx.con.executemany(
        "INSERT INTO meta.repairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                ctx.load_id,
                obj,
                ctx.path,
                row.line,
                row.record,
                row.action,
                row.note,
                json.dumps(row.missing),
                row.raw,
            ]
            for row in repaired
        ],
    )
