"""Messages added to a conversation with their original date: history, never sent to anyone.

``/inbound`` takes any type in either direction, ``/outbound`` only calls. Both require a
``conversationProviderId`` the location has set up (a custom conversation provider), keep the
``date`` they are given as the message's date, and refuse a contact other than the conversation's.
"""

from __future__ import annotations

from typing import Any

from assistant.sandbox.errors import JsonDict, bad_request, unprocessable
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.conversations import conversation_of

SPEC = "conversations"
DIRECTIONS = ("inbound", "outbound")
# ProcessMessageBodyDto.type -> (GetMessageResponseDto.type number, messageType)
MESSAGE_TYPES = {
    "Call": (1, "TYPE_CALL"),
    "SMS": (2, "TYPE_SMS"),
    "Email": (3, "TYPE_EMAIL"),
    "WhatsApp": (19, "TYPE_WHATSAPP"),
    "Custom": (20, "TYPE_CUSTOM_SMS"),
}
_OTHER = (20, "TYPE_CUSTOM_SMS")
# Kept with the message but not in HighLevel's message listing (GetMessageResponseDto)
_NOT_LISTED = ("subject", "html", "altId")


def _provider(call: Call) -> str:
    wanted = str(call.json.get("conversationProviderId") or "")
    known = {str(p.get("id")) for p in call.store.table("conversationProviders").values()}
    if wanted not in known:
        raise bad_request(f"Conversation provider {wanted!r} not found in this location")
    return wanted


def _direction(body: JsonDict, default: str) -> str:
    # The spec types ``direction`` as an object (its example is the list of values), while HighLevel's
    # service takes the string "inbound" or "outbound"; the dispatcher serves it as that string, and
    # any other value is refused here instead of being stored.
    value: Any = body.get("direction", default)
    if value not in DIRECTIONS:
        raise unprocessable([f"direction must be one of the following values: {', '.join(DIRECTIONS)}"])
    return str(value)


def _add(call: Call, direction: str) -> JsonDict:
    body = call.json
    conversation = conversation_of(call, body["conversationId"])
    if body.get("contactId") not in (None, conversation["contactId"]):
        raise bad_request("contactId does not belong to the conversation")
    provider = _provider(call)
    number, name = MESSAGE_TYPES.get(body["type"], _OTHER)
    given = body.get("call")
    call_data: JsonDict = given if isinstance(given, dict) else {}
    text = body.get("message") or body.get("html") or ""
    message = {
        "id": new_id(),
        "type": number,
        "messageType": name,
        "locationId": call.store.location_id,
        "contactId": conversation["contactId"],
        "conversationId": conversation["id"],
        "dateAdded": body.get("date") or now_iso(),  # the original timestamp is kept as given
        "body": text,
        "subject": body.get("subject"),
        "html": body.get("html"),
        "direction": direction,
        "status": "delivered",
        "contentType": "text/html" if body.get("html") else "text/plain",
        "meta": {f"call{k.capitalize()}": v for k, v in call_data.items() if v} or None,
        "altId": body.get("altId"),
        "conversationProviderId": provider,
        "source": "api",
    }
    call.store.insert("messages", message)
    conversation.update(
        lastMessageBody=text[:300],
        lastMessageType=name,
        lastMessageDate=message["dateAdded"],
        dateUpdated=now_iso(),
    )
    answer = {
        "success": True,
        "conversationId": conversation["id"],
        "messageId": message["id"],
        "message": "",
    }
    return {**answer, "contactId": conversation["contactId"], "dateAdded": message["dateAdded"]}


@handles(SPEC, "add-an-inbound-message")
def add_inbound(call: Call) -> JsonDict:
    return _add(call, _direction(call.json, "outbound"))  # the spec's default direction


@handles(SPEC, "add-an-outbound-message")
def add_outbound(call: Call) -> JsonDict:
    return _add(call, "outbound")


@handles(SPEC, "get-messages")
def list_messages(call: Call) -> JsonDict:
    """Newest first, ``limit`` (at most 100) after ``lastMessageId``; ``nextPage`` when more remain."""
    conversation = conversation_of(call, call.path["conversationId"])
    found = sorted(
        call.store.where("messages", conversationId=conversation["id"]),
        key=lambda m: (str(m["dateAdded"]), m["id"]),
        reverse=True,
    )
    after = call.query.get("lastMessageId")
    if after:
        ids = [m["id"] for m in found]
        found = found[ids.index(after) + 1 :] if after in ids else []
    limit = call.int_query("limit", 20, maximum=100)
    page = found[:limit]
    last = page[-1]["id"] if page else ""
    return {"lastMessageId": last, "nextPage": len(found) > limit, "messages": [listed_view(m) for m in page]}


def listed_view(message: JsonDict) -> JsonDict:
    return clean({k: v for k, v in message.items() if k not in _NOT_LISTED})


def _message(call: Call, message_id: str) -> JsonDict:
    found = call.store.tables["messages"].get(message_id)
    if found is None or found.get("locationId") != call.store.location_id:
        raise bad_request("Message not found")
    return found


@handles(SPEC, "get-message")
def get_message(call: Call) -> JsonDict:
    return listed_view(_message(call, call.path["id"]))


@handles(SPEC, "update-message-status")
def update_status(call: Call) -> JsonDict:
    """Only a message's delivery status changes: HighLevel has no call that edits its body or date
    (the spec's body takes status, error, emailMessageId and recipients; anything else is refused)."""
    message = _message(call, call.path["messageId"])
    message["status"] = call.json["status"]
    return {
        "conversationId": message["conversationId"],
        "messageId": message["id"],
        "status": message["status"],
    }
