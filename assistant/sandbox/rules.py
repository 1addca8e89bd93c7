"""Business rules HighLevel enforces beyond the body schema: duplicates and custom field values."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from assistant.highlevel.limits import field_max
from assistant.sandbox.errors import JsonDict, bad_request, unprocessable
from assistant.sandbox.store import Store


def normalise_phone(raw: str | None, country: str | None) -> str | None:
    """E.164 when the number parses (HighLevel stores phones that way), else the digits kept as sent."""
    if not raw or not raw.strip():
        return None
    try:
        parsed = phonenumbers.parse(raw, (country or "US").upper())
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"[^\d+]", "", raw)
        return digits or raw.strip()


def find_duplicate_contact(
    store: Store, email: str | None, phone: str | None, skip_id: str = ""
) -> tuple[JsonDict, str] | None:
    """The existing contact sharing the email (case-insensitive) or the normalised phone, and which."""
    wanted_email = (email or "").strip().lower()
    for contact in store.table("contacts").values():
        if contact["id"] != skip_id and wanted_email and contact.get("emailLowerCase") == wanted_email:
            return contact, "email"
    if phone:
        for contact in store.table("contacts").values():
            if contact["id"] != skip_id and contact.get("phone") == phone:
                return contact, "phone"
    return None


def reject_duplicate_contact(store: Store, email: str | None, phone: str | None, skip_id: str = "") -> None:
    if store.location.get("settings", {}).get("allowDuplicateContact"):
        return
    found = find_duplicate_contact(store, email, phone, skip_id)
    if found:
        contact, field = found
        raise bad_request(
            "This location does not allow duplicated contacts.",
            meta={"contactId": contact["id"], "matchingField": field},
        )


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m-%d-%Y",
    "%Y.%m.%d",
    "%m.%d.%Y",
    "%Y_%m_%d",
    "%m_%d_%Y",
)


def _is_date(value: Any) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True  # epoch milliseconds
    if not isinstance(value, str) or not value.strip():
        return False
    text = value.strip()
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        return True
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            datetime.strptime(text, fmt)
            return True
        except ValueError:
            continue
    return False


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        try:
            float(value.replace(",", ""))
            return True
        except ValueError:
            return False
    return False


def _options(field: JsonDict) -> list[str]:
    if field.get("picklistOptions"):
        return [str(o) for o in field["picklistOptions"]]
    return [
        str(o.get("key", o.get("label"))) if isinstance(o, dict) else str(o)
        for o in field.get("options") or []
    ]


def value_problem(field: JsonDict, value: Any) -> str | None:
    """Why ``value`` does not fit the custom field's ``dataType`` (None: it fits)."""
    data_type = str(field.get("dataType", "TEXT")).upper()
    options = _options(field)
    if data_type in ("NUMERICAL", "MONETORY", "MONETARY"):
        return None if _is_number(value) else "must be a number"
    if data_type == "DATE":
        return None if _is_date(value) else "must be a valid date"
    if data_type in ("SINGLE_OPTIONS", "RADIO"):
        if not isinstance(value, str):
            return "must be a string"
        return None if not options or value in options else f"must be one of: {', '.join(options)}"
    if data_type in ("MULTIPLE_OPTIONS", "CHECKBOX"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be an array of strings"
        unknown = [v for v in value if options and v not in options]
        return f"has values not among the options: {', '.join(unknown)}" if unknown else None
    if data_type == "EMAIL":
        try:
            validate_email(str(value), check_deliverability=False)
            return None
        except EmailNotValidError:
            return "must be an email"
    bound = field_max(data_type)
    if bound is not None and isinstance(value, str) and len(value) > bound:
        return f"must be shorter than or equal to {bound} characters"
    if data_type in ("FILE_UPLOAD", "TEXTBOX_LIST"):
        return None if isinstance(value, dict | list | str) else "must be an object"
    return (
        None if isinstance(value, str | int | float) and not isinstance(value, bool) else "must be a string"
    )


def resolve_custom_values(
    store: Store, table: str, model: str | None, items: list[JsonDict]
) -> list[JsonDict]:
    """``[{id, value}]`` for the record from ``customFields`` items, or a 422 naming each bad item.

    Items name their field by ``id`` (preferred) or ``key``; the value is ``field_value`` (or
    ``value``). A field of another model, an unknown field or a value of the wrong type is rejected.
    """
    fields = store.table(table)
    by_key = {f.get("fieldKey"): f for f in fields.values()}
    problems: list[str] = []
    resolved: list[JsonDict] = []
    for index, item in enumerate(items):
        field = fields.get(str(item.get("id"))) or by_key.get(item.get("key"))
        where = f"customFields.{index}"
        if field is None or (model and field.get("model", model) != model):
            problems.append(f"{where}: custom field {item.get('id') or item.get('key')!r} does not exist")
            continue
        value = item.get("field_value", item.get("value"))
        problem = None if value in (None, "") else value_problem(field, value)
        if problem:
            problems.append(f"{where}.field_value {problem} for {field.get('dataType')} field {field['id']}")
        else:
            resolved.append({"id": field["id"], "value": None if value == "" else value})
    if problems:
        raise unprocessable(problems)
    return resolved


def merge_custom_values(current: list[JsonDict], updates: list[JsonDict]) -> list[JsonDict]:
    """Updated values replace the same field's; a null/empty value clears it."""
    merged = {item["id"]: item for item in current}
    for item in updates:
        if item["value"] in (None, ""):
            merged.pop(item["id"], None)
        else:
            merged[item["id"]] = item
    return list(merged.values())


def normalise_tags(tags: list[str]) -> list[str]:
    """Tags as HighLevel keeps them: trimmed, lower case, each once, in first-seen order."""
    return list(dict.fromkeys(t.strip().lower() for t in tags if t and t.strip()))


def register_location_tags(store: Store, tags: list[str]) -> None:
    """Tags used on a record become location tags, as in HighLevel."""
    known = {t["name"] for t in store.table("tags").values()}
    for name in tags:
        if name not in known:
            store.insert("tags", {"name": name, "locationId": store.location_id})
            known.add(name)
