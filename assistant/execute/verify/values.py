"""Written values beside held values, field by field, compared as HighLevel keeps them.

Case is kept: ``Ana`` and ``ana`` differ. Only where HighLevel itself normalises a value is the
comparison normalised the same way:

- tags: HighLevel trims and lower-cases tags and keeps each once, so tags compare as such sets;
- phone: HighLevel stores E.164, so both sides are parsed (the location's country for numbers
  without a prefix) before comparing;
- timestamps: HighLevel answers in UTC (often with milliseconds), so ISO date-times compare as
  instants; plain dates compare as text;
- numbers: HighLevel stores numeric and monetary values as numbers, so ``"12.50"`` equals ``12.5``;
- text is trimmed at both ends (HighLevel trims what it stores); everything else compares exactly.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from assistant.highlevel.quiet import QUIET_KEYS

SKIPPED = frozenset({"locationId"}) | QUIET_KEYS  # request switches such as toNotify are no record values
VALUE_KEYS = ("field_value", "value", "fieldValue", "fieldValueString", "fieldValueNumber", "fieldValueArray")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def custom_value(item: dict[str, Any]) -> Any:
    """A custom field value, whichever key this HighLevel answer spells it with."""
    return next((item[k] for k in VALUE_KEYS if k in item), None)


def flatten(body: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """``{field label: value}``: custom fields as ``name (fieldKey)``, custom object properties by key."""
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key in SKIPPED:
            continue
        if key == "customFields" and isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and item.get("id"):
                    out[names.get(str(item["id"]), f"custom field {item['id']}")] = custom_value(item)
        elif key == "properties" and isinstance(value, dict):
            out.update({f"properties.{k}": v for k, v in value.items()})
        else:
            out[key] = value
    return out


def held_value(record: dict[str, Any], label: str, names: dict[str, str]) -> Any:
    if label in record:
        return record[label]
    if label == "contactId" and isinstance(record.get("contact"), dict):
        return record["contact"].get("id")  # opportunity search answers carry the contact inline
    return flatten({k: v for k, v in record.items() if k in ("customFields", "properties")}, names).get(label)


def empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def same(label: str, written: Any, held: Any, country: str | None) -> bool:
    if empty(written) or empty(held):
        return empty(written) and empty(held)
    if label == "tags":
        return _tags(written) == _tags(held)
    if label == "phone":
        return _phone(written, country) == _phone(held, country)
    if isinstance(written, list) or isinstance(held, list):
        return sorted(map(str, _listed(written))) == sorted(map(str, _listed(held)))
    number_w, number_h = _number(written), _number(held)
    if number_w is not None and number_h is not None and (_is_num(written) or _is_num(held)):
        return abs(number_w - number_h) < 1e-9
    if isinstance(written, bool) or isinstance(held, bool):
        return str(written).lower() == str(held).lower()
    instant_w, instant_h = _instant(written), _instant(held)
    if instant_w is not None and instant_h is not None:
        return instant_w == instant_h
    return str(written).strip() == str(held).strip()


def shown(value: Any, zone: str | None = None) -> str:
    """A value as the report prints it (lists joined, nothing lower-cased); a date-time with an offset
    also in ``zone``'s wall-clock time, the time people read in the source."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(shown(v, zone) for v in value)
    if zone and isinstance(value, str):
        return value + _wall_clock(value, zone)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _wall_clock(text: str, zone: str) -> str:
    """`` (2024-04-10 10:00 Europe/Madrid)`` for an instant written with an offset; '' for anything else."""
    if not re.search(r"(Z|[+-]\d{2}:?\d{2})$", text.strip()):
        return ""  # a plain date, or a time without an offset: nothing to convert
    moment = _instant(text)
    try:
        local = moment.astimezone(ZoneInfo(zone)) if moment else None
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    return f" ({local:%Y-%m-%d %H:%M} {zone})" if local else ""


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _tags(value: Any) -> set[str]:
    return {str(t).strip().lower() for t in _listed(value) if str(t).strip()}


def _phone(value: Any, country: str | None) -> str:
    text = str(value).strip()
    try:
        parsed = phonenumbers.parse(text, (country or "US").upper())
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return re.sub(r"[^\d+]", "", text)


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _instant(value: Any) -> datetime | None:
    text = str(value).strip()
    if not _DATETIME.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
