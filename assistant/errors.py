"""User-facing errors: each names where the problem is so the engineer can fix the input."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class HlmapError(Exception):
    """An error the command line reports as one clear line, without a traceback."""


class InputError(HlmapError):
    """Bad source input, located by file, line and column (or field) where known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        where = [part for part in (file, _fmt("line", line), _fmt("column", column)) if part]
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


def _fmt(label: str, value: str | int | None) -> str | None:
    return None if value is None else f"{label} {value}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'object'?"`` when ``word`` is a near miss of one of ``choices``, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
