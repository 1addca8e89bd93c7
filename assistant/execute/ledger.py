"""The ledger: one row per operation per run, persisted before and after every request.

Status moves new → started → done | failed (and done → rolled_back). A row left ``started`` by a
killed process has an unknown outcome: the runner asks HighLevel whether the record exists before
sending it again. Each status change is on disk before the request leaves (during a run, as a synced
journal line folded into the table in batches: ``assistant.ledger_journal``; else as its own committed
statement), so ``kill -9`` at any moment leaves a ledger that tells exactly what is known.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from assistant.ledger_fold import LEDGER_DDL
from assistant.ledger_journal import fold, journal_change

RUNS_DDL = """CREATE TABLE IF NOT EXISTS exec.runs (
    run_id VARCHAR PRIMARY KEY, mode VARCHAR, location_id VARCHAR, base_url VARCHAR, started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ, status VARCHAR, approved_at TIMESTAMPTZ, sample_size INTEGER)"""


_INSERT = (
    """INSERT INTO exec.ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'started', NULL, 1, NULL, ?, ?, ?)"""
)
_ON_CONFLICT = """ ON CONFLICT (run_id, op_id) DO UPDATE SET status = 'started',
    attempts = exec.ledger.attempts + 1, payload_hash = excluded.payload_hash, sent = excluded.sent,
    updated_at = excluded.updated_at, hl_id = coalesce(exec.ledger.hl_id, excluded.hl_id),
    previous_values = coalesce(exec.ledger.previous_values, excluded.previous_values)"""


@dataclass(frozen=True)
class Op:
    op_id: str
    pass_no: int
    action: str  # create | update | link | schema
    object: str
    source_object: str
    source_key: str
    payload_hash: str


def ensure(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(LEDGER_DDL)
    con.execute(RUNS_DDL)
    fold(con)


def now() -> datetime:
    return datetime.now(UTC)


def new_run(
    con: duckdb.DuckDBPyConnection, mode: str, location_id: str, base_url: str, sample: int = 0
) -> str:
    ensure(con)
    run_id = f"{now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    con.execute(
        "INSERT INTO exec.runs VALUES (?, ?, ?, ?, ?, NULL, 'running', NULL, ?)",
        [run_id, mode, location_id, base_url, now(), sample],
    )
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str) -> None:
    con.execute("UPDATE exec.runs SET finished_at = ?, status = ? WHERE run_id = ?", [now(), status, run_id])


def start(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    op: Op,
    sent: dict[str, Any] | None,
    *,
    hl_id: str | None = None,
    previous: dict[str, Any] | None = None,
) -> None:
    """Record that the request is about to leave (committed before it does).

    For an update, ``hl_id`` and the ``previous`` values are known before sending, so a rollback
    can restore them even when the process dies right after the update landed.
    """
    fields = {"pass": op.pass_no, "action": op.action, "object": op.object, "hl_id": hl_id}
    fields |= {"source_object": op.source_object, "source_key": op.source_key, "sent": _json(sent)}
    fields |= {"payload_hash": op.payload_hash, "previous": _json(previous)}
    if journal_change(con, "start", run_id, op.op_id, fields):
        return
    values = [
        run_id,
        op.op_id,
        op.pass_no,
        op.action,
        op.object,
        op.source_object,
        op.source_key,
        op.payload_hash,
        hl_id,
        _json(sent),
        _json(previous),
        now(),
    ]
    try:  # the first attempt of an op in a run: a plain insert costs DuckDB a third of the upsert's CPU
        con.execute(_INSERT, values)
    except duckdb.ConstraintException:  # a resumed op: count the attempt, keep what is known
        con.execute(_INSERT + _ON_CONFLICT, values)


def done(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    op_id: str,
    hl_id: str,
    outcome: str,
    *,
    parent_id: str | None = None,
) -> None:
    answer = {"hl_id": hl_id, "outcome": outcome, "parent_id": parent_id}
    if journal_change(con, "done", run_id, op_id, answer):
        return
    con.execute(
        """UPDATE exec.ledger SET status = 'done', hl_id = ?, outcome = ?, parent_id = ?, error = NULL,
        updated_at = ? WHERE run_id = ? AND op_id = ?""",
        [hl_id, outcome, parent_id, now(), run_id, op_id],
    )


def failed(con: duckdb.DuckDBPyConnection, run_id: str, op_id: str, error: str) -> None:
    if journal_change(con, "failed", run_id, op_id, {"error": error[:2000]}):
        return
    con.execute(
        "UPDATE exec.ledger SET status = 'failed', error = ?, updated_at = ? WHERE run_id = ? AND op_id = ?",
        [error[:2000], now(), run_id, op_id],
    )


def mark(
    con: duckdb.DuckDBPyConnection, run_id: str, op_id: str, status: str, error: str | None = None
) -> None:
    if journal_change(con, "mark", run_id, op_id, {"status": status, "error": error}):
        return
    con.execute(
        """UPDATE exec.ledger SET status = ?, error = coalesce(?, error), updated_at = ?
        WHERE run_id = ? AND op_id = ?""",
        [status, error, now(), run_id, op_id],
    )


@dataclass(frozen=True)
class Entry:
    run_id: str
    op_id: str
    action: str
    object: str
    source_object: str
    source_key: str
    payload_hash: str
    hl_id: str | None
    parent_id: str | None
    status: str
    outcome: str | None


_ENTRY_FIELDS = ("run_id", "op_id", "action", "object", "source_object", "source_key", "payload_hash")
_ENTRY_COLS = ", ".join((*_ENTRY_FIELDS, "hl_id", "parent_id", "status", "outcome"))


def failed_operations(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """'op id: error' of each operation of the run that HighLevel refused, in pass order."""
    rows = con.execute(
        """SELECT op_id || ': ' || coalesce(error, '') FROM exec.ledger WHERE run_id = ? AND status = 'failed'
        ORDER BY pass, op_id""",
        [run_id],
    ).fetchall()
    return [str(r[0]) for r in rows]


def current(con: duckdb.DuckDBPyConnection) -> dict[str, Entry]:
    """The latest row of every operation across runs (what HighLevel holds as far as we know)."""
    ensure(con)
    rows = con.execute(
        f"""SELECT {_ENTRY_COLS} FROM exec.ledger
        QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1"""
    ).fetchall()
    return {r[1]: Entry(*r) for r in rows}


def latest(con: duckdb.DuckDBPyConnection, op_id: str) -> Entry | None:
    """The latest row of one operation (``current`` reads them all)."""
    fold(con)
    row = con.execute(
        f"SELECT {_ENTRY_COLS} FROM exec.ledger WHERE op_id = ? ORDER BY updated_at DESC LIMIT 1", [op_id]
    ).fetchone()
    return Entry(*row) if row else None


def created_ids(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """op_id -> HighLevel id of every record migrated and not rolled back (updates keep the create's id)."""
    ensure(con)
    rows = con.execute(
        """SELECT op_id, hl_id FROM (SELECT op_id, hl_id, status FROM exec.ledger
        QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1)
        WHERE status = 'done' AND hl_id IS NOT NULL"""
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def run_entries(con: duckdb.DuckDBPyConnection, run_id: str) -> list[Entry]:
    fold(con)
    rows = con.execute(
        f"SELECT {_ENTRY_COLS} FROM exec.ledger WHERE run_id = ? ORDER BY pass DESC, updated_at DESC",
        [run_id],
    ).fetchall()
    return [Entry(*r) for r in rows]


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def opportunity_contacts(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Opportunity id -> the contact it was created for (notes and files of a job go to that contact)."""
    ensure(con)
    rows = con.execute(
        """SELECT hl_id, json_extract_string(sent, '$.contactId') FROM exec.ledger
        WHERE object = 'opportunity' AND status = 'done' AND hl_id IS NOT NULL AND sent IS NOT NULL"""
    ).fetchall()
    return {r[0]: r[1] for r in rows if r[1]}
