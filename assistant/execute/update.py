"""Send an update that never destroys: read the record back, send only what changed in the source,
move tags through the tag endpoints and report values edited in HighLevel instead of overwriting them.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.calls import Call
from assistant.execute.context import RunContext
from assistant.execute.sender import read_back, send_update
from assistant.execute.specs import RecordSpec
from assistant.execute.update_diff import Conflict, UpdateDiff, custom_map, diff_update
from assistant.ledger_journal import fold

CONFLICTS_DDL = """CREATE TABLE IF NOT EXISTS exec.conflicts (
    run_id VARCHAR, op_id VARCHAR, object VARCHAR, hl_id VARCHAR, "key" VARCHAR,
    written JSON, destination JSON, source JSON)"""


def last_written(ctx: RunContext, op_id: str) -> dict[str, Any]:
    """Every value this operation wrote in earlier runs (and did not roll back), latest first wins."""
    fold(ctx.con)  # the run's journal lines first
    rows = ctx.con.execute(
        """SELECT sent FROM exec.ledger WHERE op_id = ? AND status = 'done' AND sent IS NOT NULL
        ORDER BY updated_at""",
        [op_id],
    ).fetchall()
    merged: dict[str, Any] = {}
    for (sent,) in rows:
        for key, value in json.loads(sent).items():
            if key == "customFields":
                merged["customFields"] = {**custom_map(merged.get("customFields")), **custom_map(value)}
            else:
                merged[key] = value
    return merged


async def update_safely(ctx: RunContext, spec: RecordSpec, op: ledger.Op, call: Call, hl_id: str) -> int:
    """Apply the update; the number of conflicts left for a person."""
    parent = call.path_params.get("contactId")
    current = await read_back(ctx.hl, spec.hl_object, hl_id, parent, spec.custom_object_key)
    tag_endpoints = spec.hl_object == "contact"
    diff = diff_update(call.body, last_written(ctx, op.op_id), current, tag_endpoints)
    written = dict(diff.body)
    if diff.add_tags or diff.remove_tags:
        written["tags"] = call.body.get("tags") or []
    ledger.start(ctx.con, ctx.run_id, op, written, hl_id=hl_id, previous=diff.previous)
    await _send(ctx, call, hl_id, diff)
    outcome = "updated" if not diff.empty else ("conflict" if diff.conflicts else "unchanged")
    ledger.done(ctx.con, ctx.run_id, op.op_id, hl_id, outcome, parent_id=parent)
    _record_conflicts(ctx, spec, op, hl_id, diff.conflicts)
    ctx.audit.write("update", spec.target, spec.source_object, op.source_key, hl_id, outcome, payload=written)
    return len(diff.conflicts)


async def _send(ctx: RunContext, call: Call, hl_id: str, diff: UpdateDiff) -> None:
    if diff.body:
        extra = {k: call.body[k] for k in ("locationId",) if k in call.body}
        partial = Call(call.target, call.method, call.template, call.path_params, {**extra, **diff.body})
        await send_update(ctx.hl, partial)
    if diff.add_tags:
        await ctx.hl.contacts.add_tags(hl_id, diff.add_tags)
    if diff.remove_tags:
        await ctx.hl.contacts.remove_tags(hl_id, diff.remove_tags)


def _record_conflicts(
    ctx: RunContext, spec: RecordSpec, op: ledger.Op, hl_id: str, conflicts: list[Conflict]
) -> None:
    """Values stay in the workspace database; the audit log names only the field."""
    if not conflicts:
        return
    ctx.con.execute(CONFLICTS_DDL)
    ctx.con.executemany(
        "INSERT INTO exec.conflicts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [[ctx.run_id, op.op_id, spec.hl_object, hl_id, c.key, *_values(c)] for c in conflicts],
    )
    for c in conflicts:
        detail = f"{c.key} was edited in HighLevel since the last write: left as it is"
        ctx.audit.write("conflict", spec.target, spec.source_object, op.source_key, hl_id, "conflict", detail)


def _values(c: Conflict) -> list[str]:
    return [json.dumps(v, ensure_ascii=False, default=str) for v in (c.written, c.destination, c.source)]


def conflict_lines(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """One line per conflict of a run: the operation and the field (values stay in exec.conflicts)."""
    con.execute(CONFLICTS_DDL)
    rows = con.execute(
        'SELECT op_id, "key" FROM exec.conflicts WHERE run_id = ? ORDER BY op_id, "key"', [run_id]
    ).fetchall()
    return [f"{op_id}: {key} edited in HighLevel since the last write, left as it is" for op_id, key in rows]
