"""Values on rows that the object map's conditions leave out of every record reading them.

A table split on a value (companies and people in one contacts list) sends each row to one kind of
record. A column only the other kind reads (a company row's tags, when HighLevel companies hold no
tags) then has values nothing carries: the plan counts them beside the field map, never silently.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb

from assistant.execute.raw_source import raw_columns
from assistant.execute.specs import RecordSpec
from assistant.mapping.conditions import value_condition
from assistant.mapping.items import FieldMap
from assistant.mapping.loss import Loss
from assistant.transforms.sqltext import cleaned, ident, lit


def condition_losses(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> list[Loss]:
    by_table: dict[str, list[RecordSpec]] = defaultdict(list)
    for spec in specs:
        if not spec.merge_into:
            by_table[spec.source_object].append(spec)
    out: list[Loss] = []
    for table, group in sorted(by_table.items()):
        if not any(s.object_target.condition for s in group):
            continue
        # the column a condition reads says what the row is: the record made of it carries that
        deciding = {valued[0] for s in group if (valued := value_condition(s.object_target.condition))}
        readers: dict[str, list[tuple[RecordSpec, FieldMap]]] = defaultdict(list)
        available = raw_columns(con, table)  # a shared map may name columns this export lacks
        for spec in group:
            for fm in spec.fields:
                if fm.source_columns[0] not in deciding and fm.source_columns[0] in available:
                    readers[fm.source_columns[0]].append((spec, fm))
        for column, users in sorted(readers.items()):
            left = " AND ".join(
                f"""src."_row" IN (SELECT "row" FROM exec.skipped_rows WHERE target = {lit(spec.target)}
                AND source_object = {lit(table)} AND reason = 'condition')"""
                for spec, _ in users
            )
            row = con.execute(
                f"SELECT count(*) FROM raw.{ident(table)} src WHERE {cleaned(column)} IS NOT NULL AND {left}"
            ).fetchone()
            n = int(row[0]) if row else 0
            if n:
                spec, fm = users[0]
                why = (
                    f"{n} values sit on rows that {' and '.join(sorted({s.name for s, _ in users}))} "
                    f"leave out ({spec.object_target.condition}), and no other record of those rows reads "
                    f"'{column}'"
                )
                out.append(Loss(fm.id, 0, n, why))
    return out
