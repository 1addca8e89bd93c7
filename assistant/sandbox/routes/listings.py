"""Location-wide reads a read-back pages through: task search, custom object record search, events.

Each answers in the shape HighLevel's service sends: tasks as objects carrying their contact,
records with ``properties`` as an object and a ``total``, calendar events of one calendar (or user)
between two epoch-millisecond bounds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assistant.sandbox.errors import JsonDict, bad_request, unprocessable
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.objects import schema_by_key

MAX_TASK_LIMIT = 100  # HighLevel answers at most this many tasks per search page
MAX_RECORD_PAGE = 100
_EVENT_KEYS = (
    *("id", "address", "title", "calendarId", "locationId", "contactId", "groupId", "appointmentStatus"),
    *("assignedUserId", "users", "notes", "description", "isRecurring", "rrule", "startTime", "endTime"),
    *("dateAdded", "dateUpdated"),
)


def _number(body: JsonDict, name: str, default: int, maximum: int) -> int:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise unprocessable([f"{name} must be a non-negative number"])
    return min(int(value), maximum)


@handles("locations", "task-search")
def search_tasks(call: Call) -> JsonDict:
    body, store = call.json, call.store
    found = list(store.table("tasks").values())
    if body.get("contactId"):
        wanted = set(body["contactId"])
        found = [t for t in found if t.get("contactId") in wanted]
    if "completed" in body:
        found = [t for t in found if bool(t.get("completed")) == bool(body["completed"])]
    if body.get("assignedTo"):
        users = set(body["assignedTo"])
        found = [t for t in found if t.get("assignedTo") in users]
    if body.get("query"):
        needle = str(body["query"]).lower()
        found = [t for t in found if needle in str(t.get("title", "")).lower()]
    skip, limit = _number(body, "skip", 0, 10**9), _number(body, "limit", 25, MAX_TASK_LIMIT)
    return {"tasks": [clean(t) for t in found[skip : skip + limit]]}


@handles("objects", "search-object-records")
def search_records(call: Call) -> JsonDict:
    body, store = call.json, call.store
    schema = schema_by_key(store, call.path["schemaKey"])
    found = [r for r in store.table("records").values() if r.get("schemaKey") == schema["key"]]
    needle = str(body.get("query") or "").split(":", 1)[-1].strip().lower()
    if needle:
        found = [r for r in found if any(needle in str(v).lower() for v in r["properties"].values())]
    found.sort(key=lambda r: (r.get("dateAdded", ""), r["id"]))
    limit = _number(body, "pageLimit", 10, MAX_RECORD_PAGE) or 1
    after = body.get("searchAfter") or []
    if after:
        if len(after) != 2:
            raise unprocessable(["searchAfter must be the [dateAdded, id] pair of the last record seen"])
        found = [r for r in found if (r.get("dateAdded", ""), r["id"]) > (str(after[0]), str(after[1]))]
        page = found[:limit]
    else:
        start = (max(1, _number(body, "page", 1, 10**9)) - 1) * limit
        page = found[start : start + limit]
    views = [
        {**{k: r[k] for k in ("id", "owner", "followers", "properties", "dateAdded", "dateUpdated")},
         "searchAfter": [r.get("dateAdded", ""), r["id"]]}
        for r in page
    ]  # fmt: skip
    total = len([r for r in store.table("records").values() if r.get("schemaKey") == schema["key"]])
    return {"records": views, "total": total}


def _millis(call: Call, name: str) -> datetime:
    raw = call.require_query(name)
    try:
        return datetime.fromtimestamp(int(raw) / 1000, UTC)
    except (ValueError, OverflowError) as exc:
        raise bad_request(f"{name} must be a time in milliseconds") from exc


def instant(value: Any) -> datetime | None:
    """An ISO time as HighLevel writes it ('Z' or an offset), read as UTC when it has none."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@handles("calendars", "get-calendar-events")
def calendar_events(call: Call) -> JsonDict:
    call.require_query("locationId")
    start, end = _millis(call, "startTime"), _millis(call, "endTime")
    calendar, user = call.query.get("calendarId"), call.query.get("userId")
    if not (calendar or user or call.query.get("groupId")):
        raise bad_request("Either of calendarId, userId or groupId is required")
    events = []
    for event in call.store.table("appointments").values():
        moment = instant(event.get("startTime"))
        if moment is None or not start <= moment <= end:
            continue
        if (calendar and event.get("calendarId") != calendar) or (
            user and event.get("assignedUserId") != user
        ):
            continue
        events.append(clean({k: event.get(k) for k in _EVENT_KEYS}))
    return {"events": events}
