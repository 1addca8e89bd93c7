"""A history row that changed in the source after its message was added: the change as a dated note.

HighLevel has no call that edits a conversation message's body or date (conversations.json offers
only ``PUT /conversations/messages/{id}/status``), and adding the row again would leave two messages
for one call or e-mail. So a delta run leaves the message as it was sent and adds one note on the
contact that names the row, the message's original date and each value before and after. The note
has its own ledger row per version of the row (a re-run never sends it twice; a later change adds
another); rollback deletes it with its run, and the accounting names the row's change and its note.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.context import PassResult, RunContext
from assistant.execute.messages import MessageError, message_of, request_of
from assistant.execute.specs import PASSES, RecordSpec
from assistant.highlevel.errors import HighLevelError, JsonDict, Unauthorized
from assistant.highlevel.idempotent import record_id
from assistant.highlevel.ratelimit import DailyBudgetExhausted

KIND = "history_change"
POLICY = "history-change-as-note"
CHANGED_TITLE = "History rows changed in the source since their message was added (kept; change noted)"
COMPARED = ("type", "direction", "date", "subject", "message", "html", "call")


def change_op_id(source_object: str, key: str, digest: str) -> str:
    return f"{KIND}:{source_object}:{key}:{digest[:12]}"


def changes(sent: dict[str, Any], now: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(key, as sent, as the source says now) for each message value that differs."""
    return [(k, sent.get(k), now.get(k)) for k in COMPARED if sent.get(k) != now.get(k)]


def note_body(source_object: str, key: str, sent: dict[str, Any], diff: list[tuple[str, Any, Any]]) -> str:
    lines = [
        f"History row {source_object} {key} changed in the source after migration "
        f"(its message of {sent.get('date') or 'unknown date'} keeps what was sent: HighLevel cannot "
        "edit a message's text or date):"
    ]
    lines += [f"- {name}: {_shown(before)} -> {_shown(after)}" for name, before, after in diff]
    return "\n".join(lines)


def _shown(value: Any) -> str:
    if value in (None, ""):
        return "(empty)"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else repr(str(value))


def _sent(con: duckdb.DuckDBPyConnection, oid: str) -> dict[str, Any]:
    row = con.execute(
        """SELECT sent FROM exec.ledger WHERE op_id = ? AND status = 'done' AND sent IS NOT NULL
        ORDER BY updated_at LIMIT 1""",
        [oid],
    ).fetchone()
    return dict(json.loads(row[0])) if row and row[0] else {}


def tally(ctx: RunContext, spec: RecordSpec) -> PassResult:
    """The run's count of changed rows of this table (a row of its own in the run's summary)."""
    name = f"{KIND}:{spec.source_object}"
    found = next((r for r in ctx.results if r.name == name), None)
    if found is None:
        found = PassResult(name)
        ctx.results.append(found)
    return found


async def note_change(
    ctx: RunContext, spec: RecordSpec, key: str, values: dict[str, Any], digest: str, contact: str | None
) -> None:
    """Send the note of a changed history row once, counted in the run's ``history_change`` row."""
    result = tally(ctx, spec)
    oid = change_op_id(spec.source_object, key, digest)
    prior = ledger.latest(ctx.con, oid)
    if prior is not None and prior.status == "done":
        result.skipped += 1
        return
    message_oid = f"{spec.target}:{spec.source_object}:{key}"
    sent = _sent(ctx.con, message_oid)
    op = ledger.Op(oid, PASSES["note"], "create", "note", spec.source_object, key, digest)
    try:
        if contact is None:
            raise MessageError("parent not migrated: ref:contactId")
        _, now = request_of(message_of(values), contact, str(sent.get("conversationId", "")), "")
        diff = changes(sent, now)
        if not diff:
            result.skipped += 1  # the record changed in nothing a message carries
            return
        body = note_body(spec.source_object, key, sent, diff)
        ledger.start(ctx.con, ctx.run_id, op, {"body": body, "changed": [d[0] for d in diff]})
        found = await _existing(ctx, contact, body) if prior is not None else None
        if found:
            hl_id, outcome = found, "recovered"
        else:
            created = await ctx.hl.contacts.create_note(contact, {"body": body}, lookup=None)
            hl_id, outcome = created.id, created.outcome.value
    except (DailyBudgetExhausted, Unauthorized):
        raise  # the run pauses or stops as a whole, as for any other pass: no row failed for it
    except (MessageError, HighLevelError) as exc:
        ledger.start(ctx.con, ctx.run_id, op, None)
        ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
        ctx.audit.write("error", "note", spec.source_object, key, None, "failed", str(exc))
        result.failed += 1
        return
    ledger.done(ctx.con, ctx.run_id, oid, hl_id, outcome, parent_id=contact)
    ctx.audit.write("create", "note", spec.source_object, key, hl_id, outcome, "history row changed")
    result.done += 1


async def _existing(ctx: RunContext, contact_id: str, body: str) -> str | None:
    """The note a killed run sent before its answer was ledgered."""
    answer: JsonDict = await ctx.hl.transport.request(
        "GET", "/contacts/{contactId}/notes", path_params={"contactId": contact_id}
    )
    notes = [n for n in answer.get("notes") or [] if isinstance(n, dict) and n.get("body") == body]
    return record_id(notes[0]) if notes else None


def change_lines(con: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """One line per changed history row a run handled: the row, what changed, where the change is."""
    rows = con.execute(
        """SELECT source_object, source_key, status, hl_id, error, sent FROM exec.ledger
        WHERE run_id = ? AND starts_with(op_id, ?) ORDER BY source_object, source_key""",
        [run_id, KIND + ":"],
    ).fetchall()
    out = []
    for source_object, key, status, hl_id, error, sent in rows:
        changed = ", ".join(json.loads(sent).get("changed", [])) if sent else ""
        if status == "done":
            where = f"note {hl_id} on its contact"
        else:  # a started note whose run stopped before HighLevel answered has no error of its own
            stopped = "the run stopped before HighLevel answered; the next run notes it"
            where = f"not noted: {error or stopped}"
        out.append(
            f"{source_object} {key}: {changed or 'values'} changed since its message was added; {where}"
        )
    return out
