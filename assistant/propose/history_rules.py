"""How much a table's columns say it is a history of calls, e-mails, texts and meeting logs.

Only values count as proof: a type column of channel words. The other signs (a direction column,
a timestamp, a subject or body, a link to a contact-like table) add to it. A table of people with
a 'preferred channel' column is no history; calendar events with a start and an end stay
appointments, as before.
"""

from __future__ import annotations

from assistant.profile.models import SemanticType
from assistant.propose.history import HistoryColumns
from assistant.propose.normalize import tokens
from assistant.propose.signals import TableSignals

S = SemanticType
BODY_WORDS = frozenset(
    {"body", "message", "messages", "mensaje", "content", "contenido", "text", "texto", "nachricht", "corps"}
)


def has_text(sig: TableSignals) -> bool:
    """A subject or body column: by concept (subject, notes, description) or by name (message, body)."""
    if sig.has("title", "notes"):
        return True
    return any(set(tokens(c)) & BODY_WORDS for cols in sig.types.values() for c in cols)


def is_dated(sig: TableSignals) -> bool:
    return bool(sig.typed(S.DATE, S.DATETIME)) or sig.has("date", "created_at", "start")


def history_evidence(sig: TableSignals, person: bool, fk_heads: set[str]) -> list[tuple[float, str]]:
    """(score, reason) pairs for the 'message' reading of a table; empty when it is none."""
    found: HistoryColumns | None = sig.history
    if found is None or person or not is_dated(sig):
        return []
    if found.meetings_only and sig.has("start") and sig.has("end"):
        return []  # calendar events with a start and an end: appointments
    text = has_text(sig)
    if found.direction_column is None and not text:
        return []
    shown = ", ".join(f"{v} → {c}" for v, c in list(found.channels.items())[:5])
    out = [
        (
            0.7 * found.channel_share,
            f"values of '{found.type_column}' name channels ({shown}; {found.channel_share:.0%} of rows)",
        )
    ]
    if found.direction_column:
        out.append((0.2, f"'{found.direction_column}' says inbound or outbound"))
    out.append((0.1, "each row has a timestamp"))
    if text:
        out.append((0.1, "a subject or body column"))
    if "contact" in fk_heads:
        out.append((0.1, "rows link to a contact-like table"))
    return out


def history_note(found: HistoryColumns) -> str:
    """Why the rows become conversation messages, and what happens to meeting logs and other entries."""
    note = "history rows become conversation messages on the contact, each with its original date"
    if "meeting" in found.channels.values():
        note += (
            "; meeting logs (a meeting that happened, with no end time or calendar) stay in the same "
            "history as Custom messages rather than appointments, which would book past calendar slots"
        )
    if found.unread:
        note += f"; entries of type {', '.join(found.unread[:3])} name no channel and go as Custom messages"
    return note
