"""SQL text helpers and sizes shared by the profiling queries."""

from __future__ import annotations

SAMPLE_ROWS = 5_000  # detectors run on a reservoir sample of this many rows (all rows when fewer)
SAMPLE_TABLE = "profile_sample"
TOP_CANDIDATES = 30
# whitespace a cell may hold and still be blank (CSV exports pad empty cells with spaces or tabs)
_BLANK_CHARS = "' ' || chr(9) || chr(10) || chr(13)"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def is_blank(expr: str) -> str:
    """True for '' and whitespace-only text. The cheap ``< '!'`` test (only text starting with a
    space or control character passes) keeps the trim off almost every value."""
    return f"({expr} < '!' AND trim({expr}, {_BLANK_CHARS}) = '')"


def blank_to_null(expr: str) -> str:
    return f"CASE WHEN {is_blank(expr)} THEN NULL ELSE {expr} END"


def as_stored(expr: str) -> str:
    return expr


def empty_to_null(expr: str) -> str:
    """NULL for '' only: far cheaper than ``blank_to_null``, exact for a column without other blanks."""
    return f"nullif({expr}, '')"
