"""A lost opportunity's lost reason, sent through ``PUT /opportunities/{id}/status`` after its create.

HighLevel takes ``lostReasonId`` only on the status endpoint, only with status ``lost``, and only
for a reason the location already has (API v2 cannot create one). The source's value is a reason's
name (or id), matched case-insensitively against the location's list, read once per run. Each
status change has its own ledger row, so a resumed or delta run sends it once, and again only when
the source's reason changes; rollback leaves it alone (the opportunity itself is deleted).
"""

from __future__ import annotations

import duckdb

from assistant.execute import ledger
from assistant.execute.calls import Call
from assistant.execute.context import RunContext
from assistant.execute.specs import PASSES, RecordSpec
from assistant.highlevel.errors import HighLevelError
from assistant.highlevel.state import DestinationState


def status_op_id(source_object: str, key: str) -> str:
    return f"status:{source_object}:{key}"


def reason_of(call: Call) -> str | None:
    """The lost reason a compiled opportunity carries (None: nothing to send)."""
    value = call.follow.get("lostReasonId")
    text = str(value).strip() if value is not None else ""
    return text or None


async def ensure_lost_reason(
    ctx: RunContext, call: Call, source_object: str, key: str, opportunity_id: str
) -> str | None:
    """Set the opportunity lost with its reason unless the ledger has it; answers an error, or None."""
    reason = reason_of(call)
    if reason is None:
        return None
    oid = status_op_id(source_object, key)
    prior = ledger.latest(ctx.con, oid)
    if prior and prior.status == "done" and prior.hl_id == opportunity_id and prior.payload_hash == reason:
        return None
    op = ledger.Op(oid, PASSES["opportunity"], "link", "opportunity", source_object, key, reason)
    status = call.body.get("status")
    if status != "lost":  # a reopened or won deal keeps its mapped status; the audit log says why
        detail = f"lost reason {reason!r} not sent: the opportunity's status is {status}, not lost"
        ctx.audit.write("skip", "opportunity", source_object, key, opportunity_id, "not sent", detail)
        return None
    try:
        reason_id: str | None = (await _reasons(ctx)).get(reason.lower())
        ledger.start(
            ctx.con, ctx.run_id, op, {"status": "lost", "lostReasonId": reason_id}, hl_id=opportunity_id
        )
        if reason_id is None:
            raise HighLevelError(
                f"lost reason {reason!r} is not one of the location's lost reasons: add it in HighLevel "
                "(Settings → Opportunities → Lost reasons), then re-run `hlmap apply`"
            )
        await ctx.hl.opportunities.update_status(opportunity_id, "lost", reason_id)
    except HighLevelError as exc:
        if ctx.lost_reasons is None:  # the list itself could not be read: nothing was started
            ledger.start(ctx.con, ctx.run_id, op, None, hl_id=opportunity_id)
        ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
        ctx.audit.write("error", "opportunity", source_object, key, opportunity_id, "failed", str(exc))
        return str(exc)
    ledger.done(ctx.con, ctx.run_id, oid, opportunity_id, "updated")
    ctx.audit.write("update", "opportunity", source_object, key, opportunity_id, "lost reason", reason_id)
    return None


async def _reasons(ctx: RunContext) -> dict[str, str]:
    """Lost reason name (lower case) or id -> id, read from HighLevel on first need."""
    if ctx.lost_reasons is None:
        listed = await ctx.hl.opportunities.lost_reasons()
        ctx.lost_reasons = {}
        for item in listed:
            if item.get("id"):
                ctx.lost_reasons[str(item["id"]).lower()] = str(item["id"])
                ctx.lost_reasons[str(item.get("name", "")).strip().lower()] = str(item["id"])
    return ctx.lost_reasons


def lost_reason_lines(
    con: duckdb.DuckDBPyConnection, specs: list[RecordSpec], dest: DestinationState | None
) -> list[str]:
    """What the plan says about lost reasons: how many go through the status endpoint, how many stay
    behind (status not lost), and the names the destination snapshot has no lost reason for."""
    known = {k.lower() for r in dest.lostReasons for k in (r.id, r.name.strip())} if dest else None
    out: list[str] = []
    for spec in (s for s in specs if s.hl_object == "opportunity"):
        rows = con.execute(
            """SELECT trim(json_extract_string("values", '$.lostReasonId')) AS reason,
            coalesce(json_extract_string("values", '$.status'), '') = 'lost' AS lost, count(*)
            FROM exec.records WHERE target = ? AND source_object = ? AND nullif(reason, '') IS NOT NULL
            GROUP BY ALL ORDER BY 3 DESC, 1""",
            [spec.target, spec.source_object],
        ).fetchall()
        sent = sum(n for _, lost, n in rows if lost)
        if not rows:
            continue
        line = f"{spec.name}: {sent} lost reasons go through the status endpoint after the create"
        held = sum(n for _, lost, n in rows if not lost)
        line += f"; {held} on opportunities whose status is not lost are not sent" if held else ""
        missing = [
            f"{r!r} ×{n}" for r, lost, n in rows if lost and known is not None and r.lower() not in known
        ]
        if missing:
            line += "; not among the location's lost reasons (add them in HighLevel first): " + ", ".join(
                missing
            )
        out.append(line)
    return out
