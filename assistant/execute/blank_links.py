"""Rows whose link by name is blank and that link by their own e-mail instead, counted for the plan.

The map names the fallback (``blank_by`` on a lookup by name, with the proposal's evidence); the plan
says how many rows it serves and how many it leaves without a link, so the engineer sees which deals
reach their contact by e-mail rather than by the name the export gave.
"""

from __future__ import annotations

import duckdb

from assistant.execute.raw_source import raw_columns
from assistant.execute.specs import REF_TARGETS
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import TransformKind
from assistant.transforms.sqltext import ident, lit


def usable(con: duckdb.DuckDBPyConnection, fm: FieldMap, available: set[str]) -> FieldMap:
    """The map without the parameters naming columns this export lacks (a map confirmed on another
    client's export): without its e-mail column the name alone links, without the linked table's key
    column the cell is sent as it is, as before."""
    params = fm.transform.params
    if fm.transform.kind != TransformKind.LOOKUP or not params.get("table"):
        return fm
    theirs = raw_columns(con, str(params["table"]))
    blank_by = params.get("blank_by")
    drop = set()
    if isinstance(blank_by, dict) and not (
        blank_by.get("column") in available and blank_by.get("target_column") in theirs
    ):
        drop.add("blank_by")
    if params.get("key") not in theirs and not params.get("by_names"):
        drop.add("key")  # no reading of several keys in one cell (several_keys) without the key column
    if not drop:
        return fm
    kept = {k: v for k, v in params.items() if k not in drop}
    return fm.model_copy(update={"transform": fm.transform.model_copy(update={"params": kept})})


def blank_link_lines(con: duckdb.DuckDBPyConnection, doc: MappingDocument) -> list[str]:
    lines: list[str] = []
    for fm in doc.fields:
        blank_by = fm.transform.params.get("blank_by")
        field = fm.target.field
        if not (fm.confirmed and fm.transform.kind == TransformKind.LOOKUP and isinstance(blank_by, dict)):
            continue
        if field not in REF_TARGETS or len(fm.source_columns) != 1:
            continue
        if "blank_by" not in usable(con, fm, raw_columns(con, fm.source_object)).transform.params:
            continue
        name, own = fm.source_columns[0], str(blank_by["column"])
        table = str(fm.transform.params.get("table"))
        linked = f"""(SELECT DISTINCT "row" FROM exec.records WHERE source_object = {lit(fm.source_object)}
            AND json_extract_string("values", {lit(f'$."ref:{field}"')}) IS NOT NULL)"""
        row = con.execute(
            f"""SELECT count(*) FILTER (WHERE l."row" IS NOT NULL), count(*)
            FROM raw.{ident(fm.source_object)} src LEFT JOIN {linked} l ON l."row" = src."_row"
            WHERE nullif(trim(src.{ident(name)}), '') IS NULL
            AND nullif(trim(src.{ident(own)}), '') IS NOT NULL"""
        ).fetchone()
        if not row or not row[1]:
            continue
        found, blank = int(row[0]), int(row[1])
        lines.append(
            f"{fm.source_object}: {found} of {blank} rows with a blank '{name}' and an e-mail link to the "
            f"{table} row holding their own '{own}' ({fm.id}); "
            + (f"{blank - found} find none or are held back" if blank > found else "every one found")
        )
    return lines
