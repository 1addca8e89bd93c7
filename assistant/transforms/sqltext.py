"""Quoting helpers: source names and values only ever reach SQL as quoted identifiers or literals."""

from __future__ import annotations


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def lit_list(values: list[str]) -> str:
    return "[" + ", ".join(lit(v) for v in values) + "]::VARCHAR[]"


SOURCE_ALIAS = "src"  # record SQL reads FROM raw."<object>" AS src, so map-table columns never shadow


def cleaned(column: str) -> str:
    """A source cell trimmed, blank as NULL."""
    return f"nullif(trim({SOURCE_ALIAS}.{ident(column)}), '')"
