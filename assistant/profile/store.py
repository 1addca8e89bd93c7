"""Profiles in the workspace: ``profile.tables``, ``profile.columns``, ``profile.foreign_keys``,
``profile.duplicates``. Scalar facts are columns for SQL readers; each row also keeps its full
model as JSON so Python readers get back exactly what was written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import duckdb
from pydantic_core import to_json

from assistant.errors import HlmapError
from assistant.prerequisites import require
from assistant.profile.models import ColumnProfile, DuplicateGroup, ForeignKey, TableProfile
from assistant.workspace import Workspace

_DDL = (
    'CREATE TABLE IF NOT EXISTS profile.tables ("table" VARCHAR PRIMARY KEY, row_count BIGINT, '
    "column_count INTEGER, primary_key VARCHAR, parent_table VARCHAR, profiled_at TIMESTAMPTZ)",
    'CREATE TABLE IF NOT EXISTS profile.columns ("table" VARCHAR, "column" VARCHAR, position INTEGER, '
    "semantic_type VARCHAR, type_share DOUBLE, format VARCHAR, null_share DOUBLE, distinct_count BIGINT, "
    "evidence JSON, top_values JSON, picklist JSON, samples JSON, profile JSON)",
    'CREATE TABLE IF NOT EXISTS profile.foreign_keys ("table" VARCHAR, "column" VARCHAR, '
    "target_table VARCHAR, target_column VARCHAR, resolved_share DOUBLE, path_column VARCHAR)",
    'CREATE TABLE IF NOT EXISTS profile.duplicates ("table" VARCHAR, "column" VARCHAR, value VARCHAR, '
    "row_numbers JSON)",
)
_TABLES = ("tables", "columns", "foreign_keys", "duplicates")


def save_profiles(workspace: Workspace, profiles: list[TableProfile], extra_keys: list[ForeignKey]) -> None:
    """Replace the stored profiles of the given tables (all other tables' profiles stay)."""
    names = [p.table for p in profiles]
    with workspace.transaction() as con:
        for ddl in _DDL:
            con.execute(ddl)
        for table in _TABLES:
            con.execute(
                f'DELETE FROM profile.{table} WHERE "table" IN (SELECT unnest(?::VARCHAR[]))', [names]
            )
        tables = [[p.table, p.row_count, p.column_count, p.primary_key, p.parent_table] for p in profiles]
        _insert(con, "tables", tables, extra="now()")
        _insert(con, "columns", [_column_row(c) for p in profiles for c in p.columns])
        keys = [
            k
            for p in profiles
            for k in [
                *(c.foreign_key for c in p.columns if c.foreign_key),
                *(k for k in extra_keys if k.table == p.table),
            ]
        ]
        fk_rows = [
            [k.table, k.column, k.target_table, k.target_column, k.resolved_share, k.path_column]
            for k in keys
        ]
        _insert(con, "foreign_keys", fk_rows)
        duplicates = [
            [d.table, d.column, d.value, _json(d.row_numbers)] for p in profiles for d in p.duplicates
        ]
        _insert(con, "duplicates", duplicates)


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[object]], extra: str = ""
) -> None:
    """All rows in one statement: one list parameter per column, unnested side by side.

    (``executemany`` runs one statement per row, which costs more than the profiling of a small
    table.)
    """
    if not rows:
        return
    width = len(rows[0])
    columns = [[row[i] for row in rows] for i in range(width)]
    unnest = ", ".join(f"unnest(${i + 1})" for i in range(width))
    tail = f", {extra}" if extra else ""
    con.execute(f"INSERT INTO profile.{table} SELECT {unnest}{tail}", columns)


def _json(value: object) -> str:
    return to_json(value).decode()


def _column_row(c: ColumnProfile) -> list[object]:
    return [
        c.table, c.column, c.position, c.semantic_type.value, c.type_share, c.format, c.null_share,
        c.distinct_count, _json(c.evidence), _json(c.top_values), _json(c.picklist), _json(c.samples),
        c.model_dump_json(),
    ]  # fmt: skip


def load_profiles(workspace: Workspace) -> list[TableProfile]:
    """Every stored table profile with its columns and duplicate groups, in table order."""
    con = workspace.connect()
    if not workspace.table_exists("profile", "tables"):
        require(workspace, "ingest")  # nothing to profile yet: say so rather than "no profiles"
        return []
    tables = con.execute(
        'SELECT "table", row_count, column_count, primary_key, parent_table '
        'FROM profile.tables ORDER BY "table"'
    ).fetchall()
    columns: dict[str, list[ColumnProfile]] = {}
    for table, payload in con.execute(
        'SELECT "table", profile FROM profile.columns ORDER BY "table", position'
    ).fetchall():
        columns.setdefault(table, []).append(ColumnProfile.model_validate_json(payload))
    duplicates: dict[str, list[DuplicateGroup]] = {}
    rows = con.execute(
        'SELECT "table", "column", value, CAST(row_numbers AS VARCHAR) FROM profile.duplicates'
    ).fetchall()
    for table, column, value, numbers in rows:
        group = DuplicateGroup(table=table, column=column, value=value, row_numbers=json.loads(numbers))
        duplicates.setdefault(table, []).append(group)
    return [
        TableProfile(
            table=t, row_count=n, column_count=cc, primary_key=pk, parent_table=parent,
            duplicates=duplicates.get(t, []), columns=columns.get(t, []),
        )
        for t, n, cc, pk, parent in tables
    ]  # fmt: skip


def load_table_profile(workspace: Workspace, table: str) -> TableProfile:
    for profile in load_profiles(workspace):
        if profile.table == table:
            return profile
    raise HlmapError(f"no profile for table {table!r}: run `hlmap profile` first")


def load_foreign_keys(workspace: Workspace) -> list[ForeignKey]:
    """Every stored foreign key, including child tables' ``_parent_key`` links."""
    if not workspace.table_exists("profile", "foreign_keys"):
        return []
    rows = (
        workspace.connect()
        .execute(
            'SELECT "table", "column", target_table, target_column, resolved_share, path_column '
            "FROM profile.foreign_keys"
        )
        .fetchall()
    )
    fields = ("table", "column", "target_table", "target_column", "resolved_share", "path_column")
    return [ForeignKey(**dict(zip(fields, row, strict=True))) for row in rows]
