"""Reference columns whose cells are the related record's address (`https://…/entities/Accounts/<id>`).

An API that does not expand a relation writes the related record's URI instead of its key; the key
is the address's last path segment. A column of web addresses whose last segments are, nearly all,
keys of one other table of the export is that table's link, whatever its header says (a website's
pages end in words, never in another table's keys). When a column of the same table already links
to that table with the same key on each row ('owner_id' beside the 'owner' URI), the address only
repeats it: it is recorded as that column's path twin, as an X-path column beside its X-id is.
"""

from __future__ import annotations

import duckdb

from assistant.profile.models import ColumnProfile, ForeignKey, SemanticType, TableProfile
from assistant.profile.relations import _mark, _norm, key_columns, pct, resolved_share
from assistant.profile.sql import quote_ident

MIN_RESOLVED = 0.9  # no key in the cell itself: nearly every address must end in one
MIN_KEYS = 3  # a few addresses ending in the same word prove nothing
# the last path segment of an address, without a trailing '/', query or fragment
LAST_SEGMENT = (
    r"regexp_extract({c}, '^[A-Za-z][A-Za-z0-9+.-]*://[^/]+/(?:[^?#]*/)?([^/?#]+)/?(?:[?#].*)?$', 1)"
)


def _addresses(con: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    """How many distinct cells of the column have a last segment at all."""
    value = LAST_SEGMENT.replace("{c}", f"trim({quote_ident(column)})")
    row = con.execute(
        f"SELECT count(DISTINCT v) FROM (SELECT {value} AS v FROM raw.{quote_ident(table)}) WHERE v <> ''"
    ).fetchone()
    return int(row[0]) if row else 0


def _best(
    con: duckdb.DuckDBPyConnection, table: str, column: str, keys: dict[str, list[str]]
) -> tuple[float, str, str] | None:
    """(share, table, key) the addresses' last segments resolve to best; the path's table name breaks ties."""
    sample = con.execute(
        f"SELECT any_value(trim({quote_ident(column)})) FROM raw.{quote_ident(table)} "
        f"WHERE trim({quote_ident(column)}) <> ''"
    ).fetchone()
    path = _norm(str(sample[0])) if sample and sample[0] else ""
    scored = [
        (resolved_share(con, (table, column), (t, k), LAST_SEGMENT), _norm(t) in path, t, k)
        for t, names in keys.items()
        if t != table
        for k in names
    ]
    share, _, target, key = max(scored, default=(0.0, False, "", ""))
    return (share, target, key) if share >= MIN_RESOLVED else None


def _twin(
    con: duckdb.DuckDBPyConnection, table: TableProfile, column: str, fk: ForeignKey
) -> ColumnProfile | None:
    """The id column of the same table holding, on every filled row, the key the address ends in."""
    for other in table.columns:
        link = other.foreign_key
        if link is None or other.column == column or link.target_table != fk.target_table:
            continue
        value = LAST_SEGMENT.replace("{c}", f"trim({quote_ident(column)})")
        row = con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {value} = trim({quote_ident(other.column)})) "
            f"FROM raw.{quote_ident(table.table)} WHERE trim({quote_ident(column)}) <> ''"
        ).fetchone()
        if row and row[0] and row[1] == row[0]:
            return other
    return None


def link_uri_keys(
    con: duckdb.DuckDBPyConnection, profiles: list[TableProfile], others: list[TableProfile]
) -> None:
    """Mark web-address columns whose last path segments are another table's keys as foreign keys."""
    keys = key_columns([*profiles, *others])
    for profile in profiles:
        for column in profile.columns:
            if column.semantic_type is not SemanticType.URL or column.foreign_key is not None:
                continue
            if _addresses(con, profile.table, column.column) < MIN_KEYS:
                continue
            best = _best(con, profile.table, column.column, keys)
            if best is None:
                continue
            share, target, key = best
            fk = ForeignKey(
                table=profile.table,
                column=column.column,
                target_table=target,
                target_column=key,
                resolved_share=share,
            )
            twin = _twin(con, profile, column.column, fk)
            if twin is not None and twin.foreign_key is not None:
                twin.foreign_key.path_column = column.column
                fk.path_column = column.column
                words = f"address of the {target} row {twin.column} names; ids resolve {pct(share)}"
            else:
                words = f"values are addresses of {target} rows: last path segments found in {target}.{key}"
                words += f" ({pct(share)})"
            _mark(column, fk, words)
