"""Contacts: create, upsert, get, update, delete, search, duplicate lookup, business links."""

from __future__ import annotations

import uuid

from assistant.sandbox.errors import JsonDict
from assistant.sandbox.registry import Call, handles
from assistant.sandbox.routes.contact_model import (
    apply_contact_fields,
    contact_view,
    new_contact,
    prepared_phone,
)
from assistant.sandbox.routes.contact_search import search_contacts
from assistant.sandbox.rules import find_duplicate_contact, normalise_phone, reject_duplicate_contact

SPEC = "contacts"


@handles(SPEC, "create-contact")
def create_contact(call: Call) -> JsonDict:
    body = call.json
    reject_duplicate_contact(call.store, body.get("email"), prepared_phone(call.store, body))
    record = apply_contact_fields(call.store, new_contact(call.store), body, replace_tags=True)
    call.store.insert("contacts", record)
    return {"contact": contact_view(record)}


@handles(SPEC, "upsert-contact")
def upsert_contact(call: Call) -> JsonDict:
    """Update the contact matching the email or phone; create one when none matches."""
    body, store = call.json, call.store
    allow_duplicates = bool(store.location.get("settings", {}).get("allowDuplicateContact"))
    found = find_duplicate_contact(store, body.get("email"), prepared_phone(store, body))
    if found and not (allow_duplicates and body.get("createNewIfDuplicateAllowed")):
        record = apply_contact_fields(store, found[0], body, replace_tags=True)
        store.touch()
        return {"new": False, "contact": contact_view(record), "traceId": str(uuid.uuid4())}
    record = apply_contact_fields(store, new_contact(store), body, replace_tags=True)
    store.insert("contacts", record)
    return {"new": True, "contact": contact_view(record), "traceId": str(uuid.uuid4())}


@handles(SPEC, "get-contact")
def get_contact(call: Call) -> JsonDict:
    return {"contact": contact_view(call.store.get("contacts", call.path["contactId"], "Contact"))}


@handles(SPEC, "update-contact")
def update_contact(call: Call) -> JsonDict:
    store, body = call.store, call.json
    record = store.get("contacts", call.path["contactId"], "Contact")
    email = body.get("email") if "email" in body else None
    phone = prepared_phone(store, body) if "phone" in body else None
    reject_duplicate_contact(store, email, phone, skip_id=record["id"])
    apply_contact_fields(store, record, body, replace_tags=True)
    store.touch()
    return {"succeded": True, "contact": contact_view(record)}


@handles(SPEC, "delete-contact")
def delete_contact(call: Call) -> JsonDict:
    """Deleting a contact loses its notes, tasks and relations for good, as in HighLevel."""
    store = call.store
    contact_id = store.get("contacts", call.path["contactId"], "Contact")["id"]
    store.remove("contacts", contact_id)
    for table in ("notes", "tasks"):
        for child in store.where(table, contactId=contact_id):
            store.remove(table, child["id"])
    for relation in list(store.table("relations").values()):
        if contact_id in (relation.get("firstRecordId"), relation.get("secondRecordId")):
            store.remove("relations", relation["id"])
    return {"succeded": True}


@handles(SPEC, "search-contacts-advanced")
def search(call: Call) -> JsonDict:
    return search_contacts(list(call.store.table("contacts").values()), call.json)


@handles(SPEC, "get-duplicate-contact")
def duplicate(call: Call) -> JsonDict:
    call.require_query("locationId")
    phone = normalise_phone(call.query.get("number"), call.store.location.get("country"))
    found = find_duplicate_contact(call.store, call.query.get("email"), phone)
    return {"contact": contact_view(found[0]) if found else None}


@handles(SPEC, "add-remove-contact-from-business")
def link_business(call: Call) -> JsonDict:
    body, store = call.json, call.store
    business_id = body["businessId"]
    store.get("businesses", business_id, "Business")
    contacts = [store.get("contacts", contact_id, "Contact") for contact_id in body["ids"]]  # all exist first
    for contact in contacts:
        contact["businessId"] = business_id
    store.touch()
    return {"success": True, "ids": [c["id"] for c in contacts]}
