"""Conversations: one per contact, searched by contact, deleted with every message in them.

A second create for a contact that already has a conversation answers what HighLevel answers
(GoHighLevel/highlevel-api-docs#5): a 400 "Conversation with the contact id:… already exists!"
that does not name the existing conversation, so a caller searches for it. ``POST
/conversations/messages`` (which sends an SMS or e-mail to the customer) is only recorded in the
``customerMessages`` table, never delivered, so a test can assert that nothing was sent.
"""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, NotFoundError, bad_request
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, clean, handles

SPEC = "conversations"


def conversation_of(call: Call, conversation_id: str) -> JsonDict:
    record = call.store.table("conversations").get(conversation_id)
    if record is None or record.get("deleted"):
        raise NotFoundError("Conversation")
    return record


def open_conversation(call: Call, contact_id: str) -> JsonDict | None:
    found = call.store.where("conversations", contactId=contact_id, deleted=False)
    return found[0] if found else None


@handles(SPEC, "create-conversation")
def create_conversation(call: Call) -> JsonDict:
    contact = call.store.get("contacts", call.json["contactId"], "Contact")
    if open_conversation(call, contact["id"]) is not None:
        raise bad_request(f"Conversation with the contact id:{contact['id']} already exists!")
    stamp = now_iso()
    record = {
        "id": new_id(),
        "locationId": call.store.location_id,
        "contactId": contact["id"],
        "dateAdded": stamp,
        "dateUpdated": stamp,
        "lastMessageDate": stamp,
        "deleted": False,
        "unreadCount": 0,
    }
    call.store.insert("conversations", record)
    return {"success": True, "conversation": clean(record)}


def _listed(call: Call, record: JsonDict) -> JsonDict:
    contact = call.store.table("contacts").get(record["contactId"]) or {}
    name = " ".join(str(contact[k]) for k in ("firstName", "lastName") if contact.get(k))
    return clean(
        {
            **record,
            "lastMessageBody": record.get("lastMessageBody", ""),
            "lastMessageType": record.get("lastMessageType", "TYPE_CALL"),
            "fullName": name or None,
            "email": contact.get("email"),
            "phone": contact.get("phone"),
        }
    )


@handles(SPEC, "search-conversation")
def search_conversations(call: Call) -> JsonDict:
    call.require_query("locationId")
    wanted = {k: call.query[k] for k in ("contactId", "id") if call.query.get(k)}
    found = [
        r
        for r in call.store.table("conversations").values()
        if not r.get("deleted") and all(r.get(k) == v for k, v in wanted.items())
    ]
    limit = call.int_query("limit", 20, maximum=100)
    return {"conversations": [_listed(call, r) for r in found[:limit]], "total": len(found)}


@handles(SPEC, "get-conversation")
def get_conversation(call: Call) -> JsonDict:
    return {"success": True, "conversation": clean(conversation_of(call, call.path["conversationId"]))}


@handles(SPEC, "delete-conversation")
def delete_conversation(call: Call) -> JsonDict:
    record = conversation_of(call, call.path["conversationId"])
    for message in call.store.where("messages", conversationId=record["id"]):
        call.store.remove("messages", message["id"])
    call.store.remove("conversations", record["id"])
    return {"success": True}


@handles(SPEC, "send-a-new-message")
def send_message(call: Call) -> JsonDict:
    """Recorded as a message to the customer, never delivered: a migration must not call this."""
    contact = call.store.get("contacts", call.json["contactId"], "Contact")
    conversation = open_conversation(call, contact["id"])
    record = call.store.insert(
        "customerMessages",
        {"kind": "conversation-message", "documentId": contact["id"], "at": now_iso(), "body": call.json},
    )
    answer = {"conversationId": conversation["id"] if conversation else "", "messageId": record["id"]}
    return {**answer, "msg": "Message queued successfully.", "status": "pending"}
