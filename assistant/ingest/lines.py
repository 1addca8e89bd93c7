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
LF, CR = 10, 13
ARRAY_MIN_BYTES = 16 << 20
"""From this size on, the empty-line check looks at the line breaks as arrays: below it, numpy's
import (a tenth of a second) costs more than the byte searches it spares."""
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
    """Some line of ``path`` is empty (LF LF, LF CR LF or CR CR: two line breaks in a row); only then
    are blank lines looked for. Callers run it beside a DuckDB read, on a core the read leaves."""
    large = path.stat().st_size >= ARRAY_MIN_BYTES
    breaks_twice = _breaks_twice_in_arrays if large else _breaks_twice_in_bytes
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            # the two bytes before the chunk: a pattern across the seam is found whole
            joined = tail + chunk
            if breaks_twice(joined):
                return True
            tail = joined[-2:]
    return False


def _breaks_twice_in_bytes(data: bytes) -> bool:
    if b"\n\n" in data:
        return True
    # a file without a CR (one memchr) spares the two other searches
    return b"\r" in data and (b"\n\r\n" in data or b"\r\r" in data)


def _breaks_twice_in_arrays(data: bytes) -> bool:
    """Array arithmetic over the line breaks alone: each byte search costs several times more, a line
    break being a common byte (and every line's end in a CRLF file)."""
    import numpy as np  # here, not at import: only large files' check uses it

    array = np.frombuffer(data, dtype=np.uint8)
    lf = np.flatnonzero(array[:-1] == LF)
    after_lf = array[lf + 1]
    if (after_lf == LF).any():
        return True
    if b"\r" not in data:
        return False
    lf_cr = lf[after_lf == CR]
    lf_cr = lf_cr[lf_cr + 2 < array.size]
    if (array[lf_cr + 2] == LF).any():
        return True
    cr = np.flatnonzero(array[:-1] == CR)
    return bool((array[cr + 1] == CR).any())


def line_breaks(text: str) -> int:
    """How many line breaks (LF, CRLF or lone CR) ``text`` holds."""
    return len(re.findall(r"\r\n|\r|\n", text))
