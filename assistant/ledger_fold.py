"""Folding journal lines into ``exec.ledger``: the same end state as one statement per line, in one
transaction of a handful of statements whatever the batch's length.

Each line is applied, in order, to the row it names (read once): ``start`` inserts the row or, for a
resumed operation, counts the attempt and keeps what is known; ``done``, ``failed`` and ``mark`` move
its status. The rows are then written back. The journal's id and last line number are kept in the
same transaction, so a journal replayed after a crash right after its fold skips what is folded.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb

COLUMNS = (
    "run_id", "op_id", "pass", "action", "object", "source_object", "source_key", "payload_hash", "hl_id",
    "parent_id", "status", "outcome", "attempts", "error", "sent", "previous_values", "updated_at",
)  # fmt: skip
LEDGER_DDL = """CREATE TABLE IF NOT EXISTS exec.ledger (
    run_id VARCHAR, op_id VARCHAR, pass INTEGER, action VARCHAR, object VARCHAR, source_object VARCHAR,
    source_key VARCHAR, payload_hash VARCHAR, hl_id VARCHAR, parent_id VARCHAR, status VARCHAR,
    outcome VARCHAR, attempts INTEGER, error VARCHAR, sent JSON, previous_values JSON,
    updated_at TIMESTAMPTZ, PRIMARY KEY (run_id, op_id))"""
FOLDS_DDL = "CREATE TABLE IF NOT EXISTS exec.ledger_folds (journal_id VARCHAR PRIMARY KEY, seq BIGINT)"
Row = dict[str, Any]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(LEDGER_DDL)
    con.execute(FOLDS_DDL)


def fold_entries(
    con: duckdb.DuckDBPyConnection, journal_id: str, entries: list[dict[str, Any]], *, tables: bool = False
) -> None:
    """``tables``: the caller has made sure the tables exist (a run's journal does it once)."""
    if not tables:
        ensure_tables(con)
    con.execute("BEGIN TRANSACTION")
    try:
        done = con.execute("SELECT seq FROM exec.ledger_folds WHERE journal_id = ?", [journal_id]).fetchone()
        fresh = [e for e in entries if int(e["seq"]) > (int(done[0]) if done else 0)]
        if fresh:
            _write(con, _apply(_rows(con, fresh), fresh))
            con.execute(
                "INSERT OR REPLACE INTO exec.ledger_folds VALUES (?, ?)", [journal_id, int(fresh[-1]["seq"])]
            )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _rows(con: duckdb.DuckDBPyConnection, entries: list[dict[str, Any]]) -> dict[tuple[str, str], Row]:
    """The ledger rows the entries name, as they stand before the batch."""
    op_ids = sorted({str(e["op_id"]) for e in entries})
    # the time as microseconds: a TIMESTAMPTZ read into Python needs pytz, which hlmap does not install
    columns = ", ".join(c if c != "updated_at" else "epoch_us(updated_at)" for c in COLUMNS)
    found = con.execute(
        f"SELECT {columns} FROM exec.ledger WHERE op_id IN (SELECT unnest(?::VARCHAR[]))", [op_ids]
    ).fetchall()
    runs = {str(e["run_id"]) for e in entries}
    rows = {(r[0], r[1]): dict(zip(COLUMNS, r, strict=True)) for r in found if r[0] in runs}
    for row in rows.values():
        row["updated_at"] = _EPOCH + timedelta(microseconds=int(row["updated_at"] or 0))
    return rows


def _apply(rows: dict[tuple[str, str], Row], entries: list[dict[str, Any]]) -> dict[tuple[str, str], Row]:
    """Each entry in turn, as the ledger's single statements would have applied it."""
    touched: dict[tuple[str, str], Row] = {}
    for line in entries:
        e = {**line, "updated_at": datetime.fromisoformat(str(line["updated_at"]))}
        key = (str(e["run_id"]), str(e["op_id"]))
        row = rows.get(key)
        if e["kind"] == "start":
            if row is None:
                row = {c: e.get(c) for c in COLUMNS} | {"status": "started", "attempts": 1}
                row["previous_values"] = e.get("previous")
            else:
                row.update(status="started", attempts=int(row["attempts"] or 0) + 1)
                row.update(payload_hash=e["payload_hash"], sent=e["sent"], updated_at=e["updated_at"])
                row["hl_id"] = row["hl_id"] if row["hl_id"] is not None else e["hl_id"]
                if row["previous_values"] is None:
                    row["previous_values"] = e.get("previous")
            rows[key] = row
        elif row is None:  # an UPDATE of a row that is not there changes nothing
            continue
        elif e["kind"] == "done":
            row.update(status="done", hl_id=e["hl_id"], outcome=e["outcome"], parent_id=e["parent_id"])
            row.update(error=None, updated_at=e["updated_at"])
        elif e["kind"] == "failed":
            row.update(status="failed", error=str(e["error"])[:2000], updated_at=e["updated_at"])
        else:  # mark
            error = e.get("error")
            row.update(status=e["status"], error=row["error"] if error is None else error)
            row["updated_at"] = e["updated_at"]
        touched[key] = row
    return touched


def _write(con: duckdb.DuckDBPyConnection, rows: dict[tuple[str, str], Row]) -> None:
    if not rows:
        return
    for run_id in {run for run, _ in rows}:
        ops = [op for run, op in rows if run == run_id]
        con.execute(
            "DELETE FROM exec.ledger WHERE run_id = ? AND op_id IN (SELECT unnest(?::VARCHAR[]))",
            [run_id, ops],
        )
    marks = ", ".join(["(" + ", ".join(["?"] * len(COLUMNS)) + ")"] * len(rows))
    values = [row[c] for row in rows.values() for c in COLUMNS]
    con.execute(f"INSERT INTO exec.ledger ({', '.join(COLUMNS)}) VALUES {marks}", values)
