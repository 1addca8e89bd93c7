"""Conversation messages in the catalog: the keys a history map (calls, emails, SMS) targets.

A history row lands as a message in its contact's conversation, through
``POST /conversations/messages/inbound`` (any type, either direction) or ``/outbound`` (calls).
Like a document, a message map does not target the request body directly: the executor builds it
(conversation id, provider id, call details) from the keys below. Each key points at the spec
property that carries its value, so type, enum and description come from the spec.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.errors import HlmapError
from assistant.highlevel.catalog_fields import TargetField, TargetObjectSpec, field_of
from assistant.hlspec import find_operation, load_spec, resolve

SPEC = "conversations"
_BODY = "ProcessMessageBodyDto"
# key -> (schema, property)
KEYS = {
    "contactId": (_BODY, "contactId"),  # the contact whose conversation holds the message
    "type": (_BODY, "type"),  # Call, Email, SMS, ...
    "direction": (_BODY, "direction"),  # inbound / outbound
    "date": (_BODY, "date"),  # the original timestamp
    "subject": (_BODY, "subject"),
    "message": (_BODY, "message"),  # the plain-text body
    "html": (_BODY, "html"),  # an e-mail's HTML body
    "altId": (_BODY, "altId"),  # the source's own message id: finds a message already sent
    "callStatus": ("CallDataDTO", "status"),
    "callFrom": ("CallDataDTO", "from"),
    "callTo": ("CallDataDTO", "to"),
}
REQUIRED = frozenset({"contactId", "type", "date"})
CREATE = ("POST", "/conversations/messages/inbound")
LABEL = "Conversation message (history, with its original date)"


def _key_field(key: str, schema: str, prop: str) -> TargetField:
    components = load_spec(SPEC)["components"]["schemas"]
    found = (resolve(components.get(schema, {}), SPEC).get("properties") or {}).get(prop)
    if not isinstance(found, dict):
        raise HlmapError(f"spec {SPEC}.json has no property {schema}.{prop} (catalog key message.{key})")
    field = field_of("message", key, resolve(found, SPEC), key in REQUIRED, f"{SPEC}.json#{schema}.{prop}")
    return replace(field, required=key in REQUIRED)


def message_object() -> TargetObjectSpec:
    """The catalog entry of ``message``: one history row on a contact's conversation."""
    fields = tuple(_key_field(key, *where) for key, where in KEYS.items())
    version = find_operation(*CREATE).version
    return TargetObjectSpec("message", LABEL, SPEC, fields, CREATE, False, version)
