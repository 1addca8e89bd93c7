"""Which values each field proposal's transform would refuse, from the workspace's source data.

The checks are the executor's own transforms (``assistant.transforms``). While the review loads,
the source columns the field proposals read are copied into an in-memory database (the
workspace's file is left to the writer process); once the overview is up, a thread checks every
field proposal (one shown before its turn is checked at once). A result is kept under what it
depends on (columns, transform, target), so deciding a proposal reuses it and an edit that
changes one of those checks that proposal again when it is next shown.
"""

from __future__ import annotations

import threading
from collections import defaultdict

import duckdb

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.profile.models import ColumnProfile
from assistant.review.context import ReviewContext
from assistant.transforms.failures import Failures, transform_failures
from assistant.transforms.sqltext import ident
from assistant.transforms.values import field_key

DEPENDS_ON = {"source_object", "source_columns", "transform", "target"}


class ValueChecks:
    """Failures per field proposal, computed once per transform and target it has had."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, context: ReviewContext, default_region: str | None
    ) -> None:
        self._con = con  # in memory: a copy of the source columns the proposals read
        self._lock = threading.Lock()  # the checking thread and the UI thread share the connection
        self._profiles: dict[tuple[str, str], ColumnProfile] = {
            (t.table, c.column): c for t in context.profiles.values() for c in t.columns
        }
        self._region = default_region
        self._results: dict[tuple[str, str], Failures | None] = {}
        self.tables: set[str] = set()

    def get(self, item: FieldMap, document: MappingDocument) -> Failures | None:
        """What ``item``'s transform refuses; None when its table was not ingested or it is not checkable."""
        if item.source_object not in self.tables or not item.source_columns:
            return None
        key = (item.id, item.model_dump_json(include=DEPENDS_ON))
        if key not in self._results:
            siblings = [f for f in document.fields if f.source_object == item.source_object]
            with self._lock:
                try:
                    found = transform_failures(
                        self._con, item, field_key(item), self._profiles, self._region, siblings
                    )
                except duckdb.Error:  # a column the copy lacks (renamed since it was proposed)
                    found = None
            self._results[key] = found
        return self._results[key]

    def check_all(self, document: MappingDocument) -> None:
        """Check every field proposal now (the app runs this in a thread once the screens are up)."""
        for item in list(document.fields):
            self.get(item, document)

    def copy_tables(self, workspace_con: duckdb.DuckDBPyConnection, wanted: dict[str, set[str]]) -> None:
        """Copy the wanted columns of each ingested source table (those it has) into memory."""
        present: dict[str, set[str]] = defaultdict(set)
        for table, column in workspace_con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'raw'"
        ).fetchall():
            present[str(table)].add(str(column))
        self._con.execute("CREATE SCHEMA IF NOT EXISTS raw")
        for table, columns in wanted.items():
            kept = sorted(columns & present.get(table, set()))
            if not kept:
                continue
            select = f"SELECT {', '.join(map(ident, kept))} FROM raw.{ident(table)}"
            rows = workspace_con.sql(select).to_arrow_table()
            self._con.register("copied", rows)
            self._con.execute(f"CREATE OR REPLACE TABLE raw.{ident(table)} AS SELECT * FROM copied")
            self._con.unregister("copied")
            self.tables.add(table)


def load_value_checks(
    workspace_con: duckdb.DuckDBPyConnection,
    document: MappingDocument,
    context: ReviewContext,
    default_region: str | None,
) -> ValueChecks:
    """Copy the proposals' source columns out of the workspace (``check_all`` checks them)."""
    checks = ValueChecks(duckdb.connect(), context, default_region)
    wanted: dict[str, set[str]] = defaultdict(set)
    for item in document.fields:
        wanted[item.source_object].update(item.source_columns)
    checks.copy_tables(workspace_con, wanted)
    return checks
