"""Rows whose record the plan folded into an earlier row's: which table says so, and under what policy.

Two folds exist: companies named on people's or deals' rows (one company per name,
``same_name_companies``) and flat document exports (one invoice or estimate per number, its rows its
lines, ``flat_documents``). A folded row is merged into the record the earlier row made; when that
document went as a note on its contact instead, the row is merged into that note.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.execute import document_contacts as as_note
from assistant.execute import flat_documents as flat
from assistant.execute import same_name_companies as same_name
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec
from assistant.transforms.sqltext import lit


@dataclass(frozen=True)
class Fold:
    table: str  # exec.<table> of (source_object, row, source_key, into_key)
    applies: str  # SQL: whether the spec's kind folds at all
    policy: str
    why: str
    note_prefix: str  # SQL: ledger op prefix of the record when it went as a note instead ('NULL': never)


def fold_of(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> Fold:
    """The fold the spec's kind can have (the tables exist even on a plan made before they did)."""
    con.execute(same_name.DDL.replace("CREATE OR REPLACE TABLE", "CREATE TABLE IF NOT EXISTS"))
    con.execute(flat.DDL.replace("CREATE OR REPLACE TABLE", "CREATE TABLE IF NOT EXISTS"))
    if spec.target in DOCUMENT_KINDS:
        note = lit(f"{as_note.KIND}:{spec.source_object}:")
        return Fold("exec.same_number_rows", "true", flat.POLICY, flat.WHY, note)
    applies = "true" if spec.target == "company" else "false"
    return Fold("exec.same_name_rows", applies, same_name.POLICY, same_name.WHY, "NULL")
