"""What ``hlmap rollback`` is about to do, read from the ledger before anything is sent.

The engineer sees, per run, how many records of each kind will be deleted or restored and how
many are left alone because they existed before the run, and confirms (or passes ``--yes``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import duckdb

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.execute.object_schemas import SCHEMA_OBJECT


@dataclass
class RunPreview:
    run_id: str
    mode: str
    location_id: str
    approved: bool
    delete: Counter[str] = field(default_factory=Counter)
    restore: Counter[str] = field(default_factory=Counter)
    keep: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        head = f"run {self.run_id} ({self.mode}, location {self.location_id})"
        out = [head]
        verbs = (("delete", self.delete), ("restore", self.restore), ("leave as it was", self.keep))
        for verb, counts in verbs:
            if counts:
                listed = ", ".join(f"{n} {obj}" for obj, n in sorted(counts.items()))
                out.append(f"  will {verb}: {listed}")
        if not (self.delete or self.restore):
            out.append("  nothing to undo")
        if self.approved:
            out.append("  its sample approval will be withdrawn: the next full run needs a new sample")
        return out


def runs_to_undo(con: duckdb.DuckDBPyConnection, run_id: str | None, every: bool) -> list[str]:
    """The runs to undo, newest first: one named run, the latest, or (``every``) all not yet undone."""
    ledger.ensure(con)
    if every and run_id:
        raise HlmapError("rollback: pass either --run RUN or --all, not both")
    if run_id:
        row = con.execute("SELECT run_id FROM exec.runs WHERE run_id = ?", [run_id]).fetchone()
        if row is None:
            raise HlmapError(f"rollback: no run {run_id} in this workspace's ledger")
        return [str(row[0])]
    rows = con.execute(
        "SELECT run_id FROM exec.runs WHERE status <> 'rolled_back' ORDER BY started_at DESC"
    ).fetchall()
    if not rows:
        raise HlmapError("rollback: no run to roll back in this workspace's ledger")
    return [str(r[0]) for r in (rows if every else rows[:1])]


def preview(con: duckdb.DuckDBPyConnection, run_id: str) -> RunPreview:
    run = con.execute(
        "SELECT mode, location_id, approved_at IS NOT NULL FROM exec.runs WHERE run_id = ?", [run_id]
    ).fetchone()
    if run is None:
        raise HlmapError(f"rollback: no run {run_id} in this workspace's ledger")
    result = RunPreview(run_id, str(run[0]), str(run[1]), bool(run[2]))
    rows = con.execute(
        """SELECT action, object, hl_id, outcome, parent_id FROM exec.ledger
        WHERE run_id = ? AND status IN ('done', 'started')""",
        [run_id],
    ).fetchall()
    ours = {r[2] for r in rows if r[3] in ("created", "recovered")}
    for action, obj, hl_id, outcome, parent_id in rows:
        if action == "link" or hl_id is None or obj == SCHEMA_OBJECT:  # schemas have no DELETE
            continue
        # a message in a conversation that was there before stays with it
        if (obj == "message" and parent_id not in ours) or outcome == "existing":
            result.keep[obj] += 1
        elif action == "update":
            result.restore[obj] += 1
        else:
            result.delete[obj] += 1
    return result
