"""A document table whose rows are its lines: one invoice or estimate per document number.

Accounting tools export invoices flat, one row per line item, the invoice's own columns (number,
dates, total, status) repeated on each of its lines. Sent row by row, an invoice of three lines
would be three invoices of one number: a customer billed three times. Where the confirmed map puts
line keys (description, quantity, unit price, tax, discount, line amount) on the document's own
table, the plan keeps the first row's record for each document number, gives it every row's line in
row order, and accounts the later rows merged into it by the ``one-document-per-number`` policy.
Rows without a number stay documents of their own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import duckdb

from assistant.execute.document_lines import line_struct
from assistant.execute.lines import is_line_spec
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec, field_key
from assistant.transforms.sqltext import ident, lit

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

POLICY = "one-document-per-number"
WHY = "an earlier row holds the same document number: one document, this row one of its lines"
LINE_ONLY = frozenset({"description", "qty", "amount", "taxRate", "discount", "lineTotal"})
DDL = """CREATE OR REPLACE TABLE exec.same_number_rows (source_object VARCHAR, "row" BIGINT,
    source_key VARCHAR, into_key VARCHAR)"""


def rows_are_lines(spec: RecordSpec) -> bool:
    """A document spec of its own table whose map puts line keys on the document's rows."""
    if spec.target not in DOCUMENT_KINDS or is_line_spec(spec):
        return False
    return any(field_key(fm) in LINE_ONLY for fm in spec.fields)


def fold_flat_documents(
    con: duckdb.DuckDBPyConnection,
    spec: RecordSpec,
    profiles: dict[tuple[str, str], ColumnProfile],
    columns: set[str],
) -> int:
    """One record per document number carrying each of its rows as a line; answers the rows folded."""
    if not rows_are_lines(spec):
        return 0
    t, s = lit(spec.target), lit(spec.source_object)
    line_spec = replace(spec, fields=[fm for fm in spec.fields if field_key(fm) in LINE_ONLY])
    number = """nullif(trim(json_extract_string(rec."values", '$.invoiceNumber')), '')"""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE flat_lines AS SELECT rec.source_key, rec."row",
        CASE WHEN {number} IS NULL THEN rec.source_key
            ELSE first_value(rec.source_key) OVER (PARTITION BY {number} ORDER BY rec."row") END AS into_key,
        {line_struct(line_spec, profiles, columns)} AS line
        FROM exec.records rec JOIN raw.{ident(spec.source_object)} AS src ON src."_row" = rec."row"
        WHERE rec.target = {t} AND rec.source_object = {s}"""
    )
    merged = "json_merge_patch(rec.\"values\", to_json({'lines': g.lines}))"
    con.execute(
        f"""UPDATE exec.records rec SET "values" = {merged}, payload_hash = md5(CAST({merged} AS VARCHAR))
        FROM (SELECT into_key, list(line ORDER BY "row") AS lines FROM flat_lines GROUP BY into_key) g
        WHERE rec.target = {t} AND rec.source_object = {s} AND rec.source_key = g.into_key"""
    )
    con.execute(
        f"""INSERT INTO exec.same_number_rows SELECT {s}, "row", source_key, into_key FROM flat_lines
        WHERE source_key <> into_key"""
    )
    con.execute(
        f"""DELETE FROM exec.records WHERE target = {t} AND source_object = {s}
        AND source_key IN (SELECT source_key FROM flat_lines WHERE source_key <> into_key)"""
    )
    con.execute("DROP TABLE flat_lines")
    return folded_rows(con, spec.source_object)


def folded_rows(con: duckdb.DuckDBPyConnection, source_object: str) -> int:
    """Rows of the table that went as a line of the document an earlier row of the same number made."""
    row = con.execute("SELECT count(*) FROM exec.same_number_rows WHERE source_object = ?", [source_object])
    found = row.fetchone()
    return int(found[0]) if found else 0
