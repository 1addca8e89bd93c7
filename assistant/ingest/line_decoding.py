"""Decoding a file that is not valid UTF-8 line by line: UTF-8 where a line is UTF-8, else a fallback.

Exports that were appended to by different tools mix encodings: most lines UTF-8, a few written
as Windows-1252. Decoding the whole file with one single-byte code page turns every UTF-8 "é"
into "Ã©"; decoding each line as UTF-8 first and falling back only for the lines that are not
keeps both kinds right, and the lines read with the fallback are reported by number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest.lines import CHUNK_BYTES, cr_only

LISTED_LINES = 20


@dataclass
class LineDecoding:
    fallback: str
    fallback_lines: list[int] = field(default_factory=list)
    """The first ``LISTED_LINES`` line numbers read with the fallback encoding."""
    fallback_count: int = 0
    utf8_count: int = 0
    """Lines with non-ASCII text that are valid UTF-8 (0: the file is in the fallback alone)."""

    @property
    def mixed(self) -> bool:
        return self.fallback_count > 0 and self.utf8_count > 0

    def note(self) -> str:
        shown = ", ".join(str(n) for n in self.fallback_lines)
        more = ", …" if self.fallback_count > len(self.fallback_lines) else ""
        return (
            f"mixed encodings: {self.fallback_count} line(s) are not UTF-8 and were read as "
            f"{self.fallback} (lines {shown}{more}); {self.utf8_count} other line(s) with accents "
            "are UTF-8 and were read as UTF-8"
        )


def line_blocks(path: Path) -> Iterator[tuple[int, bytes, bytes]]:
    """Blocks of whole lines: the number of the block's first line, the block, the line break."""
    with path.open("rb") as handle:
        head = handle.read(CHUNK_BYTES)
        handle.seek(0)
        brk = b"\r" if cr_only(head) else b"\n"
        line, pending = 1, b""
        while True:
            chunk = handle.read(CHUNK_BYTES)
            data = pending + chunk
            cut = data.rfind(brk) + 1 if chunk else len(data)
            block, pending = data[:cut], data[cut:]
            if block:
                yield line, block, brk
                line += block.count(brk)
            if not chunk:
                return


def non_utf8_sample(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes of the lines that are not valid UTF-8 (what the fallback must decode)."""
    sample = bytearray()
    for _, block, brk in line_blocks(path):
        if _is_utf8(block):
            continue
        for raw in _split(block, brk):
            if not _is_utf8(raw):
                sample += raw
        if len(sample) >= limit:
            break
    return bytes(sample)


def transcode_lines(source: Path, fallback: str, target: Path) -> LineDecoding:
    """Write ``source`` to ``target`` as UTF-8, each line read as UTF-8 or else as ``fallback``."""
    result = LineDecoding(fallback)
    with target.open("w", encoding="utf-8", newline="") as out:
        for first, block, brk in line_blocks(source):
            try:
                text = block.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_each_line(source, first, _split(block, brk), result)
            else:
                result.utf8_count += 0 if block.isascii() else _non_ascii_lines(block)
            out.write(text)
    return result


def _decode_each_line(source: Path, first: int, lines: list[bytes], result: LineDecoding) -> str:
    parts = []
    for number, raw in enumerate(lines, start=first):
        try:
            parts.append(raw.decode("utf-8"))
            result.utf8_count += 0 if raw.isascii() else 1
            continue
        except UnicodeDecodeError:
            pass
        try:
            parts.append(raw.decode(result.fallback))
        except UnicodeDecodeError as exc:
            raise InputError(
                f"undecodable byte 0x{raw[exc.start]:02x}: neither UTF-8 nor {result.fallback}"
                " (set --encoding)",
                file=str(source),
                line=number,
                column=exc.start + 1,
            ) from exc
        result.fallback_count += 1
        if len(result.fallback_lines) < LISTED_LINES:
            result.fallback_lines.append(number)
    return "".join(parts)


def _split(block: bytes, brk: bytes) -> list[bytes]:
    """The block's lines, each keeping its break (split on the file's own break only, so line
    numbers match the ones counted per block)."""
    parts = block.split(brk)
    return [part + brk for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _non_ascii_lines(block: bytes) -> int:
    return sum(1 for raw in block.splitlines() if not raw.isascii())


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
