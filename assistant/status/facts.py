"""What each stage has left in the workspace, read without changing anything."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assistant.errors import HlmapError
from assistant.mapping import journal, store
from assistant.mapping.freshness import is_stale
from assistant.mapping.models import Status
from assistant.workspace import Workspace

KIND_OF_SECTION = {
    "objects": "object",
    "fields": "field",
    "tags": "tag",
    "stages": "stage",
    "owners": "owner",
    "holdings": "holding",
    "billings": "billing",
}


@dataclass
class Run:
    run_id: str
    mode: str
    status: str
    location_id: str
    started_at: datetime | None
    approved: bool


@dataclass
class Facts:
    raw_tables: int = 0
    rejected_rows: int = 0
    profiled_tables: int = 0
    destination: str | None = None  # "location at time"
    mapping: bool = False
    mapping_error: str | None = None
    decided: Counter[str] = field(default_factory=Counter)
    pending: dict[str, int] = field(default_factory=dict)  # per kind
    confirmed: bool = False
    stale: bool = False
    unsaved: int = 0  # decisions a stopped review left in mapping.journal.json
    open_review: int | None = None  # the review process still saving them
    runs: list[Run] = field(default_factory=list)
    reconciled_at: datetime | None = None
    reconcile_clean: bool | None = None

    @property
    def pending_total(self) -> int:
        return sum(self.pending.values())


def gather(ws: Workspace) -> Facts:
    facts = Facts()
    con = ws.connect()
    facts.raw_tables = _scalar(
        ws, "raw", None, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw'"
    )
    facts.rejected_rows = _scalar(ws, "meta", "rejects", "SELECT count(*) FROM meta.rejects")
    facts.profiled_tables = _scalar(ws, "profile", "tables", "SELECT count(*) FROM profile.tables")
    if ws.table_exists("target", "snapshot"):
        row = con.execute(
            "SELECT location_id, pulled_at FROM target.snapshot ORDER BY pulled_at DESC LIMIT 1"
        ).fetchone()
        if row:
            facts.destination = f"{row[0]} (pulled {row[1]:%Y-%m-%d %H:%M} UTC)"
    _mapping(ws, facts)
    if ws.table_exists("exec", "runs"):
        rows = con.execute(
            # as naive UTC: reading a TIMESTAMPTZ into Python needs pytz, which is not installed
            "SELECT run_id, mode, status, location_id, timezone('UTC', started_at), approved_at IS NOT NULL "
            "FROM exec.runs ORDER BY started_at"
        ).fetchall()
        facts.runs = [Run(str(r[0]), str(r[1]), str(r[2]), str(r[3] or ""), r[4], bool(r[5])) for r in rows]
    _reconciliation(ws, facts)
    return facts


def _scalar(ws: Workspace, schema: str, table: str | None, sql: str) -> int:
    if table is not None and not ws.table_exists(schema, table):
        return 0
    row = ws.connect().execute(sql).fetchone()
    return int(row[0]) if row else 0


def _mapping(ws: Workspace, facts: Facts) -> None:
    if not ws.mapping_path.exists():
        return
    facts.mapping = True
    try:
        left = journal.leftover(ws)
        document = left.document if left and left.unsaved else store.load(ws)
    except HlmapError as exc:
        facts.mapping_error = str(exc)
        return
    if left and left.unsaved:  # counted from what the engineer last saw, not the older mapping.yaml
        facts.unsaved, facts.open_review = left.unsaved, left.open_review
    for section, kind in KIND_OF_SECTION.items():
        items = getattr(document, section)
        facts.decided.update(i.status.value for i in items)
        waiting = sum(1 for i in items if i.status is Status.PROPOSED)
        if waiting:
            facts.pending[kind] = waiting
    if ws.confirmed_mapping_path.exists():
        facts.confirmed = True
        try:
            confirmed = store.load_confirmed(ws, allow_stale=True)
        except HlmapError as exc:
            facts.mapping_error = str(exc)
            return
        facts.stale = (
            is_stale(confirmed, document) if facts.unsaved else store.confirmed_is_stale(ws, confirmed)
        )


def _reconciliation(ws: Workspace, facts: Facts) -> None:
    path = ws.root / "reports" / "reconciliation.json"
    if not path.exists():
        return
    # naive UTC, as the runs' start times are read: the next step compares the two
    facts.reconciled_at = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and isinstance(data.get("clean"), bool):
        facts.reconcile_clean = data["clean"]
