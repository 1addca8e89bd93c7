"""``GET /conversations/messages/export``: every message of the location, page after page by cursor.

As HighLevel documents it: without ``channel`` the export returns every message that is not an
e-mail (activity messages included), so e-mails need a second pass with ``channel=Email``. Pages
are 10 to 500 messages (100 by default), sorted by ``createdAt`` (the message's date) or
``updatedAt``, newest first unless ``sortOrder=asc``; ``nextCursor`` is opaque and left out on the
last page. A message is listed as the per-conversation listing shows it (no subject, no html).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime

from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.registry import Call, handles
from assistant.sandbox.routes.conversation_messages import listed_view
from assistant.sandbox.routes.listings import instant

MIN_LIMIT, MAX_LIMIT, DEFAULT_LIMIT = 10, 500, 100
SORT_FIELDS = {"createdAt": "dateAdded", "updatedAt": "dateUpdated"}
SORT_ORDERS = ("asc", "desc")
# channel -> the words of a messageType that belong to it (TYPE_CUSTOM_EMAIL is an e-mail too)
CHANNELS = {
    "Call": "CALL",
    "SMS": "SMS",
    "Email": "EMAIL",
    "WhatsApp": "WHATSAPP",
    "Instagram": "INSTAGRAM",
    "Facebook": "FACEBOOK",
}


def _choice(call: Call, name: str, allowed: tuple[str, ...], default: str | None) -> str | None:
    value = call.query.get(name)
    if value is None:
        return default
    if value not in allowed:
        raise bad_request(f"{name} must be one of the following values: {', '.join(allowed)}")
    return value


def _limit(call: Call) -> int:
    raw = call.query.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    try:
        value = float(raw)
    except ValueError as exc:
        raise bad_request("limit must be a number conforming to the specified constraints") from exc
    if not MIN_LIMIT <= value <= MAX_LIMIT:
        raise bad_request(f"limit must not be less than {MIN_LIMIT} or greater than {MAX_LIMIT}")
    return int(value)


def _bound(call: Call, name: str) -> datetime | None:
    raw = call.query.get(name)
    if raw is None:
        return None
    moment = instant(raw)
    if moment is None:
        raise bad_request(f"{name} must be a valid ISO 8601 date string")
    return moment


def _in_channel(message: JsonDict, channel: str | None) -> bool:
    words = str(message.get("messageType") or "").split("_")
    if channel is None:
        return CHANNELS["Email"] not in words
    return CHANNELS[channel] in words and "ACTIVITY" not in words


def _cursor(sort_value: str, message_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_value, message_id]).encode()).decode()


def _after(raw: str) -> tuple[str, str]:
    try:
        value = json.loads(base64.urlsafe_b64decode(raw.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise bad_request("cursor is invalid or expired") from exc
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise bad_request("cursor is invalid or expired")
    return value[0], value[1]


@handles("conversations", "export-messages-by-location")
def export_messages(call: Call) -> JsonDict:
    call.require_query("locationId")
    limit = _limit(call)
    sort_field = SORT_FIELDS[_choice(call, "sortBy", tuple(SORT_FIELDS), "createdAt") or "createdAt"]
    descending = _choice(call, "sortOrder", SORT_ORDERS, "desc") == "desc"
    channel = _choice(call, "channel", tuple(CHANNELS), None)
    start, end = _bound(call, "startDate"), _bound(call, "endDate")
    wanted = {k: call.query[k] for k in ("conversationId", "contactId") if call.query.get(k)}

    def sort_key(message: JsonDict) -> tuple[str, str]:
        return str(message.get(sort_field) or message.get("dateAdded") or ""), str(message["id"])

    found = []
    for message in call.store.table("messages").values():
        moment = instant(message.get("dateAdded"))
        if not _in_channel(message, channel) or any(message.get(k) != v for k, v in wanted.items()):
            continue
        if (start and (moment is None or moment < start)) or (end and (moment is None or moment > end)):
            continue
        found.append(message)
    found.sort(key=sort_key, reverse=descending)
    total = len(found)
    if call.query.get("cursor"):
        mark = _after(call.query["cursor"])
        found = [m for m in found if (sort_key(m) < mark if descending else sort_key(m) > mark)]
    page = found[:limit]
    answer: JsonDict = {"messages": [listed_view(m) for m in page], "total": total}
    if len(found) > limit:
        answer["nextCursor"] = _cursor(*sort_key(page[-1]))
    return answer
