"""Blank rows (every field empty, or an empty line between records) are rejects, never data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths
from assistant.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql, params or []).fetchall()


def test_all_empty_fields_row_is_rejected_with_its_line_and_row_numbers_keep_counting(
    ws: Workspace, tmp_path: Path
) -> None:
    src = tmp_path / "contacts.csv"
    src.write_text("id,name,email\n1,Ana,a@x.es\n,,\n2,Bob,b@x.es\n , \t,\n3,Cy,c@x.es\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("contacts")
    assert (result.rows, result.rejected) == (3, 2)
    assert rows(ws, "SELECT id, _row FROM raw.contacts ORDER BY _row") == [("1", 1), ("2", 3), ("3", 5)]
    rejects = rows(ws, 'SELECT line, "column", reason, raw FROM meta.rejects ORDER BY line')
    assert rejects == [
        (3, None, "blank row: every field is empty (data record 2)", ",,"),
        (5, None, "blank row: every field is empty (data record 4)", " , \t,"),
    ]
    [(counted,)] = rows(ws, "SELECT rejected_count FROM meta.loads WHERE object = 'contacts'")
    assert counted == 2


def test_row_with_one_filled_field_is_data(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "sparse.csv"
    src.write_text("a;b;c\n;;x\n;;\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("sparse")
    assert (result.rows, result.rejected) == (1, 1)
    assert rows(ws, "SELECT a, b, c, _row FROM raw.sparse") == [("", "", "x", 1)]


def test_trailing_empty_lines_are_the_file_end_not_rows(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "tail.csv"
    src.write_text("a,b\n1,2\n\n\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("tail")
    assert (result.rows, result.rejected) == (1, 0)


def _manifest_blank_lines() -> list[tuple[str, str, int]]:
    """(fixture folder, file, physical line) of every deliberate blank row in the fixtures."""
    cases = []
    for manifest in sorted(FIXTURES.glob("*/manifest.json")):
        for file, bad in (json.loads(manifest.read_text()).get("bad_lines") or {}).items():
            cases += [(manifest.parent.name, file, line) for line in bad.get("blank_lines", [])]
    return cases


def test_fixtures_declare_blank_rows() -> None:
    assert len(_manifest_blank_lines()) >= 9


@pytest.mark.parametrize("platform", sorted({c[0] for c in _manifest_blank_lines()}))
def test_fixture_blank_rows_land_in_rejects(ws: Workspace, platform: str) -> None:
    summary = ingest_paths(ws, [FIXTURES / platform / "source"])
    assert not summary.failed
    for _, file, line in [c for c in _manifest_blank_lines() if c[0] == platform]:
        obj = Path(file).stem
        found = rows(ws, "SELECT reason FROM meta.rejects WHERE object = ? AND line = ?", [obj, line])
        assert [r[0][:9] for r in found] == ["blank row"], (file, line)
        blank_data = " AND ".join(
            f"trim(\"{c}\") = ''"
            for (c,) in rows(
                ws,
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'raw' "
                "AND table_name = ? AND NOT starts_with(column_name, '_')",
                [obj],
            )
        )
        assert rows(ws, f"SELECT count(*) FROM raw.{obj} WHERE {blank_data}") == [(0,)]


def test_fixture_record_counts_exclude_blank_rows(ws: Workspace) -> None:
    manifest = json.loads((FIXTURES / "contractor_plus" / "manifest.json").read_text())
    summary = ingest_paths(ws, [FIXTURES / "contractor_plus" / "source" / "clients.csv"])
    clients = summary.by_object("clients")
    ragged = len(manifest["bad_lines"]["clients.csv"]["ragged_lines"])
    # the ragged lines (a company name with an unquoted comma, cut short) are read back, not rejected
    assert clients.rows == manifest["record_counts"]["clients.csv"] + ragged
    assert (clients.rejected, clients.repaired) == (3, ragged)


def test_blank_sheet_rows_between_records_are_rejects_trailing_ones_are_not(
    ws: Workspace, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["id", "name"], [1, "Ana"], [None, "  "], [2, "Bob"], [], [None, None]):
        sheet.append(row)
    src = tmp_path / "people.xlsx"
    book.save(src)
    result = ingest_paths(ws, [src]).by_object("people")
    assert (result.rows, result.rejected) == (2, 1)
    assert rows(ws, "SELECT line, reason FROM meta.rejects") == [(3, "blank row: every cell is empty")]
    assert rows(ws, "SELECT id, _row FROM raw.people ORDER BY _row") == [("1", 1), ("2", 3)]
