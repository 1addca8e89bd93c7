"""Every source invoice and estimate as the plan read it: status and stated total, kept per compile.

The verification sums totals per status on both sides. The source side must include the documents
that travel as a note on their contact (their compiled record is replaced by the note's), so each
document's status and total are kept in ``exec.document_sources`` before that replacement, with
the sum of its own lines and, where they disagree, why: a difference per status is then traced to
the documents that cause it.
"""

from __future__ import annotations

import json

import duckdb

from assistant.execute.document_records import document_of
from assistant.execute.document_tax import UNTAXED, untaxed
from assistant.execute.documents import Customer, total_mismatch
from assistant.execute.specs import DOCUMENT_KINDS

DDL = """CREATE OR REPLACE TABLE exec.document_sources (
    kind VARCHAR, source_object VARCHAR, source_key VARCHAR, number VARCHAR, status VARCHAR,
    total DOUBLE, currency VARCHAR, line_sum DOUBLE, reason VARCHAR)"""


def keep_document_sources(con: duckdb.DuckDBPyConnection) -> int:
    """Write ``exec.document_sources`` from the compiled document records; answers how many."""
    con.execute(DDL)
    kinds = sorted(DOCUMENT_KINDS)
    rows = con.execute(
        f"""SELECT target, source_object, source_key, "values" FROM exec.records
        WHERE target IN ({", ".join("?" * len(kinds))}) ORDER BY source_object, "row" """,
        kinds,
    ).fetchall()
    out = []
    for kind, source_object, key, raw in rows:
        values = json.loads(raw)
        doc = document_of(kind, source_object, key, values, Customer(""), "")
        mismatch = total_mismatch(doc)
        reason = (mismatch.reason or "its stated total is not its lines' sum") if mismatch else ""
        if mismatch and untaxed(values):
            reason = UNTAXED
        row = [kind, source_object, key, doc.number, doc.status, round(doc.total, 2), doc.currency]
        out.append([*row, round(doc.line_sum, 2), reason])
    if out:
        con.executemany("INSERT INTO exec.document_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", out)
    return len(out)
