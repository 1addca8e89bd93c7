"""The ledger's write-ahead journal: each status change is one line on disk before the request leaves.

A DuckDB write costs milliseconds of CPU whatever its size, and a run wrote two per request (started,
then done). While a run is on, each change is appended to ``ledger.journal`` beside the workspace
database and synced (microseconds of CPU), and the lines are folded into ``exec.ledger`` a batch at a
time, in one transaction. A process killed between two folds leaves its journal behind; opening the
workspace folds it before anything reads the ledger, so every reader sees what it saw before. A line
cut short by the kill was never synced, so its request never left: it is ignored.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from assistant.errors import HlmapError
from assistant.ledger_fold import ensure_tables, fold_entries

JOURNAL_NAME = "ledger.journal"
_sync = getattr(os, "fdatasync", os.fsync)  # macOS has no fdatasync
Entry = dict[str, Any]


class Journal:
    """Appends status changes to one workspace's journal; ``fold`` moves them into ``exec.ledger``."""

    BATCH = 200  # lines per fold: a fold costs a few single-row writes, whatever its length

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        replay(con, path)  # a journal a killed run left behind comes first
        ensure_tables(con)
        self._con, self.path = con, path
        self._id, self._seq = uuid.uuid4().hex, 0
        self._pending: list[Entry] = []
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
        self._write({"journal": self._id})

    def append(self, entry: Entry) -> None:
        """Durable once this returns (written and synced), as a committed DuckDB row would be."""
        self._seq += 1
        entry = {"seq": self._seq, **entry}
        self._write(entry)
        self._pending.append(entry)
        if len(self._pending) >= self.BATCH:
            self.fold()

    def fold(self) -> None:
        if not self._pending:
            return
        fold_entries(self._con, self._id, self._pending, tables=True)
        self._pending = []
        os.ftruncate(self._fd, 0)  # folded: a replay of this journal would only skip its lines
        self._write({"journal": self._id})

    def close(self) -> None:
        self.fold()
        os.close(self._fd)
        self.path.unlink(missing_ok=True)

    def _write(self, line: Entry) -> None:
        os.write(self._fd, (json.dumps(line, ensure_ascii=False, default=str) + "\n").encode("utf-8"))
        _sync(self._fd)


def replay(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Fold what a killed run's journal holds (lines already folded are skipped), then remove it."""
    if not path.exists() or any(j.path == path for j in _OPEN.values()):  # a live run's: it folds its own
        return
    journal_id, entries = "", []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            if number == len(lines):  # cut short by the kill before it was synced: never sent
                break
            item = None
        if isinstance(item, dict) and "journal" in item:
            journal_id = str(item["journal"])
        elif isinstance(item, dict) and item.keys() >= _REQUIRED and item["kind"] in _KINDS:
            entries.append(item)
        else:
            raise HlmapError(
                f"{path}: line {number} is not a ledger change, so the ledger cannot be completed from it; "
                "move the file aside to open the workspace, then run `hlmap reconcile`"
            )
    if entries:
        fold_entries(con, journal_id, entries)
    path.unlink(missing_ok=True)


_REQUIRED = frozenset({"seq", "kind", "run_id", "op_id", "updated_at"})
_KINDS = frozenset({"start", "done", "failed", "mark"})


_OPEN: dict[int, Journal] = {}  # id of a connection -> the journal its run writes


@contextmanager
def journaled(con: duckdb.DuckDBPyConnection, path: Path) -> Iterator[None]:
    """Ledger changes on ``con`` go through the journal at ``path`` until the block ends (then folded)."""
    journal = Journal(con, path)
    _OPEN[id(con)] = journal
    try:
        yield
    finally:
        del _OPEN[id(con)]
        journal.close()


def journal_change(
    con: duckdb.DuckDBPyConnection, kind: str, run_id: str, op_id: str, fields: dict[str, Any]
) -> bool:
    """True when the change went into the run's journal; False: no journal open, write the table."""
    journal = _OPEN.get(id(con))
    if journal is None:
        return False
    at = datetime.now(UTC).isoformat()
    journal.append({"kind": kind, "run_id": run_id, "op_id": op_id, "updated_at": at, **fields})
    return True


def fold(con: duckdb.DuckDBPyConnection) -> None:
    """Journal lines not yet in ``exec.ledger`` go there now (before a read of the table)."""
    journal = _OPEN.get(id(con))
    if journal is not None:
        journal.fold()
