"""Choosing a text encoding for non-UTF-8 files and transcoding them to UTF-8 in chunks.

DuckDB reads UTF-8 (and Latin-1) natively but not Windows-1252, which Spanish exports use; so
any file that is not valid UTF-8 is decoded here into a temporary UTF-8 copy: line by line
(``line_decoding``) when detected, chunk by chunk when the encoding is forced.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest.line_decoding import non_utf8_sample, transcode_lines
from assistant.ingest.scan import CHUNK_BYTES, FileScan, locate

SAMPLE_BYTES = 256 * 1024


def choose_encoding(scan: FileScan, forced: str | None) -> str:
    """The codec name for a forced encoding, a UTF-16 file or a UTF-8 one (with or without BOM)."""
    if forced:
        try:
            return codecs.lookup(forced).name
        except LookupError as exc:
            raise InputError(f"unknown encoding {forced!r}", file=str(scan.path)) from exc
    if scan.utf16:
        return "utf-16"
    return "utf-8-sig" if scan.has_bom else "utf-8"


def fallback_encoding(scan: FileScan) -> str:
    """The single-byte encoding of the lines that are not UTF-8, detected from those lines alone."""
    sample = non_utf8_sample(scan.path, SAMPLE_BYTES)
    # Exports in this domain are Western (Spanish, US): Windows-1252 wins whenever it decodes the
    # sample, because statistical detection on short Spanish text often picks cp1250 (ñ -> ń).
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(sample).best()
    guess = codecs.lookup(best.encoding).name if best else None
    for name in ("cp1252", *([guess] if guess and guess != "utf-8" else []), "latin_1"):
        if _decodes(sample, name):
            return name
    line, column = locate(scan.path, scan.first_bad_byte or 0)
    raise InputError(
        "undecodable byte: not UTF-8 and no known encoding fits (set --encoding)",
        file=str(scan.path),
        line=line,
        column=column,
    )


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def transcode_to_utf8(source: Path, encoding: str, target: Path) -> None:
    """Write ``source`` decoded with ``encoding`` to ``target`` as UTF-8, a chunk at a time."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with source.open("rb") as src, target.open("w", encoding="utf-8", newline="") as dst:
        while True:
            chunk = src.read(CHUNK_BYTES)
            try:
                dst.write(decoder.decode(chunk, final=not chunk))
            except UnicodeDecodeError as exc:
                line, column = locate(source, offset + exc.start)
                raise InputError(
                    f"undecodable byte 0x{exc.object[exc.start]:02x} for encoding {encoding}",
                    file=str(source),
                    line=line,
                    column=column,
                ) from exc
            if not chunk:
                return
            offset += len(chunk)


def readable_utf8(scan: FileScan, forced: str | None, tmpdir: Path) -> tuple[str, Path, list[str]]:
    """The file's encoding, a UTF-8 path to read (the file itself or a transcoded copy) and notes.

    A file that is not UTF-8 (and no encoding is forced) is decoded line by line: UTF-8 where a
    line is UTF-8, the detected fallback elsewhere; a file mixing both says so, with line numbers.
    """
    target = tmpdir / f"{scan.path.stem}.utf8{scan.path.suffix}"
    if not forced and not scan.utf16 and not scan.is_utf8:
        fallback = fallback_encoding(scan)
        decoding = transcode_lines(scan.path, fallback, target)
        if decoding.mixed:
            return f"utf-8+{fallback}", target, [decoding.note()]
        return fallback, target, []
    encoding = choose_encoding(scan, forced)
    if encoding not in ("utf-8", "utf-8-sig"):
        transcode_to_utf8(scan.path, encoding, target)
        return encoding, target, []
    if not scan.is_utf8:  # UTF-8 was forced on a file that is not UTF-8
        bad = scan.first_bad_byte or 0
        line, column = locate(scan.path, bad)
        with scan.path.open("rb") as handle:
            handle.seek(bad)
            byte = handle.read(1)
        raise InputError(
            f"undecodable byte 0x{byte.hex()} for encoding {encoding}",
            file=str(scan.path),
            line=line,
            column=column,
        )
    return encoding, scan.path, []
