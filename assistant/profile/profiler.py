"""Profile every raw table of a workspace (or the named ones) and store the result.

Tables are scanned together (see ``scan``): per-query set-up, not data, dominates small exports,
so the number of queries does not grow with the number of tables where it can be helped.
"""

from __future__ import annotations

import duckdb

from assistant.errors import HlmapError
from assistant.profile.beside import Beside
from assistant.profile.classify import profile_column
from assistant.profile.date_orders import settle_date_orders
from assistant.profile.duplicates import SampledTable, search_duplicates
from assistant.profile.models import ForeignKey, TableProfile
from assistant.profile.relations import (
    candidate_primary_key,
    link_foreign_keys,
    parent_key_link,
    parent_table,
)
from assistant.profile.sample import drop_sample
from assistant.profile.scan import TableSource, scan_tables
from assistant.profile.sql import quote_ident, quote_literal
from assistant.profile.store import save_profiles
from assistant.profile.typed import fill_typed_ranges, fill_typed_ranges_from_sample
from assistant.profile.uri_keys import link_uri_keys
from assistant.settings import ProfileSettings
from assistant.workspace import Workspace


def _all_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Every raw table's columns in order, bookkeeping ``_`` columns included."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'raw' "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def _row_counts(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, int]:
    if not tables:
        return {}
    parts = [f"SELECT {quote_literal(t)}, count(*) FROM raw.{quote_ident(t)}" for t in tables]
    return {t: int(n) for t, n in con.execute(" UNION ALL ".join(parts)).fetchall()}


def profile_tables(
    con: duckdb.DuckDBPyConnection,
    tables: list[str],
    settings: ProfileSettings,
    names: dict[str, list[str]] | None = None,
) -> list[TableProfile]:
    """Profiles of ``tables`` (columns, typed ranges, primary key, duplicates), not yet linked;
    ``names``: every raw table's columns, when the caller has read them already."""
    names = _all_columns(con) if names is None else names
    counts = _row_counts(con, tables)
    sources = [
        TableSource(t, [n for n in names.get(t, []) if not n.startswith("_")], counts[t]) for t in tables
    ]
    scan_tables(con, sources, settings.picklist_max_distinct)
    profiles = [
        TableProfile(
            table=s.name,
            row_count=s.row_count,
            column_count=len(s.columns),
            columns=[profile_column(s.name, stats, settings) for stats in s.stats],
        )
        for s in sources
    ]
    scanned = [(s, p) for s, p in zip(sources, profiles, strict=True) if s.columns]
    fill_typed_ranges_from_sample(con, {i: p for i, (s, p) in enumerate(scanned) if s.small})
    sampled = {p.table: SampledTable(i, whole=s.small) for i, (s, p) in enumerate(scanned)}
    with Beside(con) as beside:
        # big tables' typed ranges and the duplicate search read different fields: side by side
        typed = [beside.run(fill_typed_ranges, p, s.counted) for s, p in scanned if not s.small]
        for profile in profiles:
            # without _row (tables not made by ingest) rows are numbered in storage order
            has_row = "_row" in names.get(profile.table, [])
            row_column = "_row" if has_row else "row_number() OVER ()"
            search = search_duplicates(con, profile, row_column, sampled.get(profile.table), beside)
            # the key needs the search's proof only, not its groups, which may still be running
            profile.primary_key = candidate_primary_key(con, profile, search.all_different)
            profile.duplicates = search.groups
        for job in typed:
            job.result()
    drop_sample(con)
    return profiles


def profile_workspace(workspace: Workspace, tables: list[str] | None = None) -> list[TableProfile]:
    """Profile ``raw`` tables (all, or ``tables``), link keys across all of them, store, return."""
    con = workspace.connect()
    columns = _all_columns(con)  # a table has a column at least: these are all the raw tables
    known = list(columns)
    if not known:
        raise HlmapError(f"workspace {workspace.root} has no raw tables: run `hlmap ingest PATH` first")
    missing = sorted(set(tables or []) - set(known))
    if missing:
        raise HlmapError(f"no raw table named {', '.join(missing)}; known tables: {', '.join(known)}")
    selected = [t for t in known if tables is None or t in tables]
    profiles = profile_tables(con, selected, workspace.settings.profile, columns)
    settle_date_orders(profiles)
    # keys of tables not re-profiled now still count as foreign-key targets
    others = _stored_keys_only(con, columns, selected)
    for profile in profiles:
        profile.parent_table = parent_table(profile.table, set(known))
    link_foreign_keys(con, profiles, others)
    link_uri_keys(con, profiles, others)  # API addresses of related rows (…/Accounts/<id>)
    keys = {p.table: p.primary_key for p in [*profiles, *others] if p.primary_key}
    parent_keys: list[ForeignKey] = [k for p in profiles if (k := parent_key_link(con, p, keys))]
    save_profiles(workspace, profiles, parent_keys)
    return profiles


def _stored_keys_only(
    con: duckdb.DuckDBPyConnection, columns: dict[str, list[str]], selected: list[str]
) -> list[TableProfile]:
    """Light profiles (name and primary key only) of tables not profiled in this run."""
    rest = [t for t in columns if t not in selected]
    if not rest:
        return []
    stored: dict[str, str | None] = {}
    has_store = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'profile' AND table_name = 'tables'"
    ).fetchone()
    if has_store and has_store[0]:
        stored = dict(con.execute('SELECT "table", primary_key FROM profile.tables').fetchall())
    return [
        TableProfile(
            table=t, row_count=0, column_count=0, primary_key=stored.get(t) or _id_column(columns.get(t, []))
        )
        for t in rest
    ]


def _id_column(columns: list[str]) -> str | None:
    return "id" if "id" in columns else None
