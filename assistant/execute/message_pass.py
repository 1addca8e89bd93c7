"""The runner's step for one history row: its contact's conversation, then the message, ledgered.

A contact has one conversation in HighLevel: it is found (searched) before one is created, and
either is ledgered (``conversation`` rows: ``created`` ones are deleted by a rollback, ``existing``
ones are left). The message is ledgered ``started`` before it leaves; a row a killed run left
``started`` is looked for among the conversation's messages (by the source id, else by date and
body) before it is sent again, so a resumed run adds nothing twice.
"""

from __future__ import annotations

from typing import Any

from assistant.execute import ledger
from assistant.execute.context import PassResult, RunContext
from assistant.execute.history_changes import note_change
from assistant.execute.messages import MessageError, is_same, message_of, request_of
from assistant.execute.specs import PASSES, RecordSpec
from assistant.highlevel.errors import HighLevelError, JsonDict, Unauthorized
from assistant.highlevel.ratelimit import DailyBudgetExhausted

NO_PROVIDER = "no conversation provider: set execute.conversation_provider_id (see `hlmap plan`)"


async def conversation_for(ctx: RunContext, contact_id: str) -> str:
    """The contact's conversation id: remembered, ledgered by an earlier run, found, or created."""
    if contact_id in ctx.conversations:
        return ctx.conversations[contact_id]
    oid = f"conversation:{contact_id}"
    prior = ledger.latest(ctx.con, oid)
    if prior is not None and prior.status == "done" and prior.hl_id:
        ctx.conversations[contact_id] = prior.hl_id
        return prior.hl_id
    op = ledger.Op(oid, PASSES["message"], "create", "conversation", "", contact_id, "")
    ledger.start(ctx.con, ctx.run_id, op, None)  # a container: its messages are what verify compares
    found = await ctx.hl.conversations.find(contact_id)
    if found is not None and found.get("id"):
        hl_id, outcome = str(found["id"]), "existing"
        if prior is not None and prior.status == "started":
            outcome = "recovered"  # a killed run of ours made it
    else:
        created = await ctx.hl.conversations.create(contact_id)
        hl_id, outcome = created.id, created.outcome.value
    ledger.done(ctx.con, ctx.run_id, oid, hl_id, outcome, parent_id=contact_id)
    ctx.audit.write("create", "conversation", "", contact_id, hl_id, outcome)
    ctx.conversations[contact_id] = hl_id
    return hl_id


async def _already_there(ctx: RunContext, conversation_id: str, body: JsonDict) -> str | None:
    held = await ctx.hl.conversations.messages(conversation_id)
    return next((str(m["id"]) for m in held if m.get("id") and is_same(m, body)), None)


async def send_message(
    ctx: RunContext,
    spec: RecordSpec,
    key: str,
    values: dict[str, Any],
    digest: str,
    prior: ledger.Entry | None,
    result: PassResult,
) -> None:
    oid = f"{spec.target}:{spec.source_object}:{key}"
    ref = next((r for r in spec.refs if r.key == "contactId"), None)
    contact = ctx.ids.record(ref.target, ref.source_object, str(values.get("ref:contactId"))) if ref else None
    if prior is not None and prior.status == "done":
        result.skipped += 1  # added by an earlier run: history is never added twice
        if ctx.delta and prior.payload_hash != digest:  # changed since: a note says how
            await note_change(ctx, spec, key, values, digest, contact)
        return
    op = ledger.Op(oid, PASSES["message"], "create", "message", spec.source_object, key, digest)
    try:
        if not ctx.conversation_provider:
            raise MessageError(NO_PROVIDER)
        if contact is None:
            raise MessageError("parent not migrated: ref:contactId")
        msg = message_of(values)
        conversation = await conversation_for(ctx, contact)
        path, body = request_of(msg, contact, conversation, ctx.conversation_provider)
        ledger.start(ctx.con, ctx.run_id, op, body)
        resumed = prior is not None and prior.status == "started"
        found = await _already_there(ctx, conversation, body) if resumed else None
        if found is not None:
            hl_id, outcome = found, "recovered"
        else:
            lookup = lambda: _lookup(ctx, conversation, body)  # noqa: E731  (the answer may be lost)
            created = await ctx.hl.conversations.add(path, body, lookup)
            hl_id, outcome = created.id, created.outcome.value
    except (DailyBudgetExhausted, Unauthorized):
        raise
    except (MessageError, HighLevelError) as exc:
        ledger.start(ctx.con, ctx.run_id, op, None)
        ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
        ctx.audit.write("error", "message", spec.source_object, key, None, "failed", str(exc))
        result.failed += 1
        return
    ledger.done(ctx.con, ctx.run_id, oid, hl_id, outcome, parent_id=conversation)
    ctx.ids.add(oid, hl_id)
    ctx.audit.write("create", "message", spec.source_object, key, hl_id, outcome, payload=body)
    result.done += 1


async def _lookup(ctx: RunContext, conversation: str, body: JsonDict) -> JsonDict | None:
    found = await _already_there(ctx, conversation, body)
    return {"id": found} if found else None
