"""Lines of a native invoice or estimate: grouped per document into its own record's ``lines``.

Each line keeps its name, quantity, unit price, tax rate and discount as the field maps read them
(numbers through the field's transform, so a "1.234,56" price is 1234.56). A line whose document
made no record is reported per document, never dropped silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from assistant.execute.document_tax import FLAG, flag_sql
from assistant.execute.lines import parent_key_column
from assistant.execute.specs import RecordSpec, field_key
from assistant.execute.transforms.build import outputs_for
from assistant.transforms.sqltext import ident, lit

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

# Line keys a field map may target, by the name the line record keeps them under.
LINE_KEYS = {
    "name": "name",
    "title": "name",
    "description": "description",
    "qty": "qty",
    "quantity": "qty",
    "amount": "amount",
    "price": "amount",
    "unitPrice": "amount",
    "taxRate": "taxRate",
    "discount": "discount",
    "lineTotal": "lineTotal",
}
NUMERIC = frozenset({"qty", "amount", "taxRate", "discount", "lineTotal"})


def line_struct(spec: RecordSpec, profiles: dict[tuple[str, str], ColumnProfile], columns: set[str]) -> str:
    """SQL of one line as a struct; unmapped keys are NULL."""
    values: dict[str, str] = {}
    for fm in spec.fields:
        name = LINE_KEYS.get(field_key(fm))
        if name is None or name in values or not set(fm.source_columns) <= columns:
            continue
        flag = flag_sql(fm, profiles) if name == "taxRate" else None
        if flag is not None:  # a Yes/No column: whether the line is taxed, never its rate
            values.setdefault(FLAG, flag)
            continue
        outs = outputs_for(fm, spec, profiles, None, {}, name)
        if outs:
            value = outs[0].value
            values[name] = f"TRY_CAST({value} AS DOUBLE)" if name in NUMERIC else f"CAST({value} AS VARCHAR)"
    keys = ("name", "description", "qty", "amount", "taxRate", "discount", "lineTotal", FLAG)
    fields = ", ".join(f"{lit(k)}: {values.get(k, 'NULL')}" for k in keys)
    return "{" + fields + "}"


def compile_document_lines(
    con: duckdb.DuckDBPyConnection,
    spec: RecordSpec,
    profiles: dict[tuple[str, str], ColumnProfile],
    columns: set[str],
) -> int:
    """Put every line into its document's record; answers the number of line rows read."""
    parent = str(spec.object_map.parent_object)
    key_column = parent_key_column(spec, profiles, columns)
    parent_sql = f"nullif(trim(src.{ident(key_column)}), '')" if key_column else "NULL"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE doc_lines AS SELECT {parent_sql} AS parent, "_row" AS r,
        {line_struct(spec, profiles, columns)} AS line FROM raw.{ident(spec.source_object)} AS src"""
    )
    target = lit(spec.target)
    merged = "json_merge_patch(rec.\"values\", to_json({'lines': g.lines}))"
    con.execute(
        f"""UPDATE exec.records rec SET "values" = {merged}, payload_hash = md5(CAST({merged} AS VARCHAR))
        FROM (SELECT parent, list(line ORDER BY r) AS lines FROM doc_lines GROUP BY parent) g
        WHERE rec.target = {target} AND rec.source_object = {lit(parent)} AND rec.source_key = g.parent"""
    )
    made = f"SELECT source_key FROM exec.records WHERE target = {target} AND source_object = {lit(parent)}"
    con.execute(
        f"""INSERT INTO exec.line_rows SELECT {lit(spec.source_object)}, r, parent,
        CASE WHEN parent IS NULL THEN 'the line names no document'
        WHEN parent NOT IN ({made}) THEN 'its document ' || parent || ' is not migrated' END
        FROM doc_lines"""
    )
    row = con.execute("SELECT count(*) FROM doc_lines").fetchone()
    con.execute("DROP TABLE doc_lines")
    return int(row[0]) if row else 0
