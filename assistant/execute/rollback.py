"""``hlmap rollback``: undo one run, newest pass first.

Records the run created are deleted (children before parents), records it updated get their
captured previous values back, and custom fields, their folder and tags it created are removed.
What HighLevel cannot undo is reported: a deleted contact's conversations, custom object schemas
(no DELETE), and history messages added to a conversation that existed before the run (no DELETE
for one message).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.execute.audit import AuditLog
from assistant.execute.deal_tags import undo_deal_tags
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.document_apply import undo_invoice
from assistant.execute.field_folders import FOLDER_OBJECT
from assistant.execute.object_schemas import SCHEMA_OBJECT
from assistant.execute.prior_state import restore_body
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError, NotFound

ALWAYS = (
    "Deleting a contact also deletes its conversations, and any notes or tasks added to it in HighLevel "
    "after the run; those cannot be restored.",
    "Custom object schemas have no DELETE in HighLevel: any created for this migration stay.",
)
RESTORABLE = {
    "contact": "/contacts/{contactId}",
    "opportunity": "/opportunities/{id}",
    "company": "/businesses/{businessId}",
    "product": "/products/{productId}",
}


@dataclass
class RollbackReport:
    run_id: str
    deleted: int = 0
    restored: int = 0
    kept: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cannot_undo: list[str] = field(default_factory=lambda: list(ALWAYS))


async def rollback(
    hl: HighLevelClient, con: duckdb.DuckDBPyConnection, run_id: str, audit: AuditLog
) -> RollbackReport:
    report = RollbackReport(run_id)
    rows = con.execute(
        """SELECT op_id, action, object, source_object, source_key, hl_id, parent_id, outcome, sent,
        previous_values FROM exec.ledger WHERE run_id = ? AND status IN ('done', 'started')
        ORDER BY pass DESC, updated_at DESC""",
        [run_id],
    ).fetchall()
    ours = {
        r[5] for r in rows if r[7] in ("created", "recovered")
    }  # duplicates of these are merged, not kept
    kept_history: dict[str, int] = {}  # conversation id -> messages that stay in it
    for op_id, action, obj, src, key, hl_id, parent_id, outcome, sent, previous in rows:
        if obj == "message" and hl_id is not None:  # no DELETE for one message: it goes with its conversation
            if parent_id not in ours:
                kept_history[parent_id or ""] = kept_history.get(parent_id or "", 0) + 1
            ledger.mark(con, run_id, op_id, "rolled_back")
            continue
        if action == "link" or hl_id is None or obj == SCHEMA_OBJECT:  # a schema stays (ALWAYS says so)
            ledger.mark(con, run_id, op_id, "rolled_back")
            continue
        if outcome == "existing":  # HighLevel called it a duplicate: not ours to delete under this op
            if hl_id not in ours:
                report.kept.append(f"{obj} {hl_id} ({src}:{key}) existed before the run: left as it was")
            ledger.mark(con, run_id, op_id, "rolled_back")
            continue
        try:
            if obj == DEAL_TAGS:  # only the tags this row added come off; the contact's others stay
                if await undo_deal_tags(hl, hl_id, json.loads(sent or "{}"), deleted=hl_id in ours):
                    report.restored += 1
                    audit.write("restore", obj, src, key, hl_id, "added tags removed")
            elif action == "update":
                cannot = await _restore(hl, obj, hl_id, json.loads(previous or "{}"))
                report.cannot_undo += [
                    f"{obj} {hl_id}: HighLevel offers no empty value for {k}" for k in cannot
                ]
                report.restored += 1
                audit.write("restore", obj, src, key, hl_id, "restored")
            elif obj == "invoice":  # HighLevel deletes only drafts: any other invoice is voided
                said = await undo_invoice(hl.invoices, hl_id)
                report.deleted += said == "deleted"
                if said != "deleted":
                    report.cannot_undo.append(f"invoice {hl_id} ({src}:{key}) {said}")
                audit.write("delete" if said == "deleted" else "void", obj, src, key, hl_id, said)
            else:
                await _delete(hl, obj, hl_id, parent_id, json.loads(sent or "{}"))
                report.deleted += 1
                audit.write("delete", obj, src, key, hl_id, "deleted")
        except HighLevelError as exc:
            if obj == "association":  # a definition, not data: say so and go on
                report.cannot_undo.append(f"association {key} ({hl_id}) could not be deleted: {exc}")
                ledger.mark(con, run_id, op_id, "rolled_back", str(exc))
                continue
            report.failed.append(f"{obj} {hl_id}: {exc}")
            audit.write("error", obj, src, key, hl_id, "rollback failed", str(exc))
            continue
        ledger.mark(con, run_id, op_id, "rolled_back")
    report.cannot_undo += [
        f"{n} message{'s' * (n != 1)} added to conversation {conversation}, which existed before the run, "
        "stay: HighLevel has no API to delete a single message"
        for conversation, n in sorted(kept_history.items())
    ]
    audit.flush()
    ledger.finish_run(con, run_id, "rolled_back" if not report.failed else "rollback_incomplete")
    # A sample that is no longer in HighLevel approves nothing: the next full run needs a new one.
    con.execute("UPDATE exec.runs SET approved_at = NULL WHERE run_id = ?", [run_id])
    return report


async def _delete(
    hl: HighLevelClient, obj: str, hl_id: str, parent_id: str | None, sent: dict[str, Any]
) -> None:
    if obj == "contact":
        await hl.contacts.delete(hl_id)
    elif obj == "company":
        await hl.records.delete_business(hl_id)
    elif obj == "opportunity":
        await hl.opportunities.delete(hl_id)
    elif obj == "task":
        await hl.contacts.delete_task(parent_id or "", hl_id)
    elif obj == "note":
        await hl.contacts.delete_note(parent_id or "", hl_id)
    elif obj == "appointment":
        await hl.location.delete_appointment(hl_id)
    elif obj == "custom_object":
        await hl.records.delete_record(parent_id or "", hl_id)
    elif obj == "product":
        await hl.files.delete_product(hl_id)
    elif obj == "estimate":
        await hl.invoices.delete_estimate(hl_id)
    elif obj == "conversation":  # its messages go with it
        await hl.conversations.delete(hl_id)
    elif obj == "price":  # gone already when its product went first
        with contextlib.suppress(NotFound):
            await hl.files.delete_price(parent_id or "", hl_id)
    elif obj == "media":
        await hl.files.delete_media(hl_id)
    elif obj == "relation":
        await hl.records.delete_relation(hl_id)
    elif obj == "association":
        await hl.records.delete_association(hl_id)
    elif obj == "tag":
        await hl.location.delete_tag(hl_id)
    elif obj == "custom_field":
        if "model" in sent:
            await hl.location.delete_custom_field(hl_id)
        else:
            await hl.records.delete_object_field(hl_id)
    elif obj == FOLDER_OBJECT:  # after its fields: the ledger is undone newest first
        await hl.records.delete_field_folder(hl_id)
    else:
        raise HlmapError(f"rollback does not know how to delete a {obj}")


async def _restore(hl: HighLevelClient, obj: str, hl_id: str, previous: dict[str, Any]) -> list[str]:
    """Put the saved prior state back (empty keys cleared); answers the keys that could not be emptied."""
    template = RESTORABLE.get(obj)
    if template is None:
        raise HlmapError(f"rollback cannot restore a {obj}'s previous values")
    body, cannot = restore_body("PUT", template, previous)
    param = template.rsplit("{", 1)[1].rstrip("}")
    await hl.transport.request("PUT", template, path_params={param: hl_id}, json_body=body)
    return cannot
