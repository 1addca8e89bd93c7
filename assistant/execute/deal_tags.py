"""A deal row's tags onto the contact its opportunity links to, through HighLevel's tag endpoint.

HighLevel opportunities hold no tags, and an upsert or PUT with ``tags`` replaces all of a contact's
tags, so each row's tags go through ``POST /contacts/{contactId}/tags``, which adds. The contact is
read first (once per contact and run): only the tags it lacks are sent, and the ledger keeps what
this row added (``sent.tags``) beside everything it asked for (``sent.rowTags``) and what the
contact held before (``previous.tags``). A rollback removes exactly the added ones, a re-run sends
nothing twice, and a run killed between the read and the answer keeps its first ``previous``.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.calls import Call, Ids, op_id, ref_id
from assistant.execute.context import PassResult, RunContext
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.specs import PASSES, RecordSpec
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError, NotFound, Unauthorized
from assistant.highlevel.ratelimit import DailyBudgetExhausted

NO_CONTACT = "parent not migrated: ref:contactId (the deal's contact), so its tags stay unsent"


def tag_key(tag: str) -> str:
    """A tag as HighLevel keeps it: trimmed and lower case."""
    return tag.strip().lower()


async def send_deal_tags(
    ctx: RunContext,
    spec: RecordSpec,
    key: str,
    values: dict[str, Any],
    digest: str,
    prior: ledger.Entry | None,
    result: PassResult,
) -> None:
    oid = op_id(spec.target, spec.source_object, key)
    if prior is not None and prior.status == "done" and (not ctx.delta or prior.payload_hash == digest):
        result.skipped += 1  # the ledger says these tags are on the contact already
        return
    wanted = [str(t) for t in values.get("tags") or [] if str(t).strip()]
    link = values.get("ref:contactId")
    ref = next((r for r in spec.refs if r.key == "contactId"), None)
    contact = ref_id(ctx.ids, ref, str(link)) if link is not None else None
    op = ledger.Op(oid, PASSES[spec.target], "update", DEAL_TAGS, spec.source_object, key, digest)
    if contact is None:
        ledger.start(ctx.con, ctx.run_id, op, {"tags": [], "rowTags": wanted})
        _failed(ctx, spec, key, None, NO_CONTACT, result)
        return
    try:
        held = await _held(ctx, contact)
    except (DailyBudgetExhausted, Unauthorized):
        raise  # the whole run stops here, as for every other record
    except HighLevelError as exc:
        ledger.start(ctx.con, ctx.run_id, op, {"tags": [], "rowTags": wanted}, hl_id=contact)
        _failed(ctx, spec, key, contact, str(exc), result)
        return
    before = _first_previous(ctx, oid) if prior is not None and prior.status == "started" else None
    before = held if before is None else before
    added = [t for t in wanted if tag_key(t) not in before]
    sending = [t for t in wanted if tag_key(t) not in held]
    sent = {"tags": added, "rowTags": wanted}
    ledger.start(ctx.con, ctx.run_id, op, sent, hl_id=contact, previous={"tags": sorted(before)})
    if sending:
        try:
            await ctx.hl.contacts.add_tags(contact, sending)
        except (DailyBudgetExhausted, Unauthorized):
            raise  # the whole run stops here, as for every other record
        except HighLevelError as exc:
            _failed(ctx, spec, key, contact, str(exc), result)
            return
        held.update(tag_key(t) for t in sending)
    outcome = "tags_added" if added else "tags_present"
    ledger.done(ctx.con, ctx.run_id, oid, contact, outcome, parent_id=contact)
    ctx.audit.write("update", DEAL_TAGS, spec.source_object, key, contact, outcome, payload={"tags": sending})
    result.updated += 1


def preview_call(spec: RecordSpec, values: dict[str, Any], ids: Ids) -> Call:
    """The request a row's tags go in (the plan's preview: only the tags its contact lacks are sent)."""
    link = values.get("ref:contactId")
    ref = next((r for r in spec.refs if r.key == "contactId"), None)
    contact = ref_id(ids, ref, str(link)) if link is not None else None
    tags = [str(t) for t in values.get("tags") or []]
    missing = [] if contact else ["ref:contactId"]
    params = {"contactId": contact or "<the deal's contact>"}
    return Call(DEAL_TAGS, "POST", "/contacts/{contactId}/tags", params, {"tags": tags}, missing=missing)


def _failed(
    ctx: RunContext, spec: RecordSpec, key: str, contact: str | None, error: str, result: PassResult
) -> None:
    ledger.failed(ctx.con, ctx.run_id, op_id(spec.target, spec.source_object, key), error)
    ctx.audit.write("error", DEAL_TAGS, spec.source_object, key, contact, "failed", error)
    result.failed += 1


async def _held(ctx: RunContext, contact: str) -> set[str]:
    """The contact's tags now: read once per run, then kept up to date with what this run adds."""
    if contact not in ctx.contact_tags:
        record = await ctx.hl.contacts.get(contact)
        ctx.contact_tags[contact] = {tag_key(str(t)) for t in record.get("tags") or []}
    return ctx.contact_tags[contact]


def _first_previous(ctx: RunContext, oid: str) -> set[str] | None:
    """What the contact held before a killed attempt of this row sent its tags (None: not known)."""
    ledger.latest(ctx.con, oid)  # folds the journal into the table first
    row = ctx.con.execute(
        """SELECT previous_values FROM exec.ledger WHERE op_id = ? AND status = 'started'
        AND previous_values IS NOT NULL ORDER BY updated_at DESC LIMIT 1""",
        [oid],
    ).fetchone()
    if row is None:
        return None
    return {tag_key(str(t)) for t in json.loads(row[0]).get("tags") or []}


async def undo_deal_tags(hl: HighLevelClient, contact: str, sent: dict[str, Any], *, deleted: bool) -> bool:
    """Rollback: remove exactly the tags the row added (``deleted``: the run's own contact goes anyway)."""
    added = [str(t) for t in sent.get("tags") or []]
    if not added or deleted:
        return False
    with contextlib.suppress(NotFound):  # a contact deleted since holds no tags to remove
        await hl.contacts.remove_tags(contact, added)
    return True


async def contact_holds(hl: HighLevelClient, contact: str, sent: dict[str, Any]) -> tuple[str, str, bool]:
    """The sample diff's (expected, held, match): every tag of the row is among the contact's tags."""
    wanted = [str(t) for t in sent.get("rowTags") or []]
    held = [str(t) for t in (await hl.contacts.get(contact)).get("tags") or []]
    ok = {tag_key(t) for t in wanted} <= {tag_key(t) for t in held}
    return ", ".join(wanted), ", ".join(held), ok


def tags_not_held(con: duckdb.DuckDBPyConnection, contacts: dict[str, Any]) -> dict[str, str]:
    """Reconciliation: op id -> the deal row's tags its contact does not hold (contacts as listed)."""
    rows = con.execute(
        """SELECT op_id, hl_id, sent FROM exec.ledger WHERE object = ? AND status = 'done'
        QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1""",
        [DEAL_TAGS],
    ).fetchall()
    out: dict[str, str] = {}
    for oid, contact, sent in rows:
        held = {tag_key(str(t)) for t in (contacts.get(contact) or {}).get("tags") or []}
        lacking = [t for t in json.loads(sent or "{}").get("rowTags") or [] if tag_key(str(t)) not in held]
        if contact in contacts and lacking:
            out[oid] = ", ".join(str(t) for t in lacking)
    return out
