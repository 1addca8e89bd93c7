"""What the items of a list column are: options people pick, or details of the record itself.

A list of options repeats a few labels over many records ('VIP; Newsletter'). A list of a person's
further e-mail addresses or phone numbers (Twenty's 'Additional Emails', EspoCRM's 'phoneNumberData',
any API's nested contact points kept as JSON) holds values of that one record, each seen once: as a
pick-list every address would become an option of a field every contact shares. Such a list is text
that travels with the record, and its items say so by their shape.
"""

from __future__ import annotations

import json
import re

from assistant.profile.models import ColumnProfile

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[\d\s().-]{7,}")


def _items(value: str, separator: str | None) -> list[object]:
    text = value.strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            return [text]
        return parsed if isinstance(parsed, list) else [parsed]
    if separator and separator != "json":
        return [part.strip() for part in text.split(separator) if part.strip()]
    return [text]


def _contact_point(item: object) -> bool:
    """An e-mail address, a phone number, or an object (a nested entry: {number, callingCode})."""
    if isinstance(item, dict):
        return True
    text = str(item).strip()
    return bool(_EMAIL.fullmatch(text) or (_PHONE.fullmatch(text) and sum(c.isdigit() for c in text) >= 7))


def holds_record_details(column: ColumnProfile) -> bool:
    """Whether a list column's items are contact points or nested entries, not options to pick."""
    items = [i for v in column.top_values for i in _items(v.value, column.separator)]
    return bool(items) and all(_contact_point(i) for i in items)
