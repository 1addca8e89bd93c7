"""One streaming pass over a source file: size, sha256, binary check and UTF-8 validity.

The hash is what later runs compare to tell an unchanged file from a changed one; the UTF-8
check decides whether DuckDB can read the file as it is or it must be transcoded first.
"""

from __future__ import annotations

import codecs
import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest.lines import physical_lines

CHUNK_BYTES = 1 << 20
BINARY_MIN_NULS = 16
BINARY_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive, such as an XLSX workbook"),
    (b"\xd0\xcf\x11\xe0", "an old Office file, such as an XLS workbook"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)
BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class FileScan:
    path: Path
    size_bytes: int
    sha256: str
    has_bom: bool
    is_utf8: bool
    first_bad_byte: int | None
    """Byte offset of the first byte that is not valid UTF-8 (None when the file is UTF-8)."""
    utf16: bool = False
    """The file starts with a UTF-16 byte-order mark (Excel's "Unicode text" export)."""
    nul_bytes: int = 0
    """NUL bytes in a text file (its rows holding them are rejected, not the whole file)."""


def scan_file(path: Path, *, text: bool = True) -> FileScan:
    """Hash ``path``; for text formats also reject binary content and check UTF-8 validity."""
    if not path.exists():
        raise InputError("file not found", file=str(path))
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", file=str(path)) from exc
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    size = 0
    first_bad: int | None = None
    head, nul_bytes = b"", 0
    digest = hashlib.sha256()
    hashed: Future[None] | None = None
    # hashlib lets go of the GIL on large updates: each chunk is hashed on another core while
    # this one checks it. One chunk in flight keeps the order and bounds the memory.
    with handle, ThreadPoolExecutor(max_workers=1) as hasher:
        while chunk := handle.read(CHUNK_BYTES):
            if not head:
                head = chunk[:4]
            if hashed is not None:
                hashed.result()
            hashed = hasher.submit(digest.update, chunk)
            if text and not head.startswith(UTF16_BOMS):
                if size == 0:
                    _reject_binary(path, chunk)
                if b"\x00" in chunk:  # a memchr; counting every chunk costs several times more
                    nul_bytes += chunk.count(b"\x00")
                if first_bad is None:
                    first_bad = _utf8_error_at(decoder, chunk, size)
            size += len(chunk)
        if hashed is not None:
            hashed.result()
    if size == 0:
        raise InputError("file is empty", file=str(path))
    utf16 = head.startswith(UTF16_BOMS)
    if text and not utf16 and first_bad is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            first_bad = size - 1
    is_utf8 = first_bad is None and not utf16
    return FileScan(
        path, size, digest.hexdigest(), head.startswith(BOM), is_utf8, first_bad, utf16, nul_bytes
    )


def _reject_binary(path: Path, first_chunk: bytes) -> None:
    """A file that starts like a known binary format, or whose start is dense with NUL bytes.

    A NUL byte or two in a text export is a damaged row (rejected on its own); a binary file has
    them everywhere, so a share of its first megabyte tells the two apart.
    """
    kind = next((name for magic, name in BINARY_MAGIC if first_chunk.startswith(magic)), None)
    nuls = first_chunk.count(b"\x00")
    if kind is None and (nuls < BINARY_MIN_NULS or nuls * 100 < len(first_chunk)):
        return
    line, column = locate(path, max(first_chunk.find(b"\x00"), 0)) if kind is None else (None, None)
    raise InputError(
        f"binary content ({kind or 'NUL bytes'}); not a text file", file=str(path), line=line, column=column
    )


def _utf8_error_at(decoder: codecs.IncrementalDecoder, chunk: bytes, offset: int) -> int | None:
    try:
        decoder.decode(chunk)
    except UnicodeDecodeError as exc:
        return offset + exc.start
    return None


def locate(path: Path, byte_offset: int) -> tuple[int, int]:
    """1-based line and byte column of ``byte_offset`` (re-reads the file up to it; errors only)."""
    line, line_start = 1, 0
    for raw in physical_lines(path):
        if line_start + len(raw) > byte_offset:
            break
        line, line_start = line + 1, line_start + len(raw)
    return line, byte_offset - line_start + 1
