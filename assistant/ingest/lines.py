"""Physical lines of a text file as an editor shows them, whatever its line breaks.

Python splits binary files on LF only; a classic-Mac export breaks lines with a lone CR, which
DuckDB reads as a line break too. Every place that names a line (rejects, errors) reads lines
through ``physical_lines`` so its numbers match DuckDB's records and the engineer's editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

CHUNK_BYTES = 1 << 20
LF, CR = 10, 13
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
    import numpy as np  # here, not at import: only this check of ingest uses it

    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            # the two bytes before the chunk: a pattern across the seam is found whole
            joined = tail + chunk
            if _breaks_twice(np.frombuffer(joined, dtype=np.uint8), b"\r" in joined):
                return True
            tail = joined[-2:]
    return False


def _breaks_twice(data: np.ndarray[Any, np.dtype[np.uint8]], has_cr: bool) -> bool:
    """Array arithmetic over the line breaks alone: searching the bytes for each pattern costs
    several times more, a line break being a common byte (and every line's end in a CRLF file)."""
    import numpy as np

    lf = np.flatnonzero(data[:-1] == LF)
    after_lf = data[lf + 1]
    if (after_lf == LF).any():
        return True
    if not has_cr:
        return False
    lf_cr = lf[after_lf == CR]
    lf_cr = lf_cr[lf_cr + 2 < data.size]
    if (data[lf_cr + 2] == LF).any():
        return True
    cr = np.flatnonzero(data[:-1] == CR)
    return bool((data[cr + 1] == CR).any())


def line_breaks(text: str) -> int:
    """How many line breaks (LF, CRLF or lone CR) ``text`` holds."""
    return len(re.findall(r"\r\n|\r|\n", text))
