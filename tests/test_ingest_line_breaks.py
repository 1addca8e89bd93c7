"""Line breaks: a classic-Mac export (lone CR) loads like any other, and rejects name its lines."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths, lines
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


def _breaks_twice_by_search(data: bytes) -> bool:
    """The definition the empty-line check keeps to: two line breaks in a row, as byte patterns."""
    return any(pattern in data for pattern in (b"\n\n", b"\n\r\n", b"\r\r"))


@pytest.mark.parametrize("chunk_bytes", [1, 2, 3, 5, 64])
@pytest.mark.parametrize("array_min_bytes", [0, lines.ARRAY_MIN_BYTES], ids=["arrays", "bytes"])
def test_empty_line_check_agrees_with_the_byte_patterns_across_chunks(
    tmp_path: Path, chunk_bytes: int, array_min_bytes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lines, "CHUNK_BYTES", chunk_bytes)
    monkeypatch.setattr(lines, "ARRAY_MIN_BYTES", array_min_bytes)
    rng = random.Random(chunk_bytes)
    texts = [bytes(rng.choice(b"ab,\r\n") for _ in range(rng.randint(1, 24))) for _ in range(400)]
    texts += [b"a\r\n\r\nb", b"a\n\nb", b"a\r\rb", b"a\r\nb\r\n", b"a\n\rb", b"\n", b"\r\n\r"]
    found = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.csv"
        path.write_bytes(text)
        found.append(lines.has_empty_line(path))
    assert found == [_breaks_twice_by_search(text) for text in texts]
    assert True in found and False in found
