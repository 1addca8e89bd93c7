"""The ``meta`` tables: what was loaded (``meta.loads``), what could not be (``meta.rejects``) and
which lines were read back by a repair (``meta.repairs``).

``meta.loads`` keeps one row per object per load, so a later run can compare a file's sha256 with
the last load of the same object and report it unchanged (delta pickup reads the same history).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.ingest.naming import quote_ident

_DDL = (
    """CREATE TABLE IF NOT EXISTS meta.loads (
        load_id VARCHAR, object VARCHAR, path VARCHAR, size_bytes BIGINT, sha256 VARCHAR,
        row_count BIGINT, rejected_count BIGINT, loaded_at TIMESTAMP, -- UTC
        format VARCHAR,
        encoding VARCHAR, delimiter VARCHAR, column_count INTEGER, tables VARCHAR, notes VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS meta.rejects (
        load_id VARCHAR, object VARCHAR, path VARCHAR, line BIGINT, "column" VARCHAR,
        reason VARCHAR, raw VARCHAR)""",
    # a line read back into its table: what was done, the columns the export does not hold
    """CREATE TABLE IF NOT EXISTS meta.repairs (
        load_id VARCHAR, object VARCHAR, path VARCHAR, line BIGINT, "row" BIGINT, action VARCHAR,
        note VARCHAR, missing VARCHAR, raw VARCHAR)""",
)

REJECT_BATCH = 1_000


def ensure_meta(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _DDL:
        con.execute(statement)


@dataclass
class LoadRecord:
    load_id: str
    object: str
    path: str
    size_bytes: int
    sha256: str
    row_count: int
    rejected_count: int
    format: str
    encoding: str | None
    delimiter: str | None
    column_count: int
    tables: list[str]
    notes: list[str] = field(default_factory=list)


def latest_loads(con: duckdb.DuckDBPyConnection, path: str) -> list[dict[str, Any]]:
    """The newest load of every object whose newest load came from ``path``."""
    rows = con.execute(
        """SELECT * FROM meta.loads
           QUALIFY row_number() OVER (PARTITION BY object ORDER BY loaded_at DESC) = 1 AND path = ?
           ORDER BY object""",
        [path],
    )
    names = [d[0] for d in rows.description or []]
    return [dict(zip(names, row, strict=True)) for row in rows.fetchall()]


def previous_tables(con: duckdb.DuckDBPyConnection, obj: str) -> list[str]:
    row = con.execute(
        "SELECT tables FROM meta.loads WHERE object = ? ORDER BY loaded_at DESC LIMIT 1", [obj]
    ).fetchone()
    return list(json.loads(row[0])) if row and row[0] else [obj]


def last_path(con: duckdb.DuckDBPyConnection, obj: str) -> str | None:
    row = con.execute(
        "SELECT path FROM meta.loads WHERE object = ? ORDER BY loaded_at DESC LIMIT 1", [obj]
    ).fetchone()
    return str(row[0]) if row else None


def replace_object(con: duckdb.DuckDBPyConnection, obj: str) -> None:
    """Drop the object's tables and rejects from its last load (inside the caller's transaction)."""
    for table in {*previous_tables(con, obj), obj}:
        con.execute(f"DROP TABLE IF EXISTS raw.{quote_ident(table)}")
    con.execute("DELETE FROM meta.rejects WHERE object = ?", [obj])
    con.execute("DELETE FROM meta.repairs WHERE object = ?", [obj])


def record_load(con: duckdb.DuckDBPyConnection, record: LoadRecord) -> None:
    con.execute(
        "INSERT INTO meta.loads VALUES (?, ?, ?, ?, ?, ?, ?, now() AT TIME ZONE 'UTC', ?, ?, ?, ?, ?, ?)",
        [
            record.load_id,
            record.object,
            record.path,
            record.size_bytes,
            record.sha256,
            record.row_count,
            record.rejected_count,
            record.format,
            record.encoding,
            record.delimiter,
            record.column_count,
            json.dumps(record.tables),
            json.dumps(record.notes, ensure_ascii=False),
        ],
    )


def first_rejects(con: duckdb.DuckDBPyConnection, obj: str, limit: int = 3) -> list[str]:
    """The object's first rejected rows as ``path, line N, column C: reason`` lines."""
    rows = con.execute(
        'SELECT path, line, "column", reason FROM meta.rejects WHERE object = ? ORDER BY line LIMIT ?',
        [obj, limit],
    ).fetchall()
    return [
        f"{path}, line {line}" + (f", column {column}" if column else "") + f": {reason}"
        for path, line, column, reason in rows
    ]


def repaired_count(con: duckdb.DuckDBPyConnection, load_id: str, obj: str) -> int:
    row = con.execute("SELECT count(*) FROM meta.repairs WHERE load_id = ? AND object = ?", [load_id, obj])
    found = row.fetchone()
    return int(found[0]) if found else 0


def first_repairs(con: duckdb.DuckDBPyConnection, obj: str, limit: int = 3) -> list[str]:
    """The object's first repaired rows as ``path, line N: what was done`` lines."""
    rows = con.execute(
        "SELECT path, line, note FROM meta.repairs WHERE object = ? ORDER BY line LIMIT ?", [obj, limit]
    ).fetchall()
    return [f"{path}, line {line}: {note}" for path, line, note in rows]


class RejectSink:
    """Buffers rejected rows and writes them to ``meta.rejects`` in batches (memory stays bounded)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, load_id: str, obj: str, path: str) -> None:
        self._con, self._load_id, self._object, self._path = con, load_id, obj, path
        self._buffer: list[tuple[Any, ...]] = []
        self.count = 0

    def add(self, line: int | None, column: str | None, reason: str, raw: str | None) -> None:
        self._buffer.append((self._load_id, self._object, self._path, line, column, reason, raw))
        self.count += 1
        if len(self._buffer) >= REJECT_BATCH:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self._con.executemany("INSERT INTO meta.rejects VALUES (?, ?, ?, ?, ?, ?, ?)", self._buffer)
            self._buffer.clear()
