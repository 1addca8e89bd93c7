"""Physical lines of a text file as an editor shows them, whatever its line breaks.

Python splits binary files on LF only; a classic-Mac export breaks lines with a lone CR, which
DuckDB reads as a line break too. Every place that names a line (rejects, errors) reads lines
through ``physical_lines`` so its numbers match DuckDB's records and the engineer's editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

CHUNK_BYTES = 1 << 20
_BREAK = re.compile(rb"\r\n|\r|\n")


def cr_only(head: bytes) -> bool:
    """Lines break with a lone CR: the start of the file holds a CR and no LF at all."""
    return b"\r" in head and b"\n" not in head


def physical_lines(path: Path) -> Iterator[bytes]:
    """Each line of ``path`` with its line break (LF, CRLF or a lone CR) still attached."""
    with path.open("rb") as handle:
        head = handle.read(CHUNK_BYTES)
        handle.seek(0)
        if not cr_only(head):
            yield from handle  # LF and CRLF: the fast native split
            return
        pending = b""
        while chunk := handle.read(CHUNK_BYTES):
            data = pending + chunk
            start = 0
            for match in _BREAK.finditer(data):
                if match.end() == len(data) and data.endswith(b"\r"):
                    break  # a CR at the chunk's end may be the first half of a CRLF
                yield data[start : match.end()]
                start = match.end()
            pending = data[start:]
        if pending:
            yield pending


def has_empty_line(path: Path) -> bool:
    """Some line of ``path`` is empty (two line breaks in a row): only then are blank lines looked
    for. A byte search, far cheaper than reading lines; it holds the GIL, so callers run it beside
    a DuckDB read, which does not."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            if _breaks_twice(tail + chunk[:2]) or _breaks_twice(chunk):
                return True
            tail = chunk[-2:]
    return False


def _breaks_twice(data: bytes) -> bool:
    if b"\n\n" in data:
        return True
    # a file without a CR (one memchr) spares the two other searches
    return b"\r" in data and (b"\n\r\n" in data or b"\r\r" in data)


def line_breaks(text: str) -> int:
    """How many line breaks (LF, CRLF or lone CR) ``text`` holds."""
    return len(re.findall(r"\r\n|\r|\n", text))
