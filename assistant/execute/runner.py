"""Run the record passes against HighLevel, one ledgered request at a time, in dependency order.

Before a request leaves, its ledger row says ``started``; after the answer, ``done`` (with the
HighLevel id) or ``failed`` (with HighLevel's message). An operation found ``started`` from a
killed run is looked up in HighLevel first, and only sent when the record is not there.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.calls import Call, build_call, op_id
from assistant.execute.company_values import ensure_company_values
from assistant.execute.context import PassResult, Progress, RunContext
from assistant.execute.deal_tags import send_deal_tags
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.document_pass import send_document
from assistant.execute.files import upload_if_small
from assistant.execute.long_text_notes import ensure_notes
from assistant.execute.lost_reasons import ensure_lost_reason
from assistant.execute.message_pass import send_message
from assistant.execute.products import ensure_price
from assistant.execute.sender import find_existing, send_create
from assistant.execute.specs import DOCUMENT_KINDS, NEEDS_CONTACT, PASSES, RecordSpec
from assistant.execute.survivorship import existing_first, survive
from assistant.execute.update import update_safely
from assistant.highlevel.errors import HighLevelError, Unauthorized
from assistant.highlevel.idempotent import CreateOutcome
from assistant.highlevel.ratelimit import DailyBudgetExhausted


def records(
    con: duckdb.DuckDBPyConnection, spec: RecordSpec, selection: set[str] | None
) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(source key, values, payload hash) of the spec's records, in source order."""
    cursor = con.cursor()
    cursor.execute(
        """SELECT source_key, "values", payload_hash FROM exec.records
        WHERE target = ? AND source_object = ? ORDER BY "row" """,
        [spec.target, spec.source_object],
    )
    while batch := cursor.fetchmany(1000):
        for key, values, digest in batch:
            if selection is None or op_id(spec.target, spec.source_object, key) in selection:
                yield key, json.loads(values), digest
    cursor.close()


async def run_spec(
    ctx: RunContext, spec: RecordSpec, selection: set[str] | None, progress: Progress
) -> PassResult:
    result = PassResult(spec.name)
    known = ledger.current(ctx.con)
    for handled, (key, values, digest) in enumerate(records(ctx.con, spec, selection), start=1):
        if ctx.stop.is_set():
            break
        oid = op_id(spec.target, spec.source_object, key)
        await _one(ctx, spec, oid, key, values, digest, known.get(oid), result)
        progress(spec.name, handled)
    ctx.results.append(result)
    return result


async def _one(
    ctx: RunContext,
    spec: RecordSpec,
    oid: str,
    key: str,
    values: dict[str, Any],
    digest: str,
    prior: ledger.Entry | None,
    result: PassResult,
) -> None:
    if spec.target in DOCUMENT_KINDS:
        await send_document(ctx, spec, key, values, prior, result)
        return
    if spec.target == "message":
        await send_message(ctx, spec, key, values, digest, prior, result)
        return
    if spec.target == DEAL_TAGS:  # added to the deal's contact: opportunities hold no tags
        await send_deal_tags(ctx, spec, key, values, digest, prior, result)
        return
    existing_id: str | None = None
    if prior is not None and prior.status == "done":
        existing_id = prior.hl_id
        if not ctx.delta or prior.payload_hash == digest:
            result.skipped += 1
            if ctx.delta:
                ctx.audit.write("skip", spec.target, spec.source_object, key, existing_id, "unchanged")
            if spec.hl_object in FOLLOWED and existing_id:  # killed between a create and what follows it
                call = build_call(spec, values, ctx.ids, ctx.hl.location_id)
                await _follow_up(ctx, call, spec, key, existing_id, result, prior.outcome != "existing")
            return
    call = build_call(spec, values, ctx.ids, ctx.hl.location_id, update_of=existing_id)
    if spec.target == "contact_fields":  # always an update, of the contact the document names
        existing_id = call.path_params.get("contactId") or None
    action = "update" if existing_id else "create"
    op = ledger.Op(oid, PASSES[spec.target], action, spec.hl_object, spec.source_object, key, digest)
    blocking = [m for m in call.missing if m.startswith("ref:") and m[4:] in _required_refs(spec.target)]
    if blocking:
        _fail(ctx, op, call, f"parent not migrated: {', '.join(blocking)}", result)
        return
    try:
        if action == "update":
            result.conflicts += await update_safely(ctx, spec, op, call, existing_id or "")
            result.updated += 1
            if spec.hl_object in FOLLOWED:  # a lost reason or a long text changed in the source since
                await _follow_up(ctx, call, spec, key, existing_id or "", result, True)
            return
        ledger.start(ctx.con, ctx.run_id, op, call.body)
        resumed = prior is not None and prior.status == "started"  # a killed run may have created it
        if resumed and (answer := await find_existing(ctx.hl, call, ctx.ownership)):
            found, outcome = answer
            ledger.done(ctx.con, ctx.run_id, op.op_id, found, outcome, parent_id=_parent(call))
            ctx.ids.add(oid, found)
            ctx.audit.write("create", spec.target, spec.source_object, key, found, outcome)
            result.done += 1
            await _follow_up(ctx, call, spec, key, found, result, outcome == "recovered")
            return
        if spec.target == "file":
            await upload_if_small(ctx, call, spec.source_object, key, ctx.max_file_mb)
        created = await existing_first(ctx, spec, call) or await send_create(ctx.hl, call, ctx.ownership)
        outcome = created.outcome.value
        if spec.hl_object == "contact" and created.outcome is CreateOutcome.EXISTING:
            outcome = await survive(ctx, spec, key, values, digest, created.id)
    except (DailyBudgetExhausted, Unauthorized):
        raise  # the whole run stops here (a refused token refuses every request after it too)
    except HighLevelError as exc:
        _fail(ctx, op, call, str(exc), result)
        return
    ledger.done(ctx.con, ctx.run_id, op.op_id, created.id, created.outcome.value, parent_id=_parent(call))
    ctx.ids.add(oid, created.id)
    if call.target == "opportunity" and call.body.get("contactId"):
        ctx.ids.contact_of[created.id] = str(call.body["contactId"])
    ctx.audit.write("create", spec.target, spec.source_object, key, created.id, outcome, payload=call.body)
    result.done += 1
    await _follow_up(ctx, call, spec, key, created.id, result, created.created_by_us)


FOLLOWED = ("product", "opportunity", "contact", "note", "company")


async def _follow_up(
    ctx: RunContext, call: Call, spec: RecordSpec, key: str, hl_id: str, result: PassResult, ours: bool
) -> None:
    """What rides right behind a create (a product's price, a lost opportunity's reason, the extra
    notes of long text): more requests, each with its own ledger row; when one fails, the record
    counts as a failure. A contact or opportunity that was there before the run (``ours`` false)
    keeps its status and gets no notes."""
    error = None
    if spec.target == "product":
        error = await ensure_price(ctx, call, spec.source_object, key, hl_id)
    elif spec.target == "opportunity" and ours:
        error = await ensure_lost_reason(ctx, call, spec.source_object, key, hl_id)
    elif spec.hl_object == "company" and ours:
        error = await ensure_company_values(ctx, call, spec.source_object, key, hl_id)
    contact = _contact_of(call, hl_id)
    if ours and contact and not error:  # long text: continuation notes, values moved to a note
        error = await ensure_notes(ctx, call, spec.source_object, key, contact)
    if error:
        result.failed += 1


def _contact_of(call: Call, hl_id: str) -> str | None:
    """The contact that holds a record's extra notes."""
    if call.target == "contact":
        return hl_id
    if call.target == "opportunity":
        return str(call.body.get("contactId") or "") or None
    return call.path_params.get("contactId") if call.target == "note" else None


def _fail(ctx: RunContext, op: ledger.Op, call: Call, error: str, result: PassResult) -> None:
    ledger.start(ctx.con, ctx.run_id, op, call.body)
    ledger.failed(ctx.con, ctx.run_id, op.op_id, error)
    ctx.audit.write("error", op.object, op.source_object, op.source_key, None, "failed", error)
    result.failed += 1


def _required_refs(target: str) -> set[str]:
    return {"contactId"} if target in NEEDS_CONTACT else set()


def _parent(call: Call) -> str | None:
    return call.path_params.get("contactId") or call.path_params.get("schemaKey")
