"""Identity, not only counts: each destination record a run made ↔ exactly one ledger row.

Three ways equal counts can hide a loss: a destination record that no ledger row names although a
run made it (a create answered with an error that still created it), a record several ledger rows
claim, and a "duplicate" match whose record shares no key HighLevel matches on (a wrong merge).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

JsonDict = dict[str, Any]
CREATED_AT = ("dateAdded", "createdAt")


@dataclass
class Identity:
    unledgered: list[JsonDict] = field(default_factory=list)  # {object, id, why}
    shared: list[JsonDict] = field(default_factory=list)  # {object, id, ledger_rows, explained}
    wrong_merges: list[JsonDict] = field(default_factory=list)  # {op_id, id, why}

    @property
    def clean(self) -> bool:
        return not self.unledgered and not self.wrong_merges and all(s["explained"] for s in self.shared)


def keys_of(kind: str, record: JsonDict) -> set[str]:
    """The values HighLevel's duplicate rules match a record of ``kind`` on, spelled 'field value'."""
    if kind == "contact":
        found = {f"email {str(record['email']).strip().lower()}"} if record.get("email") else set()
        return found | ({f"phone {record['phone']}"} if record.get("phone") else set())
    if kind == "company":
        return {f"name {str(record['name']).strip().lower()}"} if record.get("name") else set()
    if kind == "opportunity" and record.get("contactId") and record.get("pipelineId"):
        return {f"contact {record['contactId']} in pipeline {record['pipelineId']}"}
    return set()


def check(con: duckdb.DuckDBPyConnection, listed: dict[str, dict[str, JsonDict]]) -> Identity:
    rows = con.execute(
        """SELECT op_id, object, hl_id, outcome, sent FROM exec.ledger WHERE action = 'create'
        AND object IN ('contact', 'company', 'opportunity') AND status = 'done' AND hl_id IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1 ORDER BY op_id"""
    ).fetchall()
    everything = {r[0] for r in con.execute("SELECT DISTINCT hl_id FROM exec.ledger").fetchall()}
    out = Identity()
    claims: dict[str, list[str]] = defaultdict(list)
    sent_keys: dict[str, dict[str, str]] = defaultdict(dict)  # object -> key -> op id that sent it
    for op_id, kind, hl_id, outcome, sent in rows:
        claims[hl_id].append(op_id)
        body = json.loads(sent) if sent else {}
        for key in keys_of(kind, body):
            sent_keys[kind].setdefault(key, op_id)
        record = listed.get(kind, {}).get(hl_id)
        if outcome == "existing" and record is not None and not keys_of(kind, body) & keys_of(kind, record):
            sent_text = ", ".join(sorted(keys_of(kind, body))) or "nothing HighLevel matches on"
            out.wrong_merges.append(
                {"op_id": op_id, "id": hl_id, "why": f"sent {sent_text}; {hl_id} holds none of it"}
            )
    wrong = {w["op_id"] for w in out.wrong_merges}
    for hl_id, ops in sorted(claims.items()):
        if len(ops) > 1:
            kind = next(r[1] for r in rows if r[2] == hl_id)
            out.shared.append(
                {"object": kind, "id": hl_id, "ledger_rows": ops, "explained": not set(ops) & wrong}
            )
    windows = _run_windows(con)
    for kind, records in sorted(listed.items()):
        for hl_id, record in sorted(records.items()):
            if hl_id in everything:
                continue
            why = _why_unledgered(kind, record, sent_keys[kind], windows)
            if why:
                out.unledgered.append({"object": kind, "id": hl_id, "why": why})
    return out


def _why_unledgered(
    kind: str, record: JsonDict, sent: dict[str, str], windows: list[tuple[str, datetime, datetime]]
) -> str | None:
    """Why a record no ledger row names is the run's: made during a run, or a copy of a migrated one."""
    made = _created(record)
    if made is None or not windows or made < windows[0][1]:
        return None  # there before the first run: the location's own record
    for run_id, start, end in windows:
        if start <= made <= end:
            return f"created at {made:%Y-%m-%d %H:%M:%S} during run {run_id}, and no ledger row names it"
    for key in sorted(keys_of(kind, record)):
        if key in sent:
            return f"shares {key} with {sent[key]}, and no ledger row names it: a duplicate the run made"
    return None


def _created(record: JsonDict) -> datetime | None:
    for name in CREATED_AT:
        value = record.get(name)
        if isinstance(value, str) and value:
            try:
                stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return None


def _run_windows(con: duckdb.DuckDBPyConnection) -> list[tuple[str, datetime, datetime]]:
    rows = con.execute(
        """SELECT run_id, epoch(started_at), epoch(coalesce(finished_at, now())) FROM exec.runs
        ORDER BY started_at"""
    ).fetchall()
    return [(str(r), _utc(s), _utc(e)) for r, s, e in rows]


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
