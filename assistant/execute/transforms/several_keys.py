"""A reference cell naming several parents ('904;1021': a deal's associated contacts), read as its first.

A HighLevel opportunity, task or note has one contact, so a cell listing several keys of the linked
table (separated by ';', '|' or ',', or a JSON list: [12, 15]) links the record to the first of them,
as an owner cell naming several people gives the record its first. Only a cell that is no key itself
and whose first part is one is read so; any other value goes on as it is (and a key the export lacks
is reported as before).
The plan counts the rows read this way (``several_keys_lines``).
"""

from __future__ import annotations

import duckdb

from assistant.execute.raw_source import raw_columns
from assistant.execute.specs import REF_TARGETS
from assistant.execute.transforms.address_keys import address_key_sql
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import TransformKind
from assistant.transforms.sqltext import cleaned, ident, lit

_FIRST = "^\\s*([^;|,]+?)\\s*[;|,]"  # the first of several keys, before its separator


def _keys(table: str, key: str) -> str:
    return f"SELECT trim(d.{ident(key)}) FROM raw.{ident(table)} d WHERE d.{ident(key)} IS NOT NULL"


def first_key_sql(column: str, table: str, key: str) -> str:
    """The cell, or its first key when the cell lists several keys of ``table`` and is none itself.

    A JSON list gives its first item whatever it is (an empty list gives none): the item, not the
    bracketed text, is what a missing key is reported as."""
    raw = cleaned(column)
    listed = f"nullif(trim(json_extract_string({raw}, '$[0]')), '')"
    first = f"nullif(regexp_extract({raw}, {lit(_FIRST)}, 1), '')"
    keys = _keys(table, key)
    address = address_key_sql(raw)  # a related record's URI ends in its key
    return (
        f"CASE WHEN {raw} IN ({keys}) THEN {raw} "
        f"WHEN {address} IN ({keys}) THEN {address} "
        f"WHEN {raw} LIKE '[%' AND json_valid({raw}) THEN {listed} "
        f"WHEN {first} IN ({keys}) THEN {first} ELSE {raw} END"
    )


def several_keys_lines(con: duckdb.DuckDBPyConnection, doc: MappingDocument) -> list[str]:
    lines: list[str] = []
    for fm in doc.fields:
        params = fm.transform.params
        table, key = params.get("table"), params.get("key")
        if not (fm.confirmed and fm.transform.kind == TransformKind.LOOKUP and table and key):
            continue
        if fm.target.field not in REF_TARGETS or params.get("by_names") or len(fm.source_columns) != 1:
            continue
        column = fm.source_columns[0]
        if key not in raw_columns(con, str(table)) or column not in raw_columns(con, fm.source_object):
            continue  # a map confirmed on another export: the cell goes as it is (compile_spec)
        read = first_key_sql(column, str(table), str(key))
        row = con.execute(
            f"""SELECT count(*) FROM raw.{ident(fm.source_object)} AS src
            WHERE {read} IS DISTINCT FROM {cleaned(column)}
            AND {read} IS DISTINCT FROM {address_key_sql(cleaned(column))}"""
        ).fetchone()
        if row and row[0]:
            lines.append(
                f"{fm.source_object}: {row[0]} rows name several {table} rows in '{column}'; each links to "
                f"the first ({fm.id}): a HighLevel {fm.target.object} has one {fm.target.field}"
            )
    return lines
