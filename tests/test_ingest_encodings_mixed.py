"""Files mixing UTF-8 and Windows-1252 lines: each line decoded the way it was written, and said so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths
from assistant.ingest.line_decoding import transcode_lines
from assistant.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql).fetchall()


def mixed_bytes() -> bytes:
    utf8 = ["id,name", "1,José", "2,Álvaro Íñiguez"]  # Á and Í hold bytes Windows-1252 leaves undefined
    cp1252 = ["3,Peña", "4,Müller"]
    return (
        ("\n".join(utf8) + "\n").encode() + ("\n".join(cp1252) + "\n").encode("cp1252") + "5,Zoë\n".encode()
    )


def test_mixed_csv_keeps_every_name_and_lists_the_fallback_lines(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_bytes(mixed_bytes())
    result = ingest_paths(ws, [src]).by_object("people")
    assert (result.status, result.rows, result.encoding) == ("loaded", 5, "utf-8+cp1252")
    assert rows(ws, "SELECT name FROM raw.people ORDER BY _row") == [
        ("José",),
        ("Álvaro Íñiguez",),
        ("Peña",),
        ("Müller",),
        ("Zoë",),
    ]
    [note] = [n for n in result.notes if n.startswith("mixed encodings")]
    assert "2 line(s) are not UTF-8 and were read as cp1252 (lines 4, 5)" in note
    stored = rows(ws, "SELECT encoding, notes FROM meta.loads WHERE object = 'people'")
    assert stored[0][0] == "utf-8+cp1252" and note in json.loads(stored[0][1])


def test_mixed_ndjson_is_decoded_per_line_too(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "people.ndjson"
    src.write_bytes('{"name": "José"}\n'.encode() + '{"name": "Peña"}\n'.encode("cp1252"))
    result = ingest_paths(ws, [src]).by_object("people")
    assert result.encoding == "utf-8+cp1252"
    assert rows(ws, "SELECT name FROM raw.people ORDER BY _row") == [("José",), ("Peña",)]


def test_single_byte_file_is_not_called_mixed(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "old.csv"
    src.write_bytes("id,name\n1,Peña\n2,plain\n".encode("cp1252"))
    result = ingest_paths(ws, [src]).by_object("old")
    assert result.encoding == "cp1252" and not [n for n in result.notes if "mixed" in n]
    assert rows(ws, "SELECT name FROM raw.old ORDER BY _row") == [("Peña",), ("plain",)]


def test_line_numbers_count_across_blocks_and_cr_only_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.ingest.line_decoding as decoding

    monkeypatch.setattr(decoding, "CHUNK_BYTES", 8)
    src, out = tmp_path / "mac.csv", tmp_path / "out.csv"
    src.write_bytes(b"a\r" + "é\r".encode() + b"x\r" * 5 + "ñ\r".encode("cp1252") + "ü\r".encode())
    result = transcode_lines(src, "cp1252", out)
    assert (result.fallback_lines, result.fallback_count, result.utf8_count) == ([8], 1, 2)
    assert out.read_bytes().decode() == "a\ré\r" + "x\r" * 5 + "ñ\rü\r"
