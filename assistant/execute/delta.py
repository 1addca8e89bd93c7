"""The delta pickup: after a full run, what changed in the re-ingested source.

New records are created and changed ones updated by the runner in ``delta`` mode (payload hash
against the ledger). Records the ledger holds that the source no longer has are only reported:
a deletion in the source is never applied to HighLevel by the migration.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.execute import ledger


@dataclass
class DeltaPreview:
    new: int
    changed: int
    unchanged: int
    deleted_in_source: list[str]


def delta_preview(con: duckdb.DuckDBPyConnection) -> DeltaPreview:
    known = {
        oid: e
        for oid, e in ledger.current(con).items()
        if e.status == "done" and e.action in ("create", "update")
    }
    rows = con.execute(
        "SELECT target || ':' || source_object || ':' || source_key, payload_hash FROM exec.records"
    ).fetchall()
    seen = set()
    new = changed = unchanged = 0
    for oid, digest in rows:
        seen.add(oid)
        entry = known.get(oid)
        if entry is None:
            new += 1
        elif entry.payload_hash != digest:
            changed += 1
        else:
            unchanged += 1
    deleted = sorted(oid for oid in known if oid not in seen)
    return DeltaPreview(new, changed, unchanged, deleted)
