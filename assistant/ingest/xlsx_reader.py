"""XLSX workbooks, streamed sheet by sheet (openpyxl read-only), each sheet into its own raw table.

Cells arrive typed from openpyxl; they are written back as text: numbers in their shortest exact
form, dates in ISO 8601, booleans as true/false, empty cells as NULL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from openpyxl import load_workbook

from assistant.errors import InputError
from assistant.ingest.context import LoadContext, ObjectLoad
from assistant.ingest.naming import object_name, unique_columns
from assistant.ingest.record_writer import RecordWriter


def load_xlsx(ctx: LoadContext, obj: str) -> list[ObjectLoad]:
    try:
        book = load_workbook(ctx.scan.path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged archive fails in zipfile, XML parsers, openpyxl, ...
        raise InputError(f"not a readable XLSX workbook ({_why(exc)})", file=ctx.path) from exc
    try:
        sheets = book.worksheets
        loads = []
        for sheet in sheets:
            name = obj if len(sheets) == 1 else f"{obj}_{object_name(sheet.title)}"
            loads.append(_load_sheet(ctx, name, _sheet_rows(ctx, sheet)))
        return loads
    finally:
        book.close()


def _sheet_rows(ctx: LoadContext, sheet: Any) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows; a damaged sheet part (read lazily) becomes an error naming sheet and row."""
    number = 0
    try:
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):  # noqa: B007
            yield row
    except Exception as exc:
        where = f"sheet {sheet.title!r} is damaged after row {number}"
        raise InputError(f"{where} ({_why(exc)})", file=ctx.path, line=number + 1) from exc


def _why(exc: Exception) -> str:
    text = str(exc).strip().strip('"')
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _load_sheet(ctx: LoadContext, obj: str, rows: Any) -> ObjectLoad:
    writer = RecordWriter(ctx, obj)
    rejects = ctx.rejects(obj)
    header = next(rows, None) or ()
    cells = [cell_text(c) or "" for c in header]
    while cells and not cells[-1].strip():  # trailing blank header cells are formatting, not columns
        cells.pop()
    columns = unique_columns(cells)
    width = len(columns.names)
    blank: list[int] = []  # blank rows wait until a filled row follows: trailing ones are formatting
    for number, row in enumerate(rows, start=2):
        values = [cell_text(c) for c in row]
        if all(v is None or not v.strip() for v in values):
            blank.append(number)
            continue
        for line in blank:
            rejects.add(line, None, "blank row: every cell is empty", "")
        blank.clear()
        if any(v not in (None, "") for v in values[width:]):
            raw = "\t".join(v or "" for v in values)
            rejects.add(number, f"field {width + 1}", f"TOO MANY COLUMNS: expected {width}", raw)
            continue
        writer.write(
            dict(zip(columns.names, values[:width] + [None] * (width - len(values)), strict=True)), number - 1
        )
    rejects.flush()
    tables = writer.finish()
    notes = columns.renamed + writer.notes
    return ObjectLoad(obj, [ctx.table_result(t) for t in tables], rejects.count, notes=notes)


def cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)
