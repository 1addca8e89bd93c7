"""Opportunities and the (read-only in API v2) pipelines they live in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.highlevel.api_common import delete as _delete
from assistant.highlevel.api_common import find_in_numbered_pages
from assistant.highlevel.api_common import unwrap as _unwrap
from assistant.highlevel.bodies import build, opportunity_upsert_body, with_custom_fields
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, Lookup, create_once
from assistant.highlevel.transport import Transport

STATUSES = ("open", "won", "lost", "abandoned")


class OpportunitiesApi:
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._location_id = location_id

    def create_body(self, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None) -> JsonDict:
        return build("POST", "/opportunities/", with_custom_fields(fields, custom), self._location_id)

    async def create(
        self, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None, lookup: Lookup | None = None
    ) -> CreateResult:
        """Create; a lost answer is resolved by ``lookup`` or by name within the contact and pipeline."""
        body = self.create_body(fields, custom)
        finder = lookup or (lambda: self.find_same(body))
        return await create_once(
            self._t, "/opportunities/", body, unwrap=_unwrap("opportunity"), lookup=finder
        )

    async def find_same(self, sent: Mapping[str, Any]) -> JsonDict | None:
        """The opportunity of ``sent['contactId']`` in ``sent['pipelineId']`` named ``sent['name']``."""
        params = {
            "location_id": self._location_id,
            "contact_id": sent.get("contactId"),
            "pipeline_id": sent.get("pipelineId"),
            "q": sent.get("name"),
        }

        def same(item: JsonDict) -> bool:
            contact = item.get("contactId") or (item.get("contact") or {}).get("id")
            return (
                item.get("name") == sent.get("name")
                and item.get("pipelineId") == sent.get("pipelineId")
                and contact == sent.get("contactId")
            )

        return await find_in_numbered_pages(self._t, "/opportunities/search", "opportunities", params, same)

    async def upsert(self, fields: Mapping[str, Any]) -> JsonDict:
        body = opportunity_upsert_body(fields, self._location_id)
        return await self._t.request("POST", "/opportunities/upsert", json_body=body)

    async def get(self, opportunity_id: str) -> JsonDict:
        answer = await self._t.request("GET", "/opportunities/{id}", path_params={"id": opportunity_id})
        return _unwrap("opportunity")(answer)

    async def update(
        self, opportunity_id: str, fields: Mapping[str, Any], custom: Mapping[str, Any] | None = None
    ) -> JsonDict:
        body = build("PUT", "/opportunities/{id}", with_custom_fields(fields, custom), None)
        answer = await self._t.request(
            "PUT", "/opportunities/{id}", path_params={"id": opportunity_id}, json_body=body
        )
        return _unwrap("opportunity")(answer)

    async def update_status(
        self, opportunity_id: str, status: str, lost_reason_id: str | None = None
    ) -> JsonDict:
        body = build(
            "PUT", "/opportunities/{id}/status", {"status": status, "lostReasonId": lost_reason_id}, None
        )
        return await self._t.request(
            "PUT", "/opportunities/{id}/status", path_params={"id": opportunity_id}, json_body=body
        )

    async def delete(self, opportunity_id: str) -> bool:
        return await _delete(self._t, "/opportunities/{id}", {"id": opportunity_id})

    async def search(self, **filters: str | int | None) -> list[JsonDict]:
        """GET /opportunities/search with the spec's query names (contact_id, pipeline_id, q, ...)."""
        params: dict[str, str | int | None] = {"location_id": self._location_id, **filters}
        answer = await self._t.request("GET", "/opportunities/search", params=params)
        return [item for item in answer.get("opportunities") or [] if isinstance(item, dict)]

    async def lost_reasons(self) -> list[JsonDict]:
        """The location's lost reasons (set up in HighLevel), every page of ``/opportunities/lost-reason``."""
        found: list[JsonDict] = []
        while True:
            params: dict[str, str | int] = {"locationId": self._location_id, "skip": len(found), "limit": 100}
            answer = await self._t.request("GET", "/opportunities/lost-reason", params=params)
            page = [item for item in answer.get("lostReasons") or [] if isinstance(item, dict)]
            found.extend(page)
            if len(page) < 100:
                return found

    async def pipelines(self) -> list[JsonDict]:
        answer = await self._t.request(
            "GET", "/opportunities/pipelines", params={"locationId": self._location_id}
        )
        return [item for item in answer.get("pipelines") or [] if isinstance(item, dict)]
