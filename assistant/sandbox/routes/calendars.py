"""Calendars are seeded and read-only; appointments are created, read, edited and deleted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.sandbox.errors import JsonDict, bad_request, unprocessable
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.store import Store

SPEC = "calendars"
_KEYS = (
    "title",
    "meetingLocationType",
    "meetingLocationId",
    "appointmentStatus",
    "assignedUserId",
    "description",
    "address",
    "rrule",
    "calendarId",
    "startTime",
    "endTime",
)
_ANSWER_KEYS = (
    "id",
    "calendarId",
    "locationId",
    "contactId",
    "startTime",
    "endTime",
    "title",
    "meetingLocationType",
    "appointmentStatus",
    "assignedUserId",
    "address",
    "isRecurring",
    "rrule",
)


def _parse_time(name: str, value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise unprocessable([f"{name} must be a valid ISO 8601 date string"]) from exc


def _apply(store: Store, event: JsonDict, body: JsonDict) -> JsonDict:
    """Apply ``body`` to ``event`` only once everything in it checks out."""
    if body.get("calendarId"):
        store.get("calendars", body["calendarId"], "Calendar")
    if body.get("assignedUserId"):
        store.get("users", body["assignedUserId"], "User")
    candidate = {**event, **{k: body[k] for k in _KEYS if k in body}}
    start = _parse_time("startTime", str(candidate["startTime"]))
    calendar = store.table("calendars").get(str(candidate["calendarId"]), {})
    end = _parse_time("endTime", str(candidate["endTime"])) if candidate.get("endTime") else None
    if end is None:
        end = start + timedelta(minutes=int(calendar.get("slotDuration") or 30))
        candidate["endTime"] = end.isoformat()
    if end.tzinfo is None or start.tzinfo is None:
        end, start = end.replace(tzinfo=None), start.replace(tzinfo=None)
    if end < start:
        raise unprocessable(["endTime must be after startTime"])
    _check_window(body, start)
    candidate["isRecurring"] = bool(candidate.get("rrule"))
    candidate["dateUpdated"] = now_iso()
    event.update(candidate)
    return event


def _check_window(body: JsonDict, start: datetime) -> None:
    """HighLevel refuses a slot outside the calendar's booking window (a past one above all) unless
    the request overrides the date range or the free-slot validation."""
    if body.get("ignoreDateRange") is True or body.get("ignoreFreeSlotValidation") is True:
        return
    now = datetime.now(UTC) if start.tzinfo else datetime.now()
    if "startTime" in body and start < now:
        raise bad_request("The slot you have selected is no longer available.")


def _notify(store: Store, event: JsonDict, body: JsonDict, what: str) -> None:
    """Unless ``toNotify`` is false, HighLevel messages the contact and runs the calendar's automations:
    the stand-in keeps each such message so tests can tell that a migration stayed silent."""
    if body.get("toNotify") is not False:
        store.insert(
            "notifications",
            {
                "kind": what,
                "appointmentId": event["id"],
                "contactId": event.get("contactId"),
                "at": now_iso(),
            },
        )


def _answer(event: JsonDict) -> JsonDict:
    return {k: event[k] for k in _ANSWER_KEYS if event.get(k) is not None}


@handles(SPEC, "get-calendars")
def list_calendars(call: Call) -> JsonDict:
    call.require_query("locationId")
    return {"calendars": [clean(c) for c in call.store.table("calendars").values()]}


@handles(SPEC, "get-calendar")
def get_calendar(call: Call) -> JsonDict:
    return {"calendar": clean(call.store.get("calendars", call.path["calendarId"], "Calendar"))}


@handles(SPEC, "create-appointment")
def create_appointment(call: Call) -> JsonDict:
    store, body = call.store, call.json
    store.get("contacts", body["contactId"], "Contact")
    event: JsonDict = {
        "locationId": store.location_id,
        "contactId": body["contactId"],
        "appointmentStatus": "new",
        "dateAdded": now_iso(),
        "groupId": "",
        "users": [],
    }
    _apply(store, event, body)
    store.insert("appointments", event)
    _notify(store, event, body, "appointment booked")
    return _answer(event)


@handles(SPEC, "get-appointment")
def get_appointment(call: Call) -> JsonDict:
    event = call.store.get("appointments", call.path["eventId"], "Appointment")
    full = {"title": "", "assignedUserId": "", **event}
    return {"event": clean(full)}


@handles(SPEC, "edit-appointment")
def edit_appointment(call: Call) -> JsonDict:
    event = call.store.get("appointments", call.path["eventId"], "Appointment")
    _apply(call.store, event, call.json)
    call.store.touch()
    _notify(call.store, event, call.json, "appointment changed")
    return _answer(event)


@handles(SPEC, "delete-event")
def delete_event(call: Call) -> JsonDict:
    call.store.remove(
        "appointments", call.store.get("appointments", call.path["eventId"], "Appointment")["id"]
    )
    return {"succeeded": True}


@handles("contacts", "get-appointments-for-contact")
def contact_appointments(call: Call) -> JsonDict:
    contact = call.store.get("contacts", call.path["contactId"], "Contact")
    return {"events": [clean(e) for e in call.store.where("appointments", contactId=contact["id"])]}
