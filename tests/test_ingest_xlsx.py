"""XLSX workbooks: one table per sheet, typed cells back to text, ragged rows rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from assistant.ingest import ingest_paths
from assistant.workspace import Workspace


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql).fetchall()


def test_each_sheet_is_a_table_and_cells_become_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Clients"
    sheet.append(["id", "name", "", "name", "amount", "since", "active"])
    sheet.append([1, "Señora Muñoz", None, "x", 1234.56, dt.datetime(2025, 1, 15, 9, 30), True])
    sheet.append([])
    sheet.append([2, "Bob", None, "y", 3, None, False, None, "stray"])
    sheet.append([3, "Cy"])
    book.create_sheet("Work Orders").append(["ref"])
    src = tmp_path / "export.xlsx"
    book.save(src)
    ws = Workspace(tmp_path / "ws").ensure()
    summary = ingest_paths(ws, [src])
    assert [(r.object, r.rows, r.rejected) for r in summary.results] == [
        ("export_Clients", 2, 2),
        ("export_work_orders", 0, 0),
    ]
    assert rows(ws, 'SELECT id, name, column_3, name_2, amount, since, active, _row FROM raw."export_Clients"'
                " ORDER BY _row") == [
        ("1", "Señora Muñoz", None, "x", "1234.56", "2025-01-15T09:30:00", "true", 1),
        ("3", "Cy", None, None, None, None, None, 4),
    ]  # fmt: skip
    assert rows(ws, 'SELECT line, "column", reason, raw FROM meta.rejects ORDER BY line') == [
        (3, None, "blank row: every cell is empty", ""),
        (4, "field 8", "TOO MANY COLUMNS: expected 7", "2\tBob\t\ty\t3\t\tfalse\t\tstray"),
    ]


def test_single_sheet_workbook_is_named_after_the_file(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["sku", "price"])
    sheet.append(["A-1", 9.99])
    src = tmp_path / "Products.xlsx"
    book.save(src)
    ws = Workspace(tmp_path / "ws").ensure()
    assert ingest_paths(ws, [src]).by_object("Products").rows == 1
    assert rows(ws, 'SELECT sku, price FROM raw."Products"') == [("A-1", "9.99")]


def test_corrupt_workbook_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "broken.xlsx"
    src.write_bytes(b"PK\x03\x04 not really a zip")
    ws = Workspace(tmp_path / "ws").ensure()
    [result] = ingest_paths(ws, [src]).results
    assert result.status == "failed" and result.error is not None
    assert result.error.startswith(f"{src.resolve()}: not a readable XLSX workbook")


def test_unchanged_workbook_reports_every_sheet_unchanged(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "A"
    first.append(["x"])
    first.append(["1"])
    book.create_sheet("B").append(["y"])
    src = tmp_path / "two.xlsx"
    book.save(src)
    ws = Workspace(tmp_path / "ws").ensure()
    ingest_paths(ws, [src])
    again = ingest_paths(ws, [src])
    assert [(r.object, r.status) for r in again.results] == [("two_A", "unchanged"), ("two_B", "unchanged")]
