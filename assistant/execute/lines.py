"""Document lines (an estimate's or invoice's items): one readable note per document, on its contact.

HighLevel opportunities hold no line items, and the mapping document has no field of the parent
to put them in, so nothing is dropped silently: each document's lines become one note ("Line
items of PRE00123 Reforma baño (3 lines): - Inodoro compacto: qty 2, unit price 165.0, …") on
the contact the document's own record belongs to. Lines of a document that is not migrated are
reported per document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from assistant.execute.specs import PASSES, RecordSpec
from assistant.mapping.models import TransformKind
from assistant.transforms import kinds
from assistant.transforms.sqltext import cleaned, ident, lit

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

LINE_ROLE = "line_items"
LABELS = {"quantity": "qty", "amount": "unit price", "price": "unit price", "sku": "SKU", "description": ""}
NAME_FIELDS = ("name", "title")


def is_line_spec(spec: RecordSpec) -> bool:
    return spec.object_target.role == LINE_ROLE and spec.object_map.parent_object is not None


def line_sql(spec: RecordSpec, columns: set[str]) -> str:
    """One line's text: its name, then every other mapped value with a short label, in map order."""
    head = "NULL"
    parts: list[str] = []
    for fm in spec.fields:
        if not set(fm.source_columns) <= columns:
            continue
        name = fm.target.field or (fm.target.custom_field.name if fm.target.custom_field else "")
        if fm.transform.kind == TransformKind.CONCAT:
            ctx = kinds.Context(key=name, columns=fm.source_columns, params=fm.transform.params)
            parts.append(kinds.concat(ctx)[0].value)
        elif name in NAME_FIELDS and head == "NULL":
            head = cleaned(fm.source_columns[0])
        else:
            label = LABELS.get(name, name)
            value = cleaned(fm.source_columns[0])
            parts.append(
                f"CASE WHEN {value} IS NOT NULL THEN {lit(label + ' ' if label else '')} || {value} END"
            )
    rest = f"nullif(concat_ws(', ', {', '.join(parts)}), '')" if parts else "NULL"
    return f"CASE WHEN coalesce({head}, {rest}) IS NOT NULL THEN '- ' || concat_ws(': ', {head}, {rest}) END"


def parent_key_column(
    spec: RecordSpec, profiles: dict[tuple[str, str], ColumnProfile], columns: set[str]
) -> str | None:
    """The line column holding its document's key: profiling's foreign key, else the nested-array link."""
    parent = spec.object_map.parent_object
    for (table, column), profile in sorted(profiles.items()):
        fk = profile.foreign_key
        if table == spec.source_object and fk is not None and fk.target_table == parent:
            return column
    return "_parent_key" if "_parent_key" in columns else None


def compile_lines(
    con: duckdb.DuckDBPyConnection,
    spec: RecordSpec,
    profiles: dict[tuple[str, str], ColumnProfile],
    columns: set[str],
) -> tuple[int, int]:
    """Write one note record per migrated document; answers (line rows, notes)."""
    parent = str(spec.object_map.parent_object)
    key_column = parent_key_column(spec, profiles, columns)
    table = f"raw.{ident(spec.source_object)}"
    parent_sql = f"nullif(trim(src.{ident(key_column)}), '')" if key_column else "NULL"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE lines_tmp AS SELECT {parent_sql} AS parent, "_row" AS r,
        {line_sql(spec, columns)} AS line FROM {table} AS src"""
    )
    # a document merged into another record (an estimate into its job) reaches that record's contact
    contact = """coalesce(json_extract_string(d."values", '$."ref:contactId"'), (
        SELECT any_value(json_extract_string(m."values", '$."ref:contactId"')) FROM exec.records m
        WHERE m.target = d.target AND m.source_key = json_extract_string(d."values", '$."_merge_parent"')))"""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE line_parents AS SELECT d.source_key,
        arg_min({contact}, d.pass) AS contact, arg_min(coalesce(json_extract_string(d."values", '$.name'),
        json_extract_string(d."values", '$.title')), d.pass) AS label FROM exec.records d
        WHERE d.source_object = ? AND {contact} IS NOT NULL GROUP BY d.source_key""",
        [parent],
    )
    header = (
        f"'Line items of ' || coalesce(p.label, {lit(parent + ' ')} || l.parent) || ' (' || count(l.line) || "
        "CASE WHEN count(l.line) = 1 THEN ' line):' ELSE ' lines):' END"
    )
    body = f"{header} || chr(10) || string_agg(l.line, chr(10) ORDER BY l.r)"
    con.execute(
        f"""INSERT INTO exec.records SELECT 'note', {lit(spec.source_object)}, parent, r, {PASSES["note"]},
        j, md5(CAST(j AS VARCHAR)) FROM (
        SELECT parent, r, to_json({{'body': body, 'ref:contactId': contact}}) AS j FROM (
        SELECT l.parent, min(l.r) AS r, p.contact, {body} AS body FROM lines_tmp l JOIN line_parents p
        ON p.source_key = l.parent WHERE l.line IS NOT NULL GROUP BY l.parent, p.label, p.contact))"""
    )
    con.execute(
        f"""INSERT INTO exec.transform_errors SELECT {lit(spec.source_object)}, 'note', l.parent, min(l.r),
        'parent', {lit(parent)}, 'lines of ' || {lit(parent + " ")} || l.parent || ' (' || count(*) ||
        ') are not carried: that document is not migrated', true
        FROM lines_tmp l WHERE l.line IS NOT NULL AND l.parent IS NOT NULL
        AND l.parent NOT IN (SELECT source_key FROM line_parents) GROUP BY l.parent"""
    )
    con.execute(
        f"""INSERT INTO exec.line_rows SELECT {lit(spec.source_object)}, l.r, l.parent,
        CASE WHEN l.parent IS NULL THEN 'the line names no document' WHEN l.line IS NULL
        THEN 'the line holds no mapped value' WHEN p.source_key IS NULL
        THEN 'its document ' || l.parent || ' is not migrated' END FROM lines_tmp l
        LEFT JOIN line_parents p ON p.source_key = l.parent"""
    )
    row = con.execute(
        "SELECT (SELECT count(*) FROM lines_tmp), (SELECT count(*) FROM exec.records "
        "WHERE target = 'note' AND source_object = ?)",
        [spec.source_object],
    ).fetchone()
    con.execute("DROP TABLE lines_tmp")
    con.execute("DROP TABLE line_parents")
    return (int(row[0]), int(row[1])) if row else (0, 0)
