"""A workspace connection that keeps the text of every query it runs, for tests that count queries."""

from __future__ import annotations

from typing import Any, cast

import duckdb


class RecordingConnection:
    """Passes every call to the DuckDB connection; ``execute`` also records its SQL, its cursors' too."""

    def __init__(self, con: duckdb.DuckDBPyConnection, queries: list[str] | None = None) -> None:
        self.con, self.queries = con, cast(list[str], [] if queries is None else queries)

    def execute(self, sql: str, *args: Any) -> duckdb.DuckDBPyConnection:
        self.queries.append(sql)
        return self.con.execute(sql, *args)

    def cursor(self) -> RecordingConnection:
        """Another cursor whose queries land in the same list: the profile runs some on their own."""
        return RecordingConnection(self.con.cursor(), self.queries)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)
