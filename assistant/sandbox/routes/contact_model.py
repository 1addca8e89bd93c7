"""Building and updating contact records in HighLevel's response shape."""

from __future__ import annotations

from typing import Any

from assistant.sandbox.errors import JsonDict
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import clean
from assistant.sandbox.rules import (
    merge_custom_values,
    normalise_phone,
    normalise_tags,
    register_location_tags,
    resolve_custom_values,
)
from assistant.sandbox.store import Store

# Body keys copied onto the record as sent (others are derived or handled specially).
_PLAIN = (
    "firstName",
    "lastName",
    "gender",
    "address1",
    "city",
    "state",
    "postalCode",
    "website",
    "timezone",
    "dnd",
    "dndSettings",
    "inboundDndSettings",
    "source",
    "country",
    "companyName",
    "assignedTo",
)


def set_or_clear(record: JsonDict, key: str, value: Any) -> None:
    """A null or empty value clears the field: HighLevel then answers the record without it."""
    if value is None or value == "":
        record.pop(key, None)
    else:
        record[key] = value


def _derive(record: JsonDict) -> None:
    first, last = record.get("firstName") or "", record.get("lastName") or ""
    full = record.get("name") or f"{first} {last}".strip()
    record["contactName"] = full or None
    record["firstNameLowerCase"] = first.lower() or None
    record["lastNameLowerCase"] = last.lower() or None
    record["fullNameLowerCase"] = full.lower() or None
    record["emailLowerCase"] = (record.get("email") or "").lower() or None


def apply_contact_fields(store: Store, record: JsonDict, body: JsonDict, replace_tags: bool) -> JsonDict:
    """Apply a create/update/upsert body to ``record``; tags in the body replace the current ones."""
    if body.get("customFields"):  # first: a 422 here must leave the record untouched
        values = resolve_custom_values(store, "customFields", "contact", body["customFields"])
        record["customFields"] = merge_custom_values(record.get("customFields", []), values)
    for key in _PLAIN:
        if key in body:
            set_or_clear(record, key, body[key])
    if "country" in body and not _is_country_code(body["country"]):
        record.pop("country", None)  # HighLevel keeps only ISO codes here and drops a name without a word
    if "name" in body:
        set_or_clear(record, "name", body["name"])
    if "email" in body:
        set_or_clear(record, "email", (body["email"] or "").strip())
    if "phone" in body:
        phone = body["phone"]
        set_or_clear(record, "phone", phone and normalise_phone(phone, store.location.get("country")))
    if "dateOfBirth" in body:
        set_or_clear(record, "dateOfBirth", None if body["dateOfBirth"] is None else str(body["dateOfBirth"]))
    if "tags" in body and body["tags"] is not None:
        tags = normalise_tags(body["tags"])
        record["tags"] = tags if replace_tags else normalise_tags([*record.get("tags", []), *tags])
        register_location_tags(store, tags)
    _derive(record)
    record["dateUpdated"] = now_iso()
    return record


def _is_country_code(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isalpha() and value.isupper()


def new_contact(store: Store) -> JsonDict:
    stamp = now_iso()
    return {
        "id": new_id(),
        "locationId": store.location_id,
        "type": "lead",
        "tags": [],
        "customFields": [],
        "dateAdded": stamp,
        "dateUpdated": stamp,
        "deleted": False,
    }


def contact_view(record: JsonDict) -> JsonDict:
    return clean({key: value for key, value in record.items() if not key.startswith("_")})


def prepared_phone(store: Store, body: JsonDict) -> str | None:
    raw: Any = body.get("phone")
    return normalise_phone(raw, store.location.get("country")) if isinstance(raw, str) else None
