"""CSV/TSV ingestion: encodings, delimiters, quoting, header repair, lossless text, _row numbers."""

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


def test_utf8_comma_csv_loads_every_value_as_text(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "clients.csv"
    src.write_text("id,name,amount,empty\n007,Ana,1.50,\n8,Bob,2,x\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.status, result.rows, result.columns, result.delimiter) == ("loaded", 2, 4, ",")
    assert rows(ws, 'SELECT id, name, amount, empty, _row FROM raw."clients" ORDER BY _row') == [
        ("007", "Ana", "1.50", "", 1),
        ("8", "Bob", "2", "x", 2),
    ]
    types = rows(ws, "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_name = 'clients'"
                 " AND NOT starts_with(column_name, '_')")  # fmt: skip
    assert types == [("VARCHAR",)]


def test_utf8_bom_is_not_part_of_the_first_header(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "bom.csv"
    src.write_bytes("\ufeffid,nombre\n1,Peña\n".encode())
    result = ingest_paths(ws, [src]).by_object("bom")
    assert result.encoding == "utf-8-sig"
    assert rows(ws, 'SELECT id, nombre FROM raw."bom"') == [("1", "Peña")]


def test_cp1252_spanish_export_round_trips_exactly(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "Clientes Export.csv"
    text = 'Nombre;Importe;Nota\r\n"Señora Muñoz";1.234,56;"Pagó 50 € — sí"\r\nJosé Ñandú;0,5;\r\n'
    src.write_bytes(text.encode("cp1252"))
    result = ingest_paths(ws, [src]).by_object("clientes_export")
    assert (result.encoding, result.delimiter, result.rows) == ("cp1252", ";", 2)
    assert rows(ws, 'SELECT "Nombre", "Importe", "Nota" FROM raw.clientes_export ORDER BY _row') == [
        ("Señora Muñoz", "1.234,56", "Pagó 50 € — sí"),
        ("José Ñandú", "0,5", ""),
    ]


def test_quoted_newlines_commas_and_quotes_stay_in_one_value(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "notes.csv"
    src.write_text('id,body\n1,"line one\nline two, with ""quotes"""\n2,plain\n', encoding="utf-8")
    ingest_paths(ws, [src])
    assert rows(ws, "SELECT body, _row FROM raw.notes ORDER BY _row") == [
        ('line one\nline two, with "quotes"', 1),
        ("plain", 2),
    ]


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semi"), ("\t", "tabs"), ("|", "pipes")])
def test_delimiter_is_detected(ws: Workspace, tmp_path: Path, delimiter: str, name: str) -> None:
    src = tmp_path / f"{name}.tsv"
    src.write_text(delimiter.join(["a", "b,c", "d"]) + "\n" + delimiter.join(["1", "2,5", "3"]) + "\n")
    result = ingest_paths(ws, [src]).by_object(name)
    assert result.delimiter == delimiter
    assert rows(ws, f'SELECT a, "b,c", d FROM raw.{name}') == [("1", "2,5", "3")]


def test_blank_and_duplicate_headers_get_unique_names_and_are_reported(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "dupes.csv"
    src.write_text("name,Name,,email\nA,B,C,D\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("dupes")
    cols = rows(
        ws,
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'dupes'"
        " ORDER BY ordinal_position",
    )
    assert [c[0] for c in cols] == ["name", "Name_2", "column_3", "email", "_row", "_load_id"]
    assert any("Name_2" in note for note in result.notes)
    assert any("column_3" in note and "blank" in note for note in result.notes)


def test_ragged_rows_go_to_rejects_and_row_numbers_stay_file_record_numbers(
    ws: Workspace, tmp_path: Path
) -> None:
    src = tmp_path / "ragged.csv"
    src.write_text("id,name,city\n1,Ana,Madrid\n2,Bob\n3,Cy,Lima,extra\n4,Dee,Quito\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("ragged")
    assert (result.rows, result.rejected) == (2, 2)
    assert rows(ws, "SELECT id, _row FROM raw.ragged ORDER BY _row") == [("1", 1), ("4", 4)]
    rejects = rows(ws, 'SELECT line, "column", reason, raw, path FROM meta.rejects ORDER BY line')
    assert [(r[0], r[3]) for r in rejects] == [(3, "2,Bob"), (4, "3,Cy,Lima,extra")]
    assert "MISSING COLUMNS" in rejects[0][2] and rejects[0][1] == "city"
    assert "TOO MANY COLUMNS" in rejects[1][2]
    assert rejects[0][4] == str(src.resolve())
    loads = rows(ws, "SELECT row_count, rejected_count FROM meta.loads WHERE object = 'ragged'")
    assert loads == [(2, 2)]


def test_reject_line_is_the_physical_line_after_quoted_newlines(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "multi.csv"
    src.write_bytes(b'id,note\r\n1,"a\r\nb\r\nc"\r\n2,x,y\r\n3,z\r\n')
    result = ingest_paths(ws, [src]).by_object("multi")
    assert (result.rows, result.rejected) == (2, 1)
    [(line, reason, raw)] = rows(ws, "SELECT line, reason, raw FROM meta.rejects")
    assert (line, raw) == (5, "2,x,y")
    assert reason.startswith("TOO MANY COLUMNS") and reason.endswith("(data record 2)")
    assert rows(ws, "SELECT id, note, _row FROM raw.multi ORDER BY _row") == [
        ("1", "a\r\nb\r\nc", 1),
        ("3", "z", 3),
    ]


def test_blank_lines_are_not_records_and_row_numbers_stay_consistent(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "gaps.csv"
    src.write_text('\n\nid,note\n1,"x\n\ny"\n\n2,a,b\n3,c\n\n4,d\n', encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("gaps")
    # the ragged record and the two empty lines between records; not the empty line inside quotes
    assert (result.rows, result.rejected) == (3, 3)
    assert "2 blank line(s) above the header skipped" in result.notes
    assert rows(ws, "SELECT id, note, _row FROM raw.gaps ORDER BY _row") == [
        ("1", "x\n\ny", 1),
        ("3", "c", 3),
        ("4", "d", 4),
    ]
    rejects = rows(ws, "SELECT line, reason FROM meta.rejects ORDER BY line")
    assert [line for line, _ in rejects] == [7, 8, 10]
    assert rejects[1][1].endswith("(data record 2)")
    assert rejects[0][1] == rejects[2][1] == "blank row: empty line"
