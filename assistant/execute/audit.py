"""The audit log: every operation (create, update, skip, error, delete, restore) as a JSON line and a row.

It names the run, object, source key, HighLevel id and outcome. It never holds the token, and
holds the request payload (personal data) only when ``execute.audit_payloads`` is set.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

AUDIT_DDL = """CREATE TABLE IF NOT EXISTS exec.audit (
    "at" TIMESTAMPTZ, run_id VARCHAR, action VARCHAR, object VARCHAR, source_object VARCHAR,
    source_key VARCHAR, hl_id VARCHAR, outcome VARCHAR, detail VARCHAR, payload JSON)"""


class AuditLog:
    """The JSON lines file is appended (and flushed) at once; table rows are written in small batches."""

    BATCH = 50

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, run_id: str, with_payloads: bool) -> None:
        self._con = con
        self._path = path
        self._run_id = run_id
        self._with_payloads = with_payloads
        self._pending: list[list[object]] = []
        con.execute(AUDIT_DDL)

    def write(
        self,
        action: str,
        object_: str,
        source_object: str,
        source_key: str,
        hl_id: str | None,
        outcome: str,
        detail: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> None:
        kept = payload if self._with_payloads else None
        at = datetime.now(UTC)
        entry: dict[str, Any] = {
            "at": at.isoformat(),
            "run_id": self._run_id,
            "action": action,
            "object": object_,
            "source_object": source_object,
            "source_key": source_key,
            "hl_id": hl_id,
            "outcome": outcome,
            "detail": detail,
        }
        if kept is not None:
            entry["payload"] = kept
        with self._path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
        payload_json = None if kept is None else json.dumps(kept, ensure_ascii=False, default=str)
        self._pending.append(
            [
                at,
                self._run_id,
                action,
                object_,
                source_object,
                source_key,
                hl_id,
                outcome,
                detail,
                payload_json,
            ]
        )
        if len(self._pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the batched rows (the runner calls this at the end of every pass and on stop)."""
        if self._pending:
            # One statement for the batch: DuckDB's executemany runs (and commits) each row on its own,
            # about ten times the CPU of one multi-row insert.
            rows = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(self._pending))
            values = [value for row in self._pending for value in row]
            self._con.execute(f"INSERT INTO exec.audit VALUES {rows}", values)
            self._pending = []


def audit_path(root: Path) -> Path:
    return root / "audit.jsonl"
