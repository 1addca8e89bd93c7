"""Line breaks: a classic-Mac export (lone CR) loads like any other, and rejects name its lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths
from assistant.ingest.lines import physical_lines
from assistant.ingest.scan import locate
from assistant.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql).fetchall()


def test_cr_only_csv_loads_with_values_rejects_and_lines(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "mac.csv"
    src.write_bytes(b'\rid;name\r1;Ana\r2;"B\rob"\r\r3;Cy;extra\r4;Dee\r')
    result = ingest_paths(ws, [src]).by_object("mac")
    assert (result.status, result.delimiter, result.rows, result.rejected) == ("loaded", ";", 3, 2)
    assert "1 blank line(s) above the header skipped" in result.notes
    assert rows(ws, "SELECT id, name, _row FROM raw.mac ORDER BY _row") == [
        ("1", "Ana", 1),
        ("2", "B\rob", 2),
        ("4", "Dee", 4),
    ]
    rejects = rows(ws, "SELECT line, reason, raw FROM meta.rejects ORDER BY line")
    assert [(line, raw) for line, _, raw in rejects] == [(6, ""), (7, "3;Cy;extra")]
    assert rejects[0][1] == "blank row: empty line"
    assert rejects[1][1].startswith("TOO MANY COLUMNS") and rejects[1][1].endswith("(data record 3)")


def test_physical_lines_split_a_crlf_pair_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.ingest.lines as lines

    monkeypatch.setattr(lines, "CHUNK_BYTES", 4)
    src = tmp_path / "x.csv"
    src.write_bytes(b"ab\rc\r\nd\r\re")  # the chunk "ab\rc" / "\r\nd\r" / "\re"
    assert list(physical_lines(src)) == [b"ab\r", b"c\r\n", b"d\r", b"\r", b"e"]


def test_error_location_counts_cr_lines(tmp_path: Path) -> None:
    src = tmp_path / "x.csv"
    src.write_bytes(b"a,b\r1,2\r3,x\x00\r")
    assert locate(src, src.read_bytes().index(b"\x00")) == (3, 4)
