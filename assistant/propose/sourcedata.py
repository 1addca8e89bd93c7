"""Read access to source values the profile only summarises (state names, user e-mails, tag cells).

Stage maps need the names behind a status foreign key, owner matching needs each user's name and
e-mail, tag consolidation needs every distinct tag cell. Profiles keep top values only, so the
proposer asks the raw tables; tests hand it rows in memory.
"""

from __future__ import annotations

from typing import Protocol

import duckdb

from assistant.profile.models import ValueCount


class SourceValues(Protocol):
    def distinct(self, table: str, column: str, limit: int = 2000) -> list[ValueCount]:
        """Distinct non-blank values of a column with their counts, most frequent first."""
        ...

    def rows(self, table: str, columns: list[str], limit: int = 5000) -> list[dict[str, str | None]]:
        """Up to ``limit`` rows of the given columns (missing columns read as None)."""
        ...


class MemoryValues:
    """Rows held in memory: ``{table: [{column: value}]}``."""

    def __init__(self, tables: dict[str, list[dict[str, str | None]]]) -> None:
        self._tables = tables

    def distinct(self, table: str, column: str, limit: int = 2000) -> list[ValueCount]:
        counts: dict[str, int] = {}
        for row in self._tables.get(table, []):
            value = row.get(column)
            if value is not None and value.strip():
                counts[value] = counts.get(value, 0) + 1
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [ValueCount(value=v, count=c) for v, c in ordered[:limit]]

    def rows(self, table: str, columns: list[str], limit: int = 5000) -> list[dict[str, str | None]]:
        return [{c: row.get(c) for c in columns} for row in self._tables.get(table, [])[:limit]]


class DuckDBValues:
    """Values read from the workspace's ``raw`` schema."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._columns: dict[str, set[str]] = {}

    def _has(self, table: str, column: str) -> bool:
        if table not in self._columns:
            rows = self._con.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = 'raw' AND table_name = ?",
                [table],
            ).fetchall()
            self._columns[table] = {str(r[0]) for r in rows}
        return column in self._columns[table]

    def distinct(self, table: str, column: str, limit: int = 2000) -> list[ValueCount]:
        if not self._has(table, column):
            return []
        col = _quote(column)
        rows = self._con.execute(
            f"SELECT {col}, count(*) AS n FROM raw.{_quote(table)} WHERE trim({col}) <> '' "
            f"GROUP BY 1 ORDER BY n DESC, 1 LIMIT {int(limit)}"
        ).fetchall()
        return [ValueCount(value=str(r[0]), count=int(r[1])) for r in rows]

    def rows(self, table: str, columns: list[str], limit: int = 5000) -> list[dict[str, str | None]]:
        present = [c for c in columns if self._has(table, c)]
        if not present:
            return []
        select = ", ".join(_quote(c) for c in present)
        fetched = self._con.execute(f"SELECT {select} FROM raw.{_quote(table)} LIMIT {int(limit)}").fetchall()
        out: list[dict[str, str | None]] = []
        for record in fetched:
            row: dict[str, str | None] = dict.fromkeys(columns)
            row.update({c: None if v is None else str(v) for c, v in zip(present, record, strict=True)})
            out.append(row)
        return out


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
