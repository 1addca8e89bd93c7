"""A workspace connection that keeps the text of every query it runs, for tests that count queries."""

from __future__ import annotations

from typing import Any, cast

import duckdb


class RecordingConnection:
    """Passes every call to the DuckDB connection; ``execute`` also records its SQL."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.queries = con, cast(list[str], [])

    def execute(self, sql: str, *args: Any) -> duckdb.DuckDBPyConnection:
        self.queries.append(sql)
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)
