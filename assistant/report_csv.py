"""CSV files the product writes for people to open (sample diffs, rejects, accounting exports).

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return, which they strip first) as a formula, so a source value such as
``=HYPERLINK(...)`` would execute on the engineer's machine. Every such cell is prefixed with a
single quote, as OWASP recommends for CSV exports; the csv module quotes the rest.

Use ``write_report_csv`` (or ``report_csv_writer`` for streamed rows) for every report CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """The cell's text, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class RowWriter(Protocol):
    def writerow(self, row: Iterable[Any]) -> None: ...


class _SafeWriter:
    def __init__(self, handle: Any) -> None:
        self._writer = csv.writer(handle)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])


@contextmanager
def report_csv_writer(path: Path, header: list[str]) -> Iterator[RowWriter]:
    """Open ``path`` as a UTF-8 report CSV with ``header`` written; every row's cells are made safe."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = _SafeWriter(handle)
        writer.writerow(header)
        yield writer


def write_report_csv(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> Path:
    """Write ``header`` and ``rows`` to ``path`` with every cell made safe; return ``path``."""
    with report_csv_writer(path, header) as writer:
        for row in rows:
            writer.writerow(row)
    return path
