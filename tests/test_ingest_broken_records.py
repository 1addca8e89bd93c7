"""An unclosed quote or a NUL byte costs its own record, never the rest of the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths
from assistant.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql).fetchall()


def test_quote_open_to_the_end_of_file_loses_only_its_line(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "quote.csv"
    src.write_bytes(b'id,name\n1,Ana\n2,"Bob\n3,Cy\n4,Dee\n5,Eve\n')
    result = ingest_paths(ws, [src]).by_object("quote")
    assert (result.status, result.rows, result.rejected) == ("loaded", 4, 1)
    assert rows(ws, "SELECT id, name, _row FROM raw.quote ORDER BY _row") == [
        ("1", "Ana", 1),
        ("3", "Cy", 3),
        ("4", "Dee", 4),
        ("5", "Eve", 5),
    ]
    [(line, column, reason, raw)] = rows(ws, 'SELECT line, "column", reason, raw FROM meta.rejects')
    assert (line, column, raw) == (3, "name", '2,"Bob')
    assert reason.startswith("BROKEN QUOTE: the quoted value opened on line 3, column 3 does not close")
    assert "reading resumes on line 4" in reason and reason.endswith("(data record 2)")
    assert "1 record(s) with a broken quote or a NUL byte rejected by line" in result.notes


def test_quote_closing_lines_later_resumes_after_the_opening_line(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "later.csv"
    src.write_bytes(b'id,name\n1,Ana\n2,"Bob\n3,Cy\n4,"Dee"\n5,Eve\n')
    result = ingest_paths(ws, [src]).by_object("later")
    assert (result.rows, result.rejected) == (4, 1)
    assert [r[0] for r in rows(ws, "SELECT id FROM raw.later ORDER BY _row")] == ["1", "3", "4", "5"]
    [(line, reason)] = rows(ws, "SELECT line, reason FROM meta.rejects")
    assert line == 3 and "on line 5 it closes at column 3, followed by 'D'" in reason


def test_every_line_that_still_does_not_parse_is_its_own_reject(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "note.csv"
    # the note's second line is a fragment: one field, so DuckDB rejects it on its own line
    src.write_bytes(
        b'id,name,note\n1,Ana,ok\n2,Bob,"first line\nsecond line\n3,Cy,ok\n4,Dee,"x"y\n5,Eve,ok\n'
    )
    result = ingest_paths(ws, [src]).by_object("note")
    assert [r[0] for r in rows(ws, "SELECT id FROM raw.note ORDER BY _row")] == ["1", "3", "5"]
    rejects = rows(ws, "SELECT line, reason FROM meta.rejects ORDER BY line")
    assert [line for line, _ in rejects] == [3, 4, 6]
    assert rejects[0][1].startswith("BROKEN QUOTE") and "MISSING COLUMNS" in rejects[1][1]
    assert rejects[2][1].startswith("BROKEN QUOTE")  # a quote closed then followed by text
    assert (result.rows, result.rejected) == (3, 3)


def test_legit_multiline_values_are_untouched_when_a_repair_runs(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "mixed.csv"
    src.write_bytes(b'id,note\n1,"a\nb ""q"", c"\n2,"open\n3,x\n')
    result = ingest_paths(ws, [src]).by_object("mixed")
    assert rows(ws, "SELECT id, note, _row FROM raw.mixed ORDER BY _row") == [
        ("1", 'a\nb "q", c', 1),
        ("3", "x", 3),
    ]
    assert result.rejected == 1 and rows(ws, "SELECT line FROM meta.rejects") == [(4,)]


def test_a_nul_byte_rejects_its_row_not_the_file(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "nul.csv"
    src.write_bytes(b'id,name,city\n1,Ana,Lima\n2,B\x00ob,Quito\n3,"multi\nli\x00ne",Cusco\n4,Dee,Puno\n')
    result = ingest_paths(ws, [src]).by_object("nul")
    assert (result.status, result.rows, result.rejected) == ("loaded", 2, 2)
    assert rows(ws, "SELECT id, _row FROM raw.nul ORDER BY _row") == [("1", 1), ("4", 4)]
    rejects = rows(ws, 'SELECT line, "column", reason, raw FROM meta.rejects ORDER BY line')
    assert [(r[0], r[1], r[3]) for r in rejects] == [
        (3, "name", "2,B\\0ob,Quito"),
        (4, "name", '3,"multi\nli\\0ne",Cusco'),
    ]
    assert rejects[0][
        2
    ] == "NUL BYTE: a NUL (0x00) byte at column 4 of the record; the record is rejected" + (
        " (data record 2)"
    )


def test_a_nul_byte_in_the_header_is_dropped_from_the_name(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "head.csv"
    src.write_bytes(b"na\x00me,city\nAna,Lima\nB\x00ob,Quito\n")
    result = ingest_paths(ws, [src]).by_object("head")
    assert (result.rows, result.rejected) == (1, 1)
    assert rows(ws, "SELECT name, city FROM raw.head") == [("Ana", "Lima")]
    assert "column 1: header 'na\\x00me' named 'name'" in result.notes
    assert rows(ws, 'SELECT line, "column" FROM meta.rejects') == [(3, "name")]
