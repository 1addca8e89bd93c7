"""The location itself: settings, custom fields, tags, users, calendars and appointments."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from assistant.highlevel.api_common import delete as _delete
from assistant.highlevel.api_common import items as _items
from assistant.highlevel.api_common import unwrap as _unwrap
from assistant.highlevel.bodies import build
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, Lookup, create_once
from assistant.highlevel.transport import Transport

_FIELDS = "/locations/{locationId}/customFields"
_TAGS = "/locations/{locationId}/tags"


class LocationApi:
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._location_id = location_id
        self._here = {"locationId": location_id}
        self._record: JsonDict | None = None

    async def get(self) -> JsonDict:
        """The location record, read once per client: a run's token check, duplicate settings and
        business name share one request of the location's budget."""
        if self._record is None:
            answer = await self._t.request("GET", "/locations/{locationId}", path_params=self._here)
            self._record = _unwrap("location")(answer)
        return self._record

    async def custom_fields(self, model: str | None = None) -> list[JsonDict]:
        answer = await self._t.request("GET", _FIELDS, path_params=self._here, params={"model": model})
        return _items(answer, "customFields")

    async def create_custom_field(
        self, fields: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        """Create a contact/opportunity custom field (its ``model`` cannot change afterwards)."""
        body = build("POST", _FIELDS, fields, None)
        finder = lookup or (lambda: self._find_field(str(body.get("name", "")), body.get("model")))
        return await create_once(
            self._t, _FIELDS, body, unwrap=_unwrap("customField"), lookup=finder, path_params=self._here
        )

    async def _find_field(self, name: str, model: Any) -> JsonDict | None:
        for field in await self.custom_fields():
            if field.get("name") == name and (model is None or field.get("model") == model):
                return field
        return None

    async def update_custom_field(self, field_id: str, fields: Mapping[str, Any]) -> JsonDict:
        body = build("PUT", _FIELDS + "/{id}", fields, None)
        answer = await self._t.request(
            "PUT", _FIELDS + "/{id}", path_params={**self._here, "id": field_id}, json_body=body
        )
        return _unwrap("customField")(answer)

    async def delete_custom_field(self, field_id: str) -> bool:
        return await _delete(self._t, _FIELDS + "/{id}", {**self._here, "id": field_id})

    async def tags(self) -> list[JsonDict]:
        return _items(await self._t.request("GET", _TAGS, path_params=self._here), "tags")

    async def create_tag(self, name: str) -> CreateResult:
        async def finder() -> JsonDict | None:
            wanted = name.strip().lower()
            return next(
                (tag for tag in await self.tags() if str(tag.get("name", "")).lower() == wanted), None
            )

        body = build("POST", _TAGS, {"name": name}, None)
        return await create_once(
            self._t, _TAGS, body, unwrap=_unwrap("tag"), lookup=finder, path_params=self._here
        )

    async def delete_tag(self, tag_id: str) -> bool:
        return await _delete(self._t, _TAGS + "/{tagId}", {**self._here, "tagId": tag_id})

    async def search_users(
        self, company_id: str, query: str | None = None, limit: int = 100
    ) -> list[JsonDict]:
        """GET /users/search (companyId is required by the spec; it is on the location record)."""
        params = {
            "companyId": company_id,
            "locationId": self._location_id,
            "query": query,
            "limit": str(limit),
        }
        return _items(await self._t.request("GET", "/users/search", params=params), "users")

    async def users(self) -> list[JsonDict]:
        """GET /users/?locationId= — every user of the location."""
        return _items(
            await self._t.request("GET", "/users/", params={"locationId": self._location_id}), "users"
        )

    async def calendars(self) -> list[JsonDict]:
        answer = await self._t.request("GET", "/calendars/", params={"locationId": self._location_id})
        return _items(answer, "calendars")

    async def create_appointment(
        self, fields: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        """POST /calendars/events/appointments (the API answers the event itself, not wrapped)."""
        template = "/calendars/events/appointments"
        body = build("POST", template, fields, self._location_id)
        finder = lookup or (lambda: self.find_appointment(body))
        return await create_once(self._t, template, body, unwrap=lambda answer: answer, lookup=finder)

    async def find_appointment(self, sent: Mapping[str, Any]) -> JsonDict | None:
        """The contact's appointment in the same calendar starting at the same instant (any offset)."""
        if not sent.get("contactId"):
            return None
        answer = await self._t.request(
            "GET", "/contacts/{contactId}/appointments", path_params={"contactId": str(sent["contactId"])}
        )
        start = _instant(sent.get("startTime"))
        for event in _items(answer, "events"):
            same_calendar = not sent.get("calendarId") or event.get("calendarId") == sent.get("calendarId")
            if same_calendar and start is not None and _instant(event.get("startTime")) == start:
                return event
        return None

    async def delete_appointment(self, event_id: str) -> bool:
        # The spec gives this DELETE a (property-less) JSON body; send an empty object.
        return await _delete(self._t, "/calendars/events/{eventId}", {"eventId": event_id}, json_body={})


def _instant(value: Any) -> datetime | None:
    """An ISO 8601 time as an aware instant (HighLevel may answer another offset than was sent)."""
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
