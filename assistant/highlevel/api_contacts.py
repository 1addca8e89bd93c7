"""Contacts, their tasks, notes and tags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.highlevel.api_common import delete as _delete
from assistant.highlevel.api_common import unwrap as _unwrap
from assistant.highlevel.bodies import build, contact_search_body, with_custom_fields
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, Lookup, create_once, record_id
from assistant.highlevel.transport import Transport


def _same_person(found: Mapping[str, Any], sent: Mapping[str, Any]) -> bool:
    """Guard a lookup hit: the found contact must not contradict the names and email we sent."""
    for key in ("firstName", "lastName", "email"):
        mine, theirs = sent.get(key), found.get(key)
        if mine and theirs and str(mine).strip().lower() != str(theirs).strip().lower():
            return False
    return True


class ContactsApi:
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._location_id = location_id

    def create_body(self, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None) -> JsonDict:
        return build("POST", "/contacts/", with_custom_fields(fields, custom), self._location_id)

    async def create(
        self, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None, lookup: Lookup | None = None
    ) -> CreateResult:
        """Create a contact; a lost answer is resolved by ``lookup`` or by email/phone before resending."""
        body = self.create_body(fields, custom)
        has_key = bool(body.get("email") or body.get("phone"))
        finder = lookup or ((lambda: self.find_duplicate(body)) if has_key else None)
        return await create_once(self._t, "/contacts/", body, unwrap=_unwrap("contact"), lookup=finder)

    async def find_duplicate(self, sent: Mapping[str, Any]) -> JsonDict | None:
        """The contact HighLevel would call a duplicate of ``sent`` (by email, then by phone)."""
        for param, key in (("email", "email"), ("number", "phone")):
            if not sent.get(key):
                continue
            answer = await self._t.request(
                "GET",
                "/contacts/search/duplicate",
                params={"locationId": self._location_id, param: str(sent[key])},
            )
            found = answer.get("contact")
            if isinstance(found, dict) and record_id(found) and _same_person(found, sent):
                return found
        return None

    async def upsert(self, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None) -> JsonDict:
        """Create or update by the location's duplicate rule; note ``tags`` here replace all tags."""
        body = build("POST", "/contacts/upsert", with_custom_fields(fields, custom), self._location_id)
        return await self._t.request("POST", "/contacts/upsert", json_body=body)

    async def get(self, contact_id: str) -> JsonDict:
        answer = await self._t.request("GET", "/contacts/{contactId}", path_params={"contactId": contact_id})
        return _unwrap("contact")(answer)

    async def update(
        self, contact_id: str, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None
    ) -> JsonDict:
        body = build("PUT", "/contacts/{contactId}", with_custom_fields(fields, custom), None)
        answer = await self._t.request(
            "PUT", "/contacts/{contactId}", path_params={"contactId": contact_id}, json_body=body
        )
        return _unwrap("contact")(answer)

    async def delete(self, contact_id: str) -> bool:
        """Delete (HighLevel also drops its notes and tasks). False when it was already gone."""
        return await _delete(self._t, "/contacts/{contactId}", {"contactId": contact_id})

    async def search(
        self,
        *,
        query: str | None = None,
        filters: list[JsonDict] | None = None,
        page_limit: int = 100,
        search_after: list[Any] | None = None,
    ) -> JsonDict:
        """POST /contacts/search (results lag writes by seconds: confirm fresh writes with ``get``)."""
        body = contact_search_body(
            self._location_id, query=query, filters=filters, page_limit=page_limit, search_after=search_after
        )
        return await self._t.request("POST", "/contacts/search", json_body=body)

    async def add_tags(self, contact_id: str, tags: list[str]) -> JsonDict:
        """Add tags (keeps the contact's other tags, unlike upsert/update with ``tags``)."""
        path = {"contactId": contact_id}
        return await self._t.request(
            "POST", "/contacts/{contactId}/tags", path_params=path, json_body={"tags": tags}
        )

    async def remove_tags(self, contact_id: str, tags: list[str]) -> JsonDict:
        path = {"contactId": contact_id}
        return await self._t.request(
            "DELETE", "/contacts/{contactId}/tags", path_params=path, json_body={"tags": tags}
        )

    async def create_task(
        self, contact_id: str, fields: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        body = build("POST", "/contacts/{contactId}/tasks", {"completed": False, **fields}, None)
        finder = lookup or (lambda: self._find_child(contact_id, "tasks", body, ("title", "dueDate")))
        path = {"contactId": contact_id}
        template = "/contacts/{contactId}/tasks"
        return await create_once(
            self._t, template, body, unwrap=_unwrap("task"), lookup=finder, path_params=path
        )

    async def delete_task(self, contact_id: str, task_id: str) -> bool:
        path = {"contactId": contact_id, "taskId": task_id}
        return await _delete(self._t, "/contacts/{contactId}/tasks/{taskId}", path)

    async def create_note(
        self, contact_id: str, fields: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        body = build("POST", "/contacts/{contactId}/notes", fields, None)
        finder = lookup or (lambda: self._find_child(contact_id, "notes", body, ("body",)))
        path = {"contactId": contact_id}
        template = "/contacts/{contactId}/notes"
        return await create_once(
            self._t, template, body, unwrap=_unwrap("note"), lookup=finder, path_params=path
        )

    async def update_note(self, contact_id: str, note_id: str, body: str) -> None:
        await self._t.request(
            "PUT", "/contacts/{contactId}/notes/{id}", path_params={"contactId": contact_id, "id": note_id},
            json_body={"body": body},
        )  # fmt: skip

    async def delete_note(self, contact_id: str, note_id: str) -> bool:
        return await _delete(
            self._t, "/contacts/{contactId}/notes/{id}", {"contactId": contact_id, "id": note_id}
        )

    async def _find_child(
        self, contact_id: str, kind: str, sent: Mapping[str, Any], keys: tuple[str, ...]
    ) -> JsonDict | None:
        """A task or note of the contact equal to ``sent`` on ``keys`` (the contact's own list is exact)."""
        template = f"/contacts/{{contactId}}/{kind}"
        answer = await self._t.request("GET", template, path_params={"contactId": contact_id})
        items = answer.get(kind)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and all(item.get(k) == sent.get(k) for k in keys):
                return item
        return None
