"""Bad input: each whole-file problem names the file (and line/column where there is one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.ingest import ingest_paths
from assistant.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def failure(ws: Workspace, src: Path) -> str:
    [result] = ingest_paths(ws, [src]).results
    assert result.status == "failed"
    assert result.error is not None
    return result.error


def test_missing_path_raises_before_anything_loads(ws: Workspace, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("a\n1\n")
    with pytest.raises(InputError, match=r"nope\.csv: path not found"):
        ingest_paths(ws, [good, tmp_path / "nope.csv"])
    assert not ws.table_exists("raw", "good")


def test_empty_file(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "empty.csv"
    src.write_bytes(b"")
    assert failure(ws, src) == f"{src.resolve()}: file is empty"


def test_binary_file_names_line_and_column_of_the_first_nul_byte(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "dump.csv"
    src.write_bytes(b"a,b\n1,2\nxy" + b"\x00\x01\x02\x00" * 40)
    assert (
        failure(ws, src) == f"{src.resolve()}, line 3, column 3: binary content (NUL bytes); not a text file"
    )


def test_known_binary_format_is_named(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "photo.csv"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)))
    assert failure(ws, src) == f"{src.resolve()}: binary content (a PNG image); not a text file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_file(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "locked.csv"
    src.write_text("a\n1\n")
    src.chmod(0)
    assert "cannot read file" in failure(ws, src)


def test_unreadable_file_is_reported_when_open_fails(ws: Workspace, tmp_path: Path) -> None:
    # a directory named like a source file cannot be opened as one (works for root too)
    src = tmp_path / "folder.csv"
    src.mkdir()
    (src / "inner.csv").write_text("a\n1\n")
    [result] = ingest_paths(ws, [src]).results  # a folder is expanded: its files load
    assert result.object == "inner" and result.status == "loaded"
    from assistant.ingest.scan import scan_file

    with pytest.raises(InputError, match="cannot read file"):
        scan_file(src)


def test_undecodable_byte_with_forced_encoding_names_line_and_column(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws", {"ingest": {"encoding": "cp1252"}}).ensure()
    src = tmp_path / "bad.csv"
    src.write_bytes(b"id,name\n1,ok\n2,ab\x81c\n")  # 0x81 is undefined in Windows-1252
    assert failure(ws, src) == f"{src.resolve()}, line 3, column 5: undecodable byte 0x81 for encoding cp1252"


def test_undecodable_byte_with_forced_utf8_names_line_and_column(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws", {"ingest": {"encoding": "utf-8"}}).ensure()
    src = tmp_path / "bad.ndjson"
    src.write_bytes(b'{"a": "ok"}\n{"a": "\xff"}\n')
    assert failure(ws, src) == f"{src.resolve()}, line 2, column 8: undecodable byte 0xff for encoding utf-8"


def test_unsupported_extension_and_name_collision(ws: Workspace, tmp_path: Path) -> None:
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"unsupported file type '\.pdf'"):
        ingest_paths(ws, [pdf])
    (tmp_path / "clients.csv").write_text("a\n1\n")
    (tmp_path / "clients.json").write_text("[]")
    with pytest.raises(InputError, match="would load raw table 'clients'"):
        ingest_paths(ws, [tmp_path / "clients.csv", tmp_path / "clients.json"])


def test_a_failed_file_does_not_stop_the_others(ws: Workspace, tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_bytes(b"")
    good.write_text("a\n1\n")
    summary = ingest_paths(ws, [bad, good])
    assert [(r.object, r.status) for r in summary.results] == [("bad", "failed"), ("good", "loaded")]
    assert [r.object for r in summary.failed] == ["bad"]


def test_unexpected_reader_error_is_one_line_not_a_traceback(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    import assistant.ingest.loader as loader

    def broken(ctx: object, obj: str) -> None:
        raise csv.Error("new-line character seen in unquoted field\n- do you need universal-newline mode?")

    monkeypatch.setattr(loader, "load_csv", broken)
    src = tmp_path / "odd.csv"
    src.write_text("a\n1\n")
    assert failure(ws, src) == (
        f"{src.resolve()}: cannot read the file (Error: new-line character seen in unquoted field"
        " - do you need universal-newline mode?)"
    )
