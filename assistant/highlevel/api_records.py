"""Businesses, custom objects and their fields, and associations between records."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from assistant.highlevel.api_associations import AssociationsApi
from assistant.highlevel.api_common import delete as _delete
from assistant.highlevel.api_common import find_in_pages
from assistant.highlevel.api_common import unwrap as _unwrap
from assistant.highlevel.bodies import build
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, Lookup, create_once
from assistant.highlevel.record_lookup import find_object_record
from assistant.highlevel.transport import Transport


def _business(answer: JsonDict) -> JsonDict:
    # The spec spells the create/update answer's key "buiseness"; accept either spelling.
    for key in ("buiseness", "business"):
        value = answer.get(key)
        if isinstance(value, dict):
            return value
    return answer


def _any(_record: JsonDict) -> bool:
    return True


class RecordsApi(AssociationsApi):
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._location_id = location_id

    # businesses (companies)
    async def create_business(self, fields: Mapping[str, Any], lookup: Lookup | None = None) -> CreateResult:
        body = build("POST", "/businesses/", fields, self._location_id)
        finder = lookup or (lambda: self._find_business(str(body.get("name", ""))))
        return await create_once(self._t, "/businesses/", body, unwrap=_business, lookup=finder)

    async def _find_business(self, name: str) -> JsonDict | None:
        params = {"locationId": self._location_id}
        return await find_in_pages(
            self._t, "/businesses/", "businesses", params, lambda b: b.get("name") == name
        )

    async def update_business(self, business_id: str, fields: Mapping[str, Any]) -> JsonDict:
        body = build("PUT", "/businesses/{businessId}", fields, None)
        path = {"businessId": business_id}
        return _business(
            await self._t.request("PUT", "/businesses/{businessId}", path_params=path, json_body=body)
        )

    async def delete_business(self, business_id: str) -> bool:
        return await _delete(self._t, "/businesses/{businessId}", {"businessId": business_id})

    # custom-fields v2 (business and custom object fields)
    async def object_fields(self, object_key: str) -> JsonDict:
        path = {"objectKey": object_key}
        params = {"locationId": self._location_id}
        return await self._t.request(
            "GET", "/custom-fields/object-key/{objectKey}", path_params=path, params=params
        )

    async def create_object_field(
        self, fields: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        body = build("POST", "/custom-fields/", {"showInForms": True, **fields}, self._location_id)

        async def finder() -> JsonDict | None:
            listed = await self.object_fields(str(body.get("objectKey", "")))
            return next(
                (f for f in listed.get("fields") or [] if f.get("fieldKey") == body.get("fieldKey")), None
            )

        return await create_once(
            self._t, "/custom-fields/", body, unwrap=_unwrap("field"), lookup=lookup or finder
        )

    async def create_field_folder(self, object_key: str, name: str) -> CreateResult:
        """A folder for custom-fields API fields (every such field needs one as its ``parentId``)."""
        body = build(
            "POST", "/custom-fields/folder", {"objectKey": object_key, "name": name}, self._location_id
        )

        async def finder() -> JsonDict | None:
            listed = await self.object_fields(object_key)
            return next((f for f in listed.get("folders") or [] if f.get("name") == name), None)

        return await create_once(
            self._t, "/custom-fields/folder", body, unwrap=lambda answer: answer, lookup=finder
        )

    async def delete_field_folder(self, folder_id: str) -> bool:
        """HighLevel deletes a folder only once it is empty: its fields go first."""
        params = {"locationId": self._location_id}
        return await _delete(self._t, "/custom-fields/folder/{id}", {"id": folder_id}, params)

    async def update_object_field(self, field_id: str, fields: Mapping[str, Any]) -> JsonDict:
        body = build("PUT", "/custom-fields/{id}", {"showInForms": True, **fields}, self._location_id)
        return await self._t.request(
            "PUT", "/custom-fields/{id}", path_params={"id": field_id}, json_body=body
        )

    async def delete_object_field(self, field_id: str) -> bool:
        return await _delete(self._t, "/custom-fields/{id}", {"id": field_id})

    # custom objects
    async def object_schemas(self) -> list[JsonDict]:
        answer = await self._t.request("GET", "/objects/", params={"locationId": self._location_id})
        return [item for item in answer.get("objects") or [] if isinstance(item, dict)]

    async def object_schema(self, key: str) -> JsonDict:
        params = {"locationId": self._location_id, "fetchProperties": "true"}
        return await self._t.request("GET", "/objects/{key}", path_params={"key": key}, params=params)

    async def create_record(
        self, schema_key: str, properties: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        """Create a custom object record; without a ``lookup`` a lost answer is reported, not resent."""
        body: JsonDict = {"locationId": self._location_id, "properties": dict(properties)}
        template = "/objects/{schemaKey}/records"
        path = {"schemaKey": schema_key}
        finder = lookup or (lambda: self.find_record(schema_key, properties))
        return await create_once(
            self._t, template, body, unwrap=_unwrap("record"), lookup=finder, path_params=path
        )

    async def find_record(
        self, schema_key: str, properties: Mapping[str, Any], accept: Callable[[JsonDict], bool] = _any
    ) -> JsonDict | None:
        """A record of the object whose properties equal ``properties`` (every page of the search)."""
        return await find_object_record(self._t, self._location_id, schema_key, properties, accept)

    async def update_record(self, schema_key: str, record_id: str, properties: Mapping[str, Any]) -> JsonDict:
        path = {"schemaKey": schema_key, "id": record_id}
        body = {"properties": dict(properties)}
        params = {"locationId": self._location_id}
        answer = await self._t.request(
            "PUT", "/objects/{schemaKey}/records/{id}", path_params=path, params=params, json_body=body
        )
        return _unwrap("record")(answer)

    async def delete_record(self, schema_key: str, record_id: str) -> bool:
        return await _delete(
            self._t, "/objects/{schemaKey}/records/{id}", {"schemaKey": schema_key, "id": record_id}
        )
