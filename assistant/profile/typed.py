"""Min/max on each column's typed interpretation (numbers as numbers, dates as dates).

Big tables: one aggregate query per table over the typed columns only, but for columns counted
value by value (``few_values``), read from their values, and for columns whose values repeat (a
hundred thousand amounts over a million rows), read once per distinct value. Small tables (sampled
whole): one query over the shared sample for all of them. Text columns keep text min/max.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from assistant.profile.api_dates import DOTNET_FORMAT, dotnet_instant_sql
from assistant.profile.epoch_dates import EPOCH_MILLIS, EPOCH_SECONDS
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.profile.scan import aggregate, full_source
from assistant.profile.sql import SAMPLE_TABLE, as_stored, quote_ident, quote_literal
from assistant.transforms.magnitudes import magnitude_sql

_NUMBER = {SemanticType.INTEGER, SemanticType.DECIMAL, SemanticType.MONEY}
_TEMPORAL = {SemanticType.DATE, SemanticType.DATETIME}
# year-first formats sort as text: their text min/max already is the typed min/max
_SORTABLE = ("iso", "%Y-%m-%d")
_EPOCHS = (EPOCH_SECONDS, EPOCH_MILLIS)
REPEATS = 4  # cells per distinct value from which typed ranges are read from the distinct values


def typed_expression(column: ColumnProfile, ref: str) -> str | None:
    """DuckDB expression turning the text ``ref`` into the column's type (NULL when it does not fit)."""
    # casts skip surrounding spaces and the regex drops them: no trim copy of every value
    if column.semantic_type is SemanticType.INTEGER:
        return f"try_cast({ref} AS BIGINT)"
    if column.semantic_type in _NUMBER:
        return _number(ref, column.locale == "es", marked=bool(column.currency))
    value = f"trim({ref})"
    if column.semantic_type in _TEMPORAL and column.format in _EPOCHS:  # '0' (not set) is no time
        number = f"try_cast({value} AS BIGINT)"
        scale = f"CASE strlen({value}) WHEN 10 THEN 1000000 WHEN 13 THEN 1000 END"  # seconds or millis
        return f"make_timestamp({number} * {scale})"
    if column.semantic_type in _TEMPORAL and column.format == DOTNET_FORMAT:
        return dotnet_instant_sql(value)
    if column.semantic_type in _TEMPORAL and column.format and not column.format.startswith(_SORTABLE):
        parsed = f"try_strptime({value}, {quote_literal(column.format)})"
        # an offset gives a time zone: read as UTC, the way every other time is kept
        return f"({parsed} AT TIME ZONE 'UTC')" if "%z" in column.format else parsed
    return None


def _number(ref: str, comma_decimal: bool, marked: bool) -> str:
    """The value as a decimal once currency marks, spaces and group separators are dropped.

    In a column without currency marks (``marked``: the sample shows them on many values) most
    cells are plain numbers, which the cast alone reads: the regex that drops everything else costs
    more than the rest of the typed ranges, so it runs only on cells the cast refuses. An exponent
    ('1e3') is the one thing the cast reads and the regex reads otherwise (as '13'): such cells take
    the regex, so every cell gets the value it always got.
    """

    def cast(text: str) -> str:
        plain = f"replace({text}, ',', '')"
        if comma_decimal:
            plain = f"replace(replace({text}, '.', ''), ',', '.')"
        return f"try_cast({plain} AS DECIMAL(18, 4))"

    exponent = f"contains({ref}, 'e') OR contains({ref}, 'E')"
    digits = f"regexp_replace({ref}, '[^0-9,.+-]', '', 'g')"
    slow = f"{cast(digits)} * {magnitude_sql(ref)}"  # '41.6k' is 41,600
    if marked:  # most cells need the regex: trying the cast first would only add to it
        return slow
    return f"coalesce(CASE WHEN {exponent} THEN NULL ELSE {cast(ref)} END, {slow})"


def _apply(column: ColumnProfile, low: object, high: object, ok: int | None) -> None:
    column.min_value = None if low is None else str(low)
    column.max_value = None if high is None else str(high)
    nonblank = column.row_count - column.null_count
    column.extra["typed_share"] = round((ok or 0) / nonblank, 4) if nonblank else 0.0


def _repeats_enough(column: ColumnProfile) -> bool:
    """Whether reading each distinct value once costs less than reading every cell: grouping a
    million cells into a hundred thousand values, then reading those, costs about half of what the
    number regex or a date parse costs over every cell. An integer cast costs less than any grouping."""
    nonblank = column.row_count - column.null_count
    return column.semantic_type is not SemanticType.INTEGER and column.distinct_count * REPEATS <= nonblank


def fill_typed_ranges(
    con: duckdb.DuckDBPyConnection, profile: TableProfile, counted: Mapping[int, dict[str, int]] | None = None
) -> None:
    """Typed min/max of one table over its whole columns. Columns whose every value and its count are
    known (``counted``, by position) are read from those values: the same figures, no scan; columns
    whose values repeat, from their distinct values grouped in DuckDB."""
    exprs: dict[str, str] = {}
    known: dict[int, dict[str, int]] = {}
    grouped: list[ColumnProfile] = []
    for i, column in enumerate(profile.columns):
        typed = typed_expression(column, f"c{i}")
        if typed is not None and counted is not None and i in counted:
            known[i] = counted[i]
        elif typed is not None and _repeats_enough(column):
            grouped.append(column)
        elif typed is not None:
            exprs[f"{i}:min"] = f"CAST(min({typed}) AS VARCHAR)"
            exprs[f"{i}:max"] = f"CAST(max({typed}) AS VARCHAR)"
            exprs[f"{i}:ok"] = f"count({typed})"
    _fill_from_values(con, [(profile.columns[i], values) for i, values in known.items()])
    _fill_from_groups(con, profile.table, grouped)
    if not exprs:
        return
    # a blank cell has no typed value (every expression above is NULL on it): no CASE needed
    source = full_source(profile.table, [c.column for c in profile.columns], as_stored)
    result = aggregate(con, source, exprs)
    for i, column in enumerate(profile.columns):
        if f"{i}:min" in result:
            _apply(column, result[f"{i}:min"], result[f"{i}:max"], result[f"{i}:ok"])


def _fill_from_values(
    con: duckdb.DuckDBPyConnection, columns: list[tuple[ColumnProfile, dict[str, int]]]
) -> None:
    """Typed min/max of columns given as their distinct values and counts, in one query: the typed
    reading of a value is the same on every row holding it."""
    parts: list[str] = []
    params: list[list[str] | list[int]] = []
    for k, (column, values) in enumerate(columns):
        typed = typed_expression(column, "v")
        parts.append(
            f"SELECT {k} AS k, CAST(min({typed}) AS VARCHAR), CAST(max({typed}) AS VARCHAR), "
            f"coalesce(sum(CASE WHEN {typed} IS NULL THEN 0 ELSE n END), 0) "
            f"FROM (SELECT unnest(${2 * k + 1}::VARCHAR[]) AS v, unnest(${2 * k + 2}::BIGINT[]) AS n)"
        )
        params += [list(values), list(values.values())]
    if not parts:
        return
    for k, low, high, ok in con.execute(" UNION ALL ".join(parts), params).fetchall():
        _apply(columns[k][0], low, high, ok)


def _fill_from_groups(con: duckdb.DuckDBPyConnection, table: str, columns: list[ColumnProfile]) -> None:
    """Typed min/max of whole columns read once per distinct value, weighted by its count."""
    parts: list[str] = []
    for k, column in enumerate(columns):
        typed = typed_expression(column, "v")
        parts.append(
            f"SELECT {k} AS k, CAST(min({typed}) AS VARCHAR), CAST(max({typed}) AS VARCHAR), "
            f"coalesce(sum(CASE WHEN {typed} IS NULL THEN 0 ELSE n END), 0) FROM (SELECT "
            f"{quote_ident(column.column)} AS v, count(*) AS n FROM raw.{quote_ident(table)} GROUP BY ALL)"
        )
    if not parts:
        return
    for k, low, high, ok in con.execute(" UNION ALL ".join(parts)).fetchall():
        _apply(columns[k], low, high, ok)


def fill_typed_ranges_from_sample(con: duckdb.DuckDBPyConnection, profiles: dict[int, TableProfile]) -> None:
    """Typed min/max of tables sampled whole (keyed by their number in the sample), in one query."""
    parts: list[str] = []
    targets: list[ColumnProfile] = []
    for t, profile in profiles.items():
        for i, column in enumerate(profile.columns):
            typed = typed_expression(column, "raw")
            if typed is not None:
                low, high = f"CAST(min({typed}) AS VARCHAR)", f"CAST(max({typed}) AS VARCHAR)"
                parts.append(
                    f"SELECT {len(targets)} AS k, {low}, {high}, count({typed}) "
                    f"FROM {SAMPLE_TABLE} WHERE t = {t} AND col = {i}"
                )
                targets.append(column)
    if not parts:
        return
    for k, low, high, ok in con.execute(" UNION ALL ".join(parts)).fetchall():
        _apply(targets[k], low, high, ok)
