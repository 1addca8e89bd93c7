"""Report CSVs never hand a spreadsheet a formula: cells a spreadsheet would run are prefixed with '."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from assistant.execute.diff import DiffRow, write_reports
from assistant.report_csv import safe_cell, write_report_csv

HOSTILE = ['=HYPERLINK("http://x","y")', "+34 600", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_starts_are_prefixed(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ana", "", "1.5", "a=b", "x-y", "'quoted", " =space first"])
def test_other_cells_stay_as_they_are(value: str) -> None:
    assert safe_cell(value) == value


def test_non_text_cells_become_text() -> None:
    assert [safe_cell(v) for v in (None, True, 7, -7)] == ["", "True", "7", "'-7"]


def test_write_report_csv_prefixes_rows_but_keeps_header_and_quoting(tmp_path: Path) -> None:
    path = write_report_csv(tmp_path / "r.csv", ["name", "note"], [["=cmd|' /C calc'!A0", 'say "hi", ok']])
    assert list(csv.reader(path.open(encoding="utf-8"))) == [
        ["name", "note"],
        ["'=cmd|' /C calc'!A0", 'say "hi", ok'],
    ]


def test_sample_diff_csv_carries_no_formula(tmp_path: Path) -> None:
    rows = [DiffRow("contact", "C1", "hl1", "firstName", "=1+1", "=1+1", "@evil", False)]
    _, csv_path = write_reports(rows, tmp_path, "run1")
    [row] = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    cells = (row["source"], row["expected"], row["actual"], row["match"])
    assert cells == ("'=1+1", "'=1+1", "'@evil", "False")
