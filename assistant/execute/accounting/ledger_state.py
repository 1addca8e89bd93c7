"""What the ledger knows now: the latest row of every operation, and who created each HighLevel id."""

from __future__ import annotations

import duckdb

from assistant.execute import ledger

# SQL of an outcome read from the latest ledger row ``l`` of a record's operation.
OUTCOME = """CASE WHEN l.op_id IS NULL THEN 'pending'
    WHEN l.status = 'done' AND l.outcome = 'existing' THEN 'merged'
    WHEN l.status = 'done' THEN 'landed'
    WHEN l.status IN ('failed', 'started') THEN 'failed'
    ELSE 'pending' END"""
DETAIL = """CASE WHEN l.op_id IS NULL THEN 'not sent yet: no run has sent it'
    WHEN l.status = 'done' AND l.outcome = 'existing'
    THEN 'HighLevel matched it to a record already there; its values were not written'
    WHEN l.status = 'done' THEN NULL
    WHEN l.status = 'failed' THEN l.error
    WHEN l.status = 'started' THEN 'the run stopped while sending it: outcome unknown'
    ELSE 'rolled back: no longer in HighLevel' END"""
DUPLICATE_POLICY = "highlevel-duplicate-rule"


def load(con: duckdb.DuckDBPyConnection) -> None:
    """Temp tables ``ledger_now`` (latest row per op) and ``ledger_creators`` (hl id -> creating op)."""
    ledger.ensure(con)
    con.execute(
        """CREATE OR REPLACE TEMP TABLE ledger_now AS SELECT op_id, action, object, hl_id, status, outcome,
        error, sent, updated_at FROM exec.ledger
        QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1"""
    )
    con.execute(
        """CREATE OR REPLACE TEMP TABLE ledger_creators AS SELECT hl_id, min(op_id) AS op_id FROM ledger_now
        WHERE status = 'done' AND hl_id IS NOT NULL AND action = 'create'
        AND coalesce(outcome, '') NOT IN ('existing', 'linked') GROUP BY hl_id"""
    )


def drop(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DROP TABLE IF EXISTS ledger_now")
    con.execute("DROP TABLE IF EXISTS ledger_creators")
