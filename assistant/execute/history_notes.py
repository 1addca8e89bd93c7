"""History rows the location cannot hold as messages travel as dated notes on their contact.

Without a conversation provider (and with ``execute.history_as_notes`` set), a call, e-mail or
message cannot keep its original date as a conversation message. Rather than dropping it, each row
becomes a note on its contact whose first line is the original date with the type, direction and
subject; the body follows as text. The plan counts it as a loss of type, per source object, and the
accounting as landed by the ``history-as-note`` policy; rollback deletes the notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import duckdb

from assistant.execute.messages import MessageError, direction_of, message_type, plain
from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.specs import RecordSpec

KIND = "history_as_note"  # a record kind of its own: the table's other notes keep their keys
ROLE = "history_as_note"
POLICY = "history-as-note"
WHY = (
    "the location has no conversation provider for messages with their original date: landed as a "
    "note on its contact whose first line is the original date, type, direction and subject"
)


@dataclass(frozen=True)
class HistoryNotes:
    spec: RecordSpec  # the note spec that sends them
    notes: int


def _when(date: str, zone: str | None) -> str:
    """The original date as sent (UTC), with the source's wall-clock time beside it."""
    try:
        moment = datetime.fromisoformat(date.replace("Z", "+00:00"))
        local = moment.astimezone(ZoneInfo(zone)) if zone and moment.tzinfo else None
    except (ValueError, ZoneInfoNotFoundError):
        return date
    return f"{date} ({local:%Y-%m-%d %H:%M} {zone})" if local else date


def note_body(values: dict[str, Any], zone: str | None) -> str:
    try:
        direction = direction_of(values.get("direction"))
    except MessageError:
        direction = str(values.get("direction"))
    kind = message_type(values.get("type"))
    source_type = str(values.get("type") or "")
    first = f"{_when(str(values.get('date') or 'no date'), zone)} · {kind}"
    first += f" ({source_type})" if source_type and source_type.lower() != kind.lower() else ""
    first += f" · {direction}"
    if values.get("subject"):
        first += f" · {values['subject']}"
    lines = [first]
    text = plain(str(values.get("message") or values.get("html") or ""))  # a note shows no HTML
    if text:
        lines.append(text)
    call = [
        f"{k}: {values[c]}"
        for k, c in (("status", "callStatus"), ("from", "callFrom"), ("to", "callTo"))
        if values.get(c)
    ]
    if call:
        lines.append("Call " + ", ".join(call))
    return "\n".join(lines)


def carry_history_as_notes(
    con: duckdb.DuckDBPyConnection, specs: list[RecordSpec], zone: str | None
) -> list[HistoryNotes]:
    """Turn every compiled history row into a note on its contact."""
    out: list[HistoryNotes] = []
    for spec in specs:
        if spec.target != "message":
            continue
        rows = con.execute(
            """SELECT source_key, "row", "values" FROM exec.records
            WHERE target = 'message' AND source_object = ? ORDER BY "row" """,
            [spec.source_object],
        ).fetchall()
        if not rows:
            continue
        for key, row, raw in rows:
            values = json.loads(raw)
            body = note_body(values, zone)
            con.execute(
                INSERT_RECORD,
                note_record(KIND, spec.source_object, key, row, body, values.get("ref:contactId")),
            )
        con.execute(
            "DELETE FROM exec.records WHERE target = 'message' AND source_object = ?", [spec.source_object]
        )
        note_spec = notes_spec(spec, KIND, ROLE, list(spec.refs))
        out.append(HistoryNotes(note_spec, len(rows)))
    return out


def plan_lines(carried: list[HistoryNotes]) -> list[str]:
    """The loss of type, per source object, where the plan lists what cannot migrate as it is."""
    return [
        f"{c.spec.source_object}: {c.notes} history row{'s' * (c.notes != 1)} go as notes, not conversation "
        f"messages (loss of type: no call or e-mail entry in the contact's conversation; each note's first "
        f"line is the original date, type, direction and subject): the location has no conversation "
        f"provider; set one up and set execute.conversation_provider_id to send them as messages "
        f"({c.spec.name} in the plan)"
        for c in carried
    ]
