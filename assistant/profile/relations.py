"""Keys across tables: candidate primary keys, foreign keys (id columns, X-id/X-path pairs), parents.

Foreign keys are checked on distinct values with a semi-join, so a million-row child table
costs one hash of its distinct ids, not a row-by-row lookup.
"""

from __future__ import annotations

import re

import duckdb

from assistant.ingest.table_names import innermost
from assistant.profile.fk_targets import Candidates, best_targets, settle_ties
from assistant.profile.id_headers import leading_id_stem
from assistant.profile.models import ColumnProfile, ForeignKey, SemanticType, TableProfile
from assistant.profile.named_links import named_targets, resolves_enough
from assistant.profile.sql import quote_ident

# a key column, singular or plural ("client_id", "Job #", "Associated Contact IDs")
_ID_NAME = re.compile(r"(^|[-_ .])(ids?|#|n[oº]\.?)$|[a-z]Ids?$", re.IGNORECASE)


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Dates and amounts can all differ in a small export (forty deals, forty close dates) without
# naming the rows: a key is a name or a code, never a measurement.
_NOT_KEYS = frozenset({SemanticType.DATE, SemanticType.DATETIME, SemanticType.MONEY, SemanticType.DECIMAL})


def candidate_primary_key(
    con: duckdb.DuckDBPyConnection, table: TableProfile, all_different: frozenset[str] = frozenset()
) -> str | None:
    """A unique, never-blank column; ``id``-like names first. Estimated counts are re-checked exactly,
    but for columns in ``all_different`` (already proved to hold no value twice)."""
    unique = [
        c
        for c in table.columns
        if c.null_count == 0 and c.distinct_count >= c.row_count > 0 and c.semantic_type not in _NOT_KEYS
    ]
    unique.sort(key=lambda c: (_norm(c.column) != "id", not _ID_NAME.search(c.column), c.position))
    for column in unique:
        if not column.extra.get("distinct_estimated") or column.column in all_different:
            return column.column
        col = quote_ident(column.column)
        row = con.execute(f"SELECT count(DISTINCT {col}) FROM raw.{quote_ident(table.table)}").fetchone()
        if row and row[0] == column.row_count:
            return column.column
    return None


def parent_table(table: str, known: set[str]) -> str | None:
    parent, _list = innermost(table)
    return parent if parent and parent in known else None


def resolved_share(
    con: duckdb.DuckDBPyConnection, source: tuple[str, str], target: tuple[str, str], value_sql: str = "{c}"
) -> float:
    """Share of the source column's distinct non-blank values found in the target column."""
    col = quote_ident(source[1])
    value = value_sql.replace("{c}", f"trim({col})")
    key = f"trim({quote_ident(target[1])})"
    row = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE v IN (SELECT {key} FROM raw.{quote_ident(target[0])})) "
        f"FROM (SELECT DISTINCT {value} AS v FROM raw.{quote_ident(source[0])} WHERE trim({col}) <> '') "
        "WHERE v IS NOT NULL AND v <> ''"
    ).fetchone()
    return round(row[1] / row[0], 4) if row and row[0] else 0.0


def _path_target(
    con: duckdb.DuckDBPyConnection, table: str, column: str, tables: dict[str, str]
) -> str | None:
    """The table named by the first segment of ``/clients/123`` style values."""
    row = con.execute(
        f"SELECT mode(regexp_extract(trim({quote_ident(column)}), '^/([^/]+)/', 1)) "
        f"FROM raw.{quote_ident(table)} WHERE trim({quote_ident(column)}) <> ''"
    ).fetchone()
    return tables.get(_norm(row[0])) if row and row[0] else None


def key_columns(profiles: list[TableProfile]) -> dict[str, list[str]]:
    """Per table, columns other tables may point at: the primary key, then unique id-named columns

    (exports often carry a few blank rows, which rule a column out as primary key but not as target).
    """
    keys: dict[str, list[str]] = {}
    tables = {_norm(p.table) for p in profiles}
    for p in profiles:
        names = [p.primary_key] if p.primary_key else []
        names += [
            c.column
            for c in p.columns
            if c.column != p.primary_key
            and _ID_NAME.search(c.column)
            and c.unique_share == 1.0
            and not _names_another_table(c.column, p.table, tables)
        ]
        if names:
            keys[p.table] = names
    return keys


def _names_another_table(column: str, table: str, tables: set[str]) -> bool:
    """An id column named after another table of the export ('incident-state-id' beside
    'incidentStates') points there: unique on a two-row table by chance, it is no key of its own."""
    stem = _norm(_ID_NAME.sub("", column))
    named = {stem, f"{stem}s", f"{stem}es"} & tables if stem else set()
    return bool(named) and _norm(table) not in named


def link_foreign_keys(
    con: duckdb.DuckDBPyConnection, profiles: list[TableProfile], others: list[TableProfile]
) -> None:
    """Mark id columns (and their X-path partners) that resolve to a key of any raw table.

    ``others`` are tables not profiled in this run: their keys are still valid targets.
    """
    everything = [*profiles, *others]
    by_norm = {_norm(p.table): p.table for p in everything}
    keys = key_columns(everything)
    primary = {p.table: p.primary_key for p in everything}
    found: dict[tuple[str, str], Candidates] = {}
    paths: dict[tuple[str, str], ColumnProfile | None] = {}
    for profile in profiles:
        columns = {c.column: c for c in profile.columns}
        for column in profile.columns:
            led = leading_id_stem(column.column)  # 'Identifiant société': the id word first
            no_id_word = not _ID_NAME.search(column.column) and led is None  # 'Parent Job': jobs only
            by_header = named_targets(column, profile, everything, keys) if no_id_word else []
            if column.column == profile.primary_key or (no_id_word and not by_header):
                continue
            if column.semantic_type is SemanticType.EMPTY:
                continue
            stem = led or _ID_NAME.sub("", column.column)
            path = next(
                (columns[n] for n in (f"{stem}-path", f"{stem}_path", f"{stem}Path") if n in columns), None
            )
            targets = by_header or [(table, key) for table, names in keys.items() for key in names]
            if path is not None:
                named = _path_target(con, profile.table, path.column, by_norm)
                targets = [(named, (keys.get(named) or ["id"])[0])] if named else targets
            best = best_targets(con, profile.table, column, targets, primary, _norm(stem))
            if best is not None and resolves_enough(best[0], no_id_word):
                found[(profile.table, column.column)], paths[(profile.table, column.column)] = best, path
    chosen = settle_ties(found)
    for profile in profiles:
        for column in profile.columns:
            if (profile.table, column.column) in chosen:
                _link(con, profile.table, column, chosen[(profile.table, column.column)], paths)


def _link(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: ColumnProfile,
    best: tuple[str, str, float],
    paths: dict[tuple[str, str], ColumnProfile | None],
) -> None:
    target, key, share = best
    path = paths[(table, column.column)]
    fk = ForeignKey(
        table=table,
        column=column.column,
        target_table=target,
        target_column=key,
        resolved_share=share,
        path_column=path.column if path else None,
    )
    _mark(column, fk, f"{pct(share)} of distinct values found in {target}.{key}")
    if path is not None:
        path_share = resolved_share(
            con, (table, path.column), (target, key), "regexp_extract({c}, '/([^/]+)$', 1)"
        )
        path_fk = fk.model_copy(update={"column": path.column, "resolved_share": path_share})
        _mark(path, path_fk, f"resource path pairing with {column.column}; ids resolve {pct(path_share)}")


def _mark(column: ColumnProfile, fk: ForeignKey, words: str) -> None:
    column.extra["value_type"] = column.semantic_type.value
    column.semantic_type = SemanticType.FOREIGN_KEY
    column.foreign_key = fk
    column.type_share = fk.resolved_share
    column.evidence = [words, *column.evidence]


def parent_key_link(
    con: duckdb.DuckDBPyConnection, profile: TableProfile, keys: dict[str, str]
) -> ForeignKey | None:
    """Child tables' ``_parent_key`` against the parent's key column."""
    parent = profile.parent_table
    if parent is None or parent not in keys:
        return None
    has = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = ? "
        "AND column_name = '_parent_key'",
        [profile.table],
    ).fetchone()
    if not has or not has[0]:
        return None
    share = resolved_share(con, (profile.table, "_parent_key"), (parent, keys[parent]))
    return ForeignKey(
        table=profile.table,
        column="_parent_key",
        target_table=parent,
        target_column=keys[parent],
        resolved_share=share,
    )


def pct(share: float) -> str:
    return f"{share:.0%}"
