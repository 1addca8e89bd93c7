"""History messages read back and compared as messages, not as request bodies.

The read-back reads them through HighLevel's location-wide export (``GET
/conversations/messages/export``, 500 a page): one pass for every message that is not an e-mail and
one with ``channel=Email``, a handful of requests for the whole location instead of one per
conversation. The first page of each pass is read like any location-wide listing; later pages only
while the read budget lasts, and a pass cut short leaves the messages it did not reach unread.

The request that added a message and the message HighLevel lists name things differently
(``date`` vs ``dateAdded``, ``type`` "Email" vs ``messageType`` "TYPE_EMAIL", the body in
``message`` or ``html`` vs ``body``, a call's ``call.status`` vs ``meta.callStatus``), so both are
reduced to one view. HighLevel's message listing does not return an e-mail's subject: a subject
sent is reported unread, never compared against nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import JsonDict

OBJECT = "message"
UNREAD_NOTE = {"subject": "HighLevel's message listing does not return a message's subject"}
EXPORT_PASSES = (None, "Email")  # without a channel HighLevel exports every message but e-mails
_HELD_TYPES = {"TYPE_CALL": "Call", "TYPE_SMS": "SMS", "TYPE_EMAIL": "Email", "TYPE_WHATSAPP": "WhatsApp"}


def sent_view(body: dict[str, Any]) -> dict[str, Any]:
    """The comparable values of an inbound or outbound request body."""
    call = body.get("call") if isinstance(body.get("call"), dict) else {}
    out = {
        "date": body.get("date"),
        "type": body.get("type"),
        "direction": body.get("direction") or "outbound",  # /outbound adds outbound calls
        "body": body.get("message") or body.get("html"),
        "subject": body.get("subject"),
        "callStatus": (call or {}).get("status"),
    }
    return {k: v for k, v in out.items() if v not in (None, "")}


def held_view(message: JsonDict) -> JsonDict:
    """The comparable values of a message as HighLevel lists it."""
    kind = str(message.get("messageType") or "")
    meta = message.get("meta") if isinstance(message.get("meta"), dict) else {}
    return {
        "date": message.get("dateAdded"),
        "type": _HELD_TYPES.get(kind, "Custom" if kind.startswith("TYPE_CUSTOM") else kind),
        "direction": message.get("direction"),
        "body": message.get("body"),
        "callStatus": (meta or {}).get("callStatus"),
    }


async def conversation_messages(hl: HighLevelClient, conversation_id: str) -> dict[str, JsonDict]:
    """Every message of one conversation by id, as comparable views (a conversation gone: none)."""
    from assistant.highlevel.errors import NotFound

    try:
        held = await hl.conversations.messages(conversation_id)
    except NotFound:
        return {}
    return {str(m["id"]): held_view(m) for m in held if m.get("id")}


async def location_messages(
    hl: HighLevelClient, budget_spent: Callable[[], bool]
) -> tuple[dict[str, JsonDict], bool]:
    """Every message of the location by id, as comparable views, and whether every pass was read to
    its last page (when not, a message not found may simply not have been reached)."""
    found: dict[str, JsonDict] = {}
    complete = True
    for channel in EXPORT_PASSES:
        page, cursor = await hl.conversations.export_page(channel)
        while True:
            found.update({str(m["id"]): held_view(m) for m in page if m.get("id")})
            if cursor is None:
                break
            if budget_spent():
                complete = False
                break
            page, cursor = await hl.conversations.export_page(channel, cursor)
    return found, complete
