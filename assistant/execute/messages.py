"""A compiled history row (``exec.records`` values of a ``message`` map) read as a message request.

The record holds the catalog keys of ``message``: ``type``, ``direction``, ``date`` (UTC, already
read in the source's time zone), ``subject``, ``message``, ``html``, ``altId``, ``callStatus``,
``callFrom``, ``callTo`` and ``ref:contactId``. Source words are read into HighLevel's values (a
"Llamada entrante" is a Call); an e-mail's HTML body travels as ``html``, any other body as plain
text. An outbound call without text goes through ``/outbound`` (the endpoint HighLevel documents
for calls, which carries no text); every other row goes through ``/inbound`` with its direction.
"""

from __future__ import annotations

import html as html_text
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assistant.highlevel.api_conversations import INBOUND, OUTBOUND

TYPE_WORDS = (
    ("Call", ("call", "phone", "llamada", "telef", "voice")),
    ("Email", ("email", "e-mail", "mail", "correo")),
    ("WhatsApp", ("whatsapp",)),
    ("SMS", ("sms", "text")),
)
INBOUND_WORDS = ("in", "inbound", "incoming", "received", "entrante", "recibid")
OUTBOUND_WORDS = ("out", "outbound", "outgoing", "sent", "saliente", "enviad")
CALL_STATUS_WORDS = (
    ("no-answer", ("no-answer", "no answer", "unanswered", "missed", "perdida", "no contest")),
    ("voicemail", ("voicemail", "buz")),
    ("busy", ("busy", "ocupad")),
    ("canceled", ("cancel",)),
    ("failed", ("fail", "fallid")),
    ("answered", ("answered", "contestad", "atendid")),
    ("completed", ("complet", "done", "ok", "finaliz", "realizad")),
    ("pending", ("pending", "pendiente")),
)
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


class MessageError(ValueError):
    """A value a history row cannot be sent with (named with the row by the caller)."""


@dataclass(frozen=True)
class Message:
    type: str
    direction: str
    date: str
    subject: str = ""
    text: str = ""  # plain-text body
    html: str = ""  # an e-mail's HTML body
    alt_id: str = ""
    call: dict[str, str] | None = None

    @property
    def body(self) -> str:
        """What HighLevel shows as the message's body (and a resumed run matches it by)."""
        return self.text or self.html


def _words(value: Any, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    text = str(value or "").strip().lower()
    return next((name for name, hints in table if any(h in text for h in hints)), None)


def message_type(value: Any) -> str:
    """HighLevel's message type for a source type value; meetings, visits and the like are Custom."""
    return _words(value, TYPE_WORDS) or "Custom"


def direction_of(value: Any) -> str:
    text = str(value or "").strip().lower()
    if not text:
        return "outbound"  # HighLevel's default direction for a message without one
    first = re.split(r"[\s_-]+", text)[0]
    if first in INBOUND_WORDS or any(w in text for w in INBOUND_WORDS[2:]):
        return "inbound"
    if first in OUTBOUND_WORDS or any(w in text for w in OUTBOUND_WORDS[2:]):
        return "outbound"
    raise MessageError(f"direction {value!r} reads as neither inbound nor outbound")


def plain(text: str) -> str:
    """An HTML body as plain text (for a type HighLevel shows as text)."""
    return html_text.unescape(re.sub(r"\s+\n", "\n", _TAG.sub("", text.replace("<br>", "\n")))).strip()


def message_of(values: dict[str, Any]) -> Message:
    kind = message_type(values.get("type"))
    date = str(values.get("date") or "")
    if not date:
        raise MessageError("no date: HighLevel would date the message today")
    moment = _instant(date)
    if moment is None or moment.tzinfo is None:
        raise MessageError(f"date {date!r} is no date-time with an offset (map it with the date transform)")
    body, markup = str(values.get("message") or ""), str(values.get("html") or "")
    if kind == "Email" and not markup and _TAG.search(body):
        body, markup = plain(body), body  # an e-mail's HTML body goes where HighLevel renders HTML
    if markup and not body:
        body = plain(markup)  # the text beside it (HighLevel shows it where HTML is not rendered)
    if kind != "Email":
        markup = ""
    call = {
        k: str(values[f"call{k.capitalize()}"]) for k in ("from", "to") if values.get(f"call{k.capitalize()}")
    }
    status = _words(values.get("callStatus"), CALL_STATUS_WORDS)
    if status:
        call["status"] = status
    return Message(
        kind,
        direction_of(values.get("direction")),
        date,
        str(values.get("subject") or ""),
        body,
        markup,
        str(values.get("altId") or ""),
        call if kind == "Call" and call else None,
    )


def request_of(
    msg: Message, contact_id: str, conversation_id: str, provider: str
) -> tuple[str, dict[str, Any]]:
    """(path, body) of the request that adds ``msg`` to the contact's conversation."""
    body: dict[str, Any] = {
        "type": msg.type,
        "conversationId": conversation_id,
        "conversationProviderId": provider,
    }
    body["date"] = msg.date
    if msg.alt_id:
        body["altId"] = msg.alt_id
    if msg.call:
        body["call"] = msg.call
    if msg.type == "Call" and msg.direction == "outbound" and not (msg.body or msg.subject):
        return OUTBOUND, body
    body.update(contactId=contact_id, direction=msg.direction)
    body.update({k: v for k, v in (("subject", msg.subject), ("message", msg.text), ("html", msg.html)) if v})
    return INBOUND, body


def _instant(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def is_same(held: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether a message HighLevel holds is the one ``body`` adds: by the source's id when HighLevel
    answers it, else by date (as an instant) and body text."""
    if body.get("altId") and held.get("altId"):
        return bool(held["altId"] == body["altId"])
    when = _instant(body.get("date"))
    text = str(body.get("message") or body.get("html") or "").strip()
    return (
        when is not None
        and _instant(held.get("dateAdded")) == when
        and str(held.get("body") or "").strip() == text
    )
