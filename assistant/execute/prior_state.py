"""The full prior state of every key an update touches, and the body that puts it back.

An update saves, for each key it sends, the value the record held before — ``None`` when it held
nothing — and for each custom field it sends, that field's previous value (``None`` when empty).
Rollback sends the saved values back and clears what was empty, so a record that existed before
the run ends exactly as it was, not merely with the keys that happened to have values.
"""

from __future__ import annotations

from typing import Any

from assistant.execute.diff import custom_value
from assistant.highlevel.errors import JsonDict
from assistant.hlspec.operations import find_operation

NOT_SAVED = ("locationId",)


def _custom_by_id(record: JsonDict) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in record.get("customFields") or []:
        if isinstance(item, dict) and item.get("id"):
            out[str(item["id"])] = custom_value(item)
    return out


def prior_state(current: JsonDict, body: JsonDict) -> JsonDict:
    """What ``current`` holds under every key of ``body`` (custom fields by id), empty as ``None``."""
    previous: JsonDict = {}
    for key in body:
        if key in NOT_SAVED:
            continue
        if key == "customFields":
            held = _custom_by_id(current)
            sent = [str(i.get("id")) for i in body.get("customFields") or [] if isinstance(i, dict)]
            previous[key] = [{"id": fid, "field_value": _empty_as_none(held.get(fid))} for fid in sent if fid]
        else:
            previous[key] = _empty_as_none(current.get(key))
    return previous


def _empty_as_none(value: Any) -> Any:
    return None if value in ("", None) else value


def _clear_value(schema: JsonDict) -> tuple[bool, Any]:
    """(can clear, the value that clears) for a property of the update's schema."""
    if schema.get("nullable"):
        return True, None
    kind = schema.get("type")
    if kind == "string":
        return True, ""
    if kind == "array":
        return True, []
    if kind == "boolean":
        return True, False
    return False, None


def restore_body(method: str, template: str, previous: JsonDict) -> tuple[JsonDict, list[str]]:
    """The update body that puts ``previous`` back, and the keys HighLevel offers no way to empty."""
    schema = find_operation(method, template).request_schema or {}
    properties: dict[str, JsonDict] = schema.get("properties") or {}
    body: JsonDict = {}
    cannot: list[str] = []
    for key, value in previous.items():
        if key == "customFields":
            body[key] = [
                {"id": item["id"], "field_value": "" if custom_value(item) is None else custom_value(item)}
                for item in value or []
                if isinstance(item, dict) and item.get("id")
            ]
            continue
        if value is not None:
            body[key] = value
            continue
        can, empty = _clear_value(properties.get(key) or {})
        if can:
            body[key] = empty
        else:
            cannot.append(key)
    return body, cannot
