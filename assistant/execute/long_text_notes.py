"""The extra notes of long text (``long_text``), sent right after their record's create.

Each has its own ledger row: a resumed run looks a started one up before sending it again, a
delta run updates one whose text changed, and rollback deletes them with the run.
"""

from __future__ import annotations

import hashlib

from assistant.execute import ledger
from assistant.execute.calls import Call
from assistant.execute.context import RunContext
from assistant.execute.specs import PASSES
from assistant.highlevel.errors import HighLevelError, JsonDict
from assistant.highlevel.idempotent import record_id


def part_op_id(target: str, source_object: str, key: str, index: int) -> str:
    return f"longtext:{target}:{source_object}:{key}:{index}"


async def ensure_notes(
    ctx: RunContext, call: Call, source_object: str, key: str, contact_id: str
) -> str | None:
    """Create (or, when its text changed, update) each extra note; answers the first error, or None."""
    notes: list[str] = call.follow.get("notes") or []
    for index, body in enumerate(notes, start=2):
        oid = part_op_id(call.target, source_object, key, index)
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        prior = ledger.latest(ctx.con, oid)
        if prior and prior.status == "done" and prior.payload_hash == digest:
            continue
        op = ledger.Op(oid, PASSES["note"], "create", "note", source_object, key, digest)
        ledger.start(ctx.con, ctx.run_id, op, {"body": body})
        try:
            found = await _existing(ctx, contact_id, body) if prior and prior.status == "started" else None
            if found:  # a killed run sent it before its answer was ledgered
                hl_id, outcome = found, "recovered"
            elif prior and prior.status == "done" and prior.hl_id:
                await ctx.hl.contacts.update_note(contact_id, prior.hl_id, body)
                hl_id, outcome = prior.hl_id, "updated"
            else:
                created = await ctx.hl.contacts.create_note(contact_id, {"body": body}, lookup=None)
                hl_id, outcome = created.id, created.outcome.value
        except HighLevelError as exc:
            ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
            ctx.audit.write("error", "note", source_object, key, None, "failed", str(exc))
            return str(exc)
        ledger.done(ctx.con, ctx.run_id, oid, hl_id, outcome, parent_id=contact_id)
        ctx.audit.write("create", "note", source_object, key, hl_id, outcome, f"long text part {index}")
    return None


async def _existing(ctx: RunContext, contact_id: str, body: str) -> str | None:
    answer: JsonDict = await ctx.hl.transport.request(
        "GET", "/contacts/{contactId}/notes", path_params={"contactId": contact_id}
    )
    notes = [n for n in answer.get("notes") or [] if isinstance(n, dict) and n.get("body") == body]
    return record_id(notes[0]) if notes else None
