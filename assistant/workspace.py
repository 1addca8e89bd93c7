"""A workspace is one migration project's folder.

It holds ``workspace.duckdb`` (every table: raw source data, profiles, target snapshot,
LLM call log, ledger, audit), ``hlmap.toml`` (settings) and ``mapping.yaml`` (the mapping
document). Stages reach all of it through :class:`Workspace`.

DuckDB schemas used by the stages:
  raw       one table per source object, every value as text (ingest)
  meta      loads, rejects (ingest)
  profile   columns, tables, foreign_keys, duplicates (profile)
  target    destination snapshot (target pull)
  mapping   versions of the mapping document (mapping store)
  llm       calls and cache (propose)
  exec      ledger, runs, audit (execute); ledger_folds (the ledger journal's folds)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from assistant.errors import HlmapError
from assistant.ledger_journal import JOURNAL_NAME, replay
from assistant.settings import Settings, load_settings

DB_FILE = "workspace.duckdb"
SETTINGS_FILE = "hlmap.toml"
MAPPING_FILE = "mapping.yaml"
CONFIRMED_MAPPING_FILE = "mapping.confirmed.yaml"
SCHEMAS = ("raw", "meta", "profile", "target", "mapping", "llm", "exec")


class Workspace:
    """Paths, settings and the DuckDB connection of one migration project."""

    def __init__(self, root: Path, overrides: dict[str, Any] | None = None) -> None:
        self.root = root.resolve()
        self._overrides = overrides or {}
        self._settings: Settings | None = None
        self._con: duckdb.DuckDBPyConnection | None = None

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILE

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def mapping_path(self) -> Path:
        return self.root / MAPPING_FILE

    @property
    def confirmed_mapping_path(self) -> Path:
        return self.root / CONFIRMED_MAPPING_FILE

    @property
    def reports_dir(self) -> Path:
        path = self.root / "reports"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.settings_path, self._overrides)
        return self._settings

    def exists(self) -> bool:
        """A folder some command has made a workspace of (settings file or database present)."""
        return self.settings_path.is_file() or self.db_path.is_file()

    def ensure(self) -> Workspace:
        """Create the folder, a commented settings file and the database schemas if missing."""
        if self.root.exists() and not self.root.is_dir():
            raise HlmapError(f"workspace {self.root} is a file, not a folder")
        self.root.mkdir(parents=True, exist_ok=True)
        if not self.settings_path.exists():
            self.settings_path.write_text(_DEFAULT_TOML, encoding="utf-8")
        con = self.connect()
        for schema in SCHEMAS:
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        return self

    def connect(self) -> duckdb.DuckDBPyConnection:
        """The workspace's one connection (DuckDB allows one writer process at a time)."""
        if self._con is None:
            try:
                self._con = duckdb.connect(str(self.db_path))
            except duckdb.IOException as exc:
                raise HlmapError(f"cannot open {self.db_path}: {exc}") from exc
            replay(self._con, self.root / JOURNAL_NAME)  # a killed run's ledger lines, before any read
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self.connect()
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def table_exists(self, schema: str, table: str) -> bool:
        row = (
            self.connect()
            .execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                [schema, table],
            )
            .fetchone()
        )
        return bool(row and row[0])


_DEFAULT_TOML = """\
# hlmap settings for this workspace. Precedence: this file < HLMAP_* environment < flags.
# Every key is documented in the README's settings reference. Tokens never go here.
project = "migration"

[propose]
backend = "offline"
confidence_threshold = 0.7
# fallback_owner_email = "owner@example.com"

[highlevel]
# location_id = "..."
"""
