"""Which records a lookup may take as the one a lost or refused create made.

HighLevel has no duplicate rule for companies (nor products): two source records with the same
name become two companies on a clean run. A lookup after a lost answer must then give the same
result, so it never takes a record that another source record of this migration already owns,
nor one that existed before the migration began — those are someone else's, however alike.
Either way the run's outcome does not depend on which answers were lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb

from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import record_id

CREATED_KEYS = ("createdAt", "dateAdded", "dateCreated")


def migration_start(con: duckdb.DuckDBPyConnection, location_id: str) -> datetime | None:
    """When the first run into this location that is not undone began (records older are not ours)."""
    row = con.execute(
        """SELECT epoch(min(started_at)) FROM exec.runs WHERE location_id = ?
        AND status NOT IN ('rolled_back', 'rollback_incomplete')""",
        [location_id],
    ).fetchone()
    return datetime.fromtimestamp(float(row[0]), UTC) if row and row[0] is not None else None


def created_at(record: JsonDict) -> datetime | None:
    for key in CREATED_KEYS:
        raw = record.get(key)
        if isinstance(raw, str) and raw:
            try:
                return datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError:
                return None
    return None


@dataclass
class Ownership:
    """``owned(id)`` tells whether an id already belongs to a source record of this migration."""

    owned: Callable[[str], bool] = field(default=lambda _id: False)
    since: datetime | None = None

    def may_take(self, record: JsonDict) -> bool:
        if self.owned(record_id(record)):
            return False
        made = created_at(record)
        return self.since is None or made is None or made >= self.since
