"""What a reader gets (where to write) and what it gives back (what it wrote)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from assistant.ingest.meta import RejectSink
from assistant.ingest.models import TableResult
from assistant.ingest.naming import quote_ident
from assistant.ingest.scan import FileScan
from assistant.settings import IngestSettings


@dataclass
class LoadContext:
    """One file's load, inside one transaction: readers create raw tables and add rejects."""

    con: duckdb.DuckDBPyConnection
    load_id: str
    scan: FileScan
    tmpdir: Path
    settings: IngestSettings

    @property
    def path(self) -> str:
        return str(self.scan.path)

    def rejects(self, obj: str) -> RejectSink:
        return RejectSink(self.con, self.load_id, obj, self.path)

    def table_result(self, table: str) -> TableResult:
        return describe_table(self.con, table)


def describe_table(con: duckdb.DuckDBPyConnection, table: str) -> TableResult:
    """Row count and source-column count (bookkeeping ``_`` columns left out) of a raw table."""
    rows = con.execute(f"SELECT count(*) FROM raw.{quote_ident(table)}").fetchone()
    cols = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = ?"
        " AND NOT starts_with(column_name, '_')",
        [table],
    ).fetchone()
    return TableResult(table=table, rows=rows[0] if rows else 0, columns=cols[0] if cols else 0)


@dataclass
class ObjectLoad:
    """One object a reader wrote: its own table first, then child tables."""

    object: str
    tables: list[TableResult]
    rejected: int
    repaired: int = 0
    """Lines with a wrong field count read back into the table (``meta.repairs``)."""
    encoding: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)
