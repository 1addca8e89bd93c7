"""Damaged workbooks: a junk archive named .xlsx fails with one line naming the file, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from assistant.ingest import ingest_paths
from assistant.workspace import Workspace
from tests.test_ingest_cli import make_app

CONTENT_TYPES = (
    "<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
    "<Override PartName='/xl/workbook.xml'"
    " ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'/></Types>"
)


def junk(path: Path, kind: str) -> None:
    if kind == "random bytes":
        path.write_bytes(os.urandom(3000))
        return
    with zipfile.ZipFile(path, "w") as archive:
        if kind == "zip without workbook":
            archive.writestr("hello.txt", "hi")
        elif kind == "broken content types":
            archive.writestr("[Content_Types].xml", "<junk")
        elif kind == "broken workbook part":
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("xl/workbook.xml", "garbage")


@pytest.mark.parametrize(
    "kind", ["random bytes", "zip without workbook", "broken content types", "broken workbook part"]
)
def test_junk_archive_named_xlsx_fails_with_one_line(tmp_path: Path, kind: str) -> None:
    src = tmp_path / "book.xlsx"
    junk(src, kind)
    [result] = ingest_paths(Workspace(tmp_path / "ws").ensure(), [src]).results
    assert result.status == "failed"
    assert result.error is not None and "\n" not in result.error
    assert result.error.startswith(f"{src.resolve()}: not a readable XLSX workbook (")


def test_damaged_sheet_names_the_sheet_and_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Clients"
    for n in range(5):
        sheet.append([f"id{n}", f"name{n}"])
    good = tmp_path / "good.xlsx"
    book.save(good)
    src = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(good) as original, zipfile.ZipFile(src, "w") as damaged:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: data.index(b'<row r="3"') + 20]  # cut inside the third row
            damaged.writestr(item, data)
    [result] = ingest_paths(Workspace(tmp_path / "ws").ensure(), [src]).results
    assert result.status == "failed"
    assert result.error is not None
    assert result.error.startswith(f"{src.resolve()}, line 3: sheet 'Clients' is damaged after row 2 (")


def test_cli_reports_the_junk_workbook_without_a_traceback(tmp_path: Path) -> None:
    src = tmp_path / "book.xlsx"
    junk(src, "broken content types")
    result = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(src), "--workspace", str(tmp_path / "ws")]
    )
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "not a readable XLSX workbook" in result.output
