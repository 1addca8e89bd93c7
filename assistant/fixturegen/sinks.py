"""Streaming writers: one record at a time, so a million-row fixture never sits in memory."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import TracebackType
from typing import Any, Self


class CsvSink:
    """Writes a CSV with a header, counting physical lines so the manifest can name them."""

    def __init__(
        self,
        path: Path,
        header: list[str],
        *,
        encoding: str = "utf-8",
        delimiter: str = ",",
        line_end: str = "\n",
        bom: bool = False,
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.width = len(header)
        self.records = 0  # data records written (what a reader sees as rows after the header)
        self.line = 0  # last physical line number written (1 = header)
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator=line_end)
        self._file = path.open("w", encoding=encoding, newline="")
        if bom:
            self._file.write("\ufeff")
        self.row(header, count=False)

    def row(self, values: list[Any], *, count: bool = True) -> int:
        """Write one record; returns its 1-based record number (0 for the header)."""
        self._writer.writerow(["" if v is None else v for v in values])
        self._emit(self._buffer.getvalue())
        if count:
            self.records += 1
        return self.records if count else 0

    def raw(self, text: str) -> int:
        """Write a line exactly as given (ragged or blank rows); returns its physical line number."""
        self._emit(text)
        self.records += 1
        return self.line

    def _emit(self, text: str) -> None:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._file.write(text)
        self.line += text.count("\n")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._file.close()


class JsonArraySink:
    """Writes a JSON array record by record (what an API dump per endpoint looks like)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.records = 0
        self._file = path.open("w", encoding="utf-8", newline="\n")
        self._file.write("[")

    def add(self, record: dict[str, Any]) -> None:
        # One compact record per line: greppable, diffable, and written by json's C encoder
        # (indent= falls back to the pure-Python one, ten times slower on million-row dumps).
        self._file.write(("," if self.records else "") + "\n" + json.dumps(record, ensure_ascii=False))
        self.records += 1

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._file.write("\n]\n" if self.records else "]\n")
        self._file.close()


def write_json(path: Path, data: Any) -> None:
    """Small documents (destination state, manifest, definitions) written in one go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
