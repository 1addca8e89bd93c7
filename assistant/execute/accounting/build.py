"""Build ``exec.accounting``: every source row's one outcome, from its parts and its table's decision.

A row's outcome is the worst of its parts (a client whose contact landed but whose company failed
is failed), so the per-table counts add up to the table's row count; a record made of some of its
columns beside its own (a job's note) does not decide it while its own is there: that record is
listed in the row's records and counted short by the summary (``short_records``). Rows of a table
the map moves nothing of are excluded by the decision that says so, or undecided when none does; rows
the ingest could not read are failed with the file and line.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from assistant.execute import flat_documents as flat
from assistant.execute import same_name_companies as same_name
from assistant.execute.accounting import ledger_state
from assistant.execute.accounting.decisions import TableDecision, table_decisions
from assistant.execute.accounting.parts import PARTS_DDL, add_parts
from assistant.execute.history_change_accounting import account_changes
from assistant.execute.specs import RecordSpec
from assistant.mapping.items import MappingDocument
from assistant.transforms.sqltext import ident, lit

# Worst first: a row takes the first of these that any of its parts has.
SEVERITY = ("failed", "pending", "not_carried", "held", "undecided", "excluded", "merged", "landed")
NOT_CLEAN = frozenset({"failed", "pending", "not_carried", "held", "undecided"})
MERGE_POLICY = "merge-into-parent"
BESIDE_ROLE = "from_columns"  # an object map's extra target, made of some of the row's columns
ACCOUNTING_DDL = """CREATE OR REPLACE TABLE exec.accounting (source_table VARCHAR, "row" BIGINT,
    source_key VARCHAR, outcome VARCHAR, destination_id VARCHAR, policy VARCHAR, into_record VARCHAR,
    decision VARCHAR, decided_by VARCHAR, decided_at VARCHAR, rule VARCHAR, detail VARCHAR,
    records VARCHAR)"""


def source_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw' ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows]


def build(con: duckdb.DuckDBPyConnection, doc: MappingDocument, specs: list[RecordSpec]) -> None:
    """(Re)write ``exec.accounting_parts`` and ``exec.accounting`` from the compiled plan and the ledger."""
    tables = source_tables(con)
    decisions = table_decisions(doc, tables)
    con.execute(PARTS_DDL)
    con.execute(ACCOUNTING_DDL)
    ledger_state.load(con)
    try:
        for spec in specs:
            if spec.source_object in decisions:
                add_parts(con, spec)
        account_changes(con)  # history rows changed after their message was added
        _overwritten(con)
        _decisions_table(con, list(decisions.values()))
        beside = {s.name for s in specs if s.object_target.role == BESIDE_ROLE}
        for table in tables:
            if any(s.source_object == table for s in specs):
                _from_parts(con, table, beside)
            else:
                _whole_table(con, decisions[table])
        _ingest_rejects(con)
    finally:
        ledger_state.drop(con)
        con.execute("DROP TABLE IF EXISTS table_decisions")


def _overwritten(con: duckdb.DuckDBPyConnection) -> None:
    """Several documents writing the same fields of one contact: only the last one's values stay.

    Read from the compiled records (documents are sent in source order), so the plan sees it too.
    """
    con.execute(
        """UPDATE exec.accounting_parts p SET outcome = 'not_carried', policy = NULL,
        detail = 'its values on the contact of ' || w.parent || ' are overwritten by ' || w.last_key
            || ', a later document of the same contact'
        FROM (SELECT a.source_table, a."row", a.record, first_value(a.source_key) OVER w AS last_key,
            row_number() OVER w AS n, json_extract_string(r."values", '$."ref:contactId"') AS parent
            FROM exec.accounting_parts a JOIN exec.records r ON r.target = 'contact_fields'
            AND r.source_object = a.source_table AND r.source_key = a.source_key
            WHERE a.outcome IN ('landed', 'pending') AND a.record = 'contact_fields:' || a.source_table
            WINDOW w AS (PARTITION BY a.record, json_extract_string(r."values", '$."ref:contactId"')
            ORDER BY a."row" DESC)) w
        WHERE w.n > 1 AND p.source_table = w.source_table AND p."row" = w."row" AND p.record = w.record"""
    )


def _decisions_table(con: duckdb.DuckDBPyConnection, decisions: list[TableDecision]) -> None:
    con.execute(
        """CREATE OR REPLACE TEMP TABLE table_decisions (source_table VARCHAR, decision VARCHAR,
        decided_by VARCHAR, decided_at VARCHAR)"""
    )
    con.executemany(
        "INSERT INTO table_decisions VALUES (?, ?, ?, ?)",
        [(d.table, d.decision, d.decided_by, _iso(d.decided_at)) for d in decisions],
    )


def _from_parts(con: duckdb.DuckDBPyConnection, table: str, beside: set[str]) -> None:
    rank = "CASE p.outcome " + " ".join(f"WHEN {lit(o)} THEN {i}" for i, o in enumerate(SEVERITY)) + " END"
    extra = f"p.record IN ({', '.join(lit(b) for b in sorted(beside))})" if beside else "false"
    rank = f"CASE WHEN {extra} AND p.mains > 0 THEN {2 * len(SEVERITY)} + {rank} ELSE {rank} END"
    # A row that fills its parent's record and also lands as a record of its own (an estimate merged
    # into its job's opportunity and sent as a native estimate) is landed: its own record names it; so
    # is a person whose company went into the one an earlier row of the same company name made, and a
    # line of a flat invoice export whose document an earlier row of the same number made.
    folds = ", ".join(lit(p) for p in (MERGE_POLICY, same_name.POLICY, flat.POLICY))
    merge = f"p.outcome = 'merged' AND p.policy IN ({folds})"
    rank = f"CASE WHEN {merge} THEN {len(SEVERITY)} ELSE {rank} END"
    # a company shared with an earlier row says nothing of the row's own record beside it
    own = f"NOT (p.parts > 1 AND coalesce(p.policy = {lit(same_name.POLICY)}, false))"
    con.execute(
        f"""INSERT INTO exec.accounting SELECT {lit(table)}, src."_row", w.source_key,
        coalesce(w.outcome, CASE WHEN sk.empty THEN 'held' ELSE 'excluded' END), w.destination_id, w.policy,
        w.into_record, d.decision, d.decided_by, d.decided_at,
        coalesce(w.rule, CASE WHEN w.outcome IS NULL AND sk.empty THEN 'required' END),
        coalesce(w.detail, CASE WHEN w.outcome IS NULL AND sk.empty
            THEN 'the row holds no value for what its records need (a name, a title, a body, a file): '
                || 'no record is made of it'
            WHEN w.outcome IS NULL
            THEN 'no target of the object map takes this row (its conditions leave it out)' END), w.records
        FROM raw.{ident(table)} src
        LEFT JOIN (SELECT "row", arg_min(p.outcome, {rank}) AS outcome,
            arg_min(p.source_key, {rank}) AS source_key,
            arg_min(p.destination_id, {rank}) AS destination_id,
            arg_min(p.policy, {rank}) FILTER (WHERE {own}) AS policy,
            arg_min(p.into_record, {rank}) FILTER (WHERE {own}) AS into_record,
            arg_min(p.rule, {rank}) AS rule,
            arg_min(p.detail, {rank}) FILTER (WHERE {own}) AS detail,
            string_agg(p.record || ' ' || p.outcome || coalesce(' ' || p.destination_id, ''), '; '
                ORDER BY p.record) AS records
            FROM (SELECT *, count(*) OVER (PARTITION BY "row") AS parts,
            count(*) FILTER (WHERE NOT {extra}) OVER (PARTITION BY "row") AS mains
            FROM exec.accounting_parts p WHERE source_table = {lit(table)}) p GROUP BY "row") w
            ON w."row" = src."_row"
        LEFT JOIN (SELECT "row", bool_or(reason = 'empty') AS empty FROM exec.skipped_rows
            WHERE source_object = {lit(table)} GROUP BY "row") sk ON sk."row" = src."_row"
        LEFT JOIN table_decisions d ON d.source_table = {lit(table)}"""
    )


def _whole_table(con: duckdb.DuckDBPyConnection, decision: TableDecision) -> None:
    """A table no record kind reads: excluded by the decision that says so, else undecided."""
    if decision.decision is None or (decision.decided_by is None and decision.decided_at is None):
        outcome, detail = "undecided", "no decision covers this table: nothing of it is migrated"
    else:
        outcome = "excluded"
        detail = decision.excluded or "its object map makes no HighLevel record of it"
    con.execute(
        f"""INSERT INTO exec.accounting SELECT {lit(decision.table)}, "_row", NULL, ?, NULL, NULL, NULL,
        ?, ?, ?, NULL, ?, NULL FROM raw.{ident(decision.table)}""",
        [outcome, decision.decision, decision.decided_by, _iso(decision.decided_at), detail],
    )


def _ingest_rejects(con: duckdb.DuckDBPyConnection) -> None:
    """Rows the ingest could not read never reached a raw table; they count as failed.

    Blank lines are left out: they hold no value, so nothing of them can be lost.
    """
    exists = con.execute(
        """SELECT count(*) FROM information_schema.tables
        WHERE table_schema = 'meta' AND table_name = 'rejects'"""
    ).fetchone()
    if not exists or not exists[0]:
        return
    con.execute(
        """INSERT INTO exec.accounting SELECT object, NULL, path || ':' || line, 'failed', NULL, NULL, NULL,
        NULL, NULL, NULL, 'ingest', 'not read from ' || path || ' line ' || line
            || coalesce(' (' || "column" || ')', '') || ': ' || reason, NULL FROM meta.rejects
        WHERE NOT starts_with(coalesce(reason, ''), 'blank row')"""
    )


def _iso(when: datetime | None) -> str | None:
    return when.isoformat(timespec="seconds") if when else None
