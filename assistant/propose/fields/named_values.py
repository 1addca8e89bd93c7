"""Field maps of a named list's table, with its bare ``value`` column read under the list's name.

Every rule of the field proposer reads a column's header for its meaning. A named list's value
(``contacts__fields.title`` -> ``value``, see ``named_lists``) has no meaning of its own, so the table
is proposed with that column renamed to the list's name ('title'), its cells still read from the
real column, and the maps are pointed back at the real column afterwards.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence
from assistant.profile.models import TableProfile, ValueCount
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.named_lists import named_value_header
from assistant.propose.fields.table import propose_table_fields as _propose
from assistant.propose.sourcedata import SourceValues


class _Renamed:
    """Source values of one table with a column read under another name."""

    def __init__(self, values: SourceValues, table: str, alias: str, real: str) -> None:
        self._values, self._table, self._alias, self._real = values, table, alias, real

    def _column(self, table: str, column: str) -> str:
        return self._real if table == self._table and column == self._alias else column

    def distinct(self, table: str, column: str, limit: int = 2000) -> list[ValueCount]:
        return self._values.distinct(table, self._column(table, column), limit)

    def rows(self, table: str, columns: list[str], limit: int = 5000) -> list[dict[str, str | None]]:
        real = [self._column(table, c) for c in columns]
        return [
            {c: row.get(r) for c, r in zip(columns, real, strict=True)}
            for row in self._values.rows(table, real, limit)
        ]


def _renamed_table(table: TableProfile) -> tuple[TableProfile, str, str] | None:
    for col in table.columns:
        alias = named_value_header(table, col)
        if alias is not None and all(c.column != alias for c in table.columns):
            columns = [c.model_copy(update={"column": alias}) if c is col else c for c in table.columns]
            key = None if table.primary_key == col.column else table.primary_key  # unique, yet no key
            return table.model_copy(update={"columns": columns, "primary_key": key}), alias, col.column
    return None


def _point_back(value: Any, alias: str, real: str) -> Any:
    if isinstance(value, str):
        return real if value == alias else value.replace("{" + alias + "}", "{" + real + "}")
    if isinstance(value, list):
        return [_point_back(v, alias, real) for v in value]
    if isinstance(value, dict):
        return {k: _point_back(v, alias, real) for k, v in value.items()}
    return value


def _restored(fm: FieldMap, table: str, alias: str, real: str) -> FieldMap:
    if alias not in fm.source_columns:
        return fm
    params = fm.transform.params
    why = f"'{real}' holds the entries of the list '{alias}': read as its '{alias}'"
    return fm.model_copy(
        update={
            "id": fm.id.replace(f"field:{table}.{alias}", f"field:{table}.{real}", 1),
            "source_columns": [real if c == alias else c for c in fm.source_columns],
            "transform": fm.transform.model_copy(update={"params": _point_back(params, alias, real)}),
            "rationale": f"{why} — {fm.rationale}",
            "evidence": [Evidence(source="table", detail=why), *fm.evidence],
        }
    )


def propose_table_fields(ctx: TableContext, tables: dict[str, TableProfile]) -> list[FieldMap]:
    """The table's field maps; a named list's value column is proposed under the list's name."""
    renamed = _renamed_table(ctx.table) if ctx.values is not None else None
    if renamed is None or ctx.values is None:
        return _propose(ctx, tables)
    table, alias, real = renamed
    values = _Renamed(ctx.values, ctx.name, alias, real)
    maps = _propose(replace(ctx, table=table, values=values), tables)
    return [_restored(fm, ctx.name, alias, real) for fm in maps]
