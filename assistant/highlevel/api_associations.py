"""Association definitions and the relations that link two records through one (mixed into RecordsApi)."""

from __future__ import annotations

from assistant.highlevel.api_common import delete as _delete
from assistant.highlevel.api_common import find_in_pages
from assistant.highlevel.bodies import build
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, Lookup, create_once
from assistant.highlevel.transport import Transport


class AssociationsApi:
    _t: Transport
    _location_id: str

    async def create_association(
        self, key: str, first: tuple[str, str], second: tuple[str, str], lookup: Lookup | None = None
    ) -> CreateResult:
        """Define an association; ``first``/``second`` are (object key, label), e.g. ("contact", "Owner")."""
        fields = {
            "key": key,
            "firstObjectKey": first[0],
            "firstObjectLabel": first[1],
            "secondObjectKey": second[0],
            "secondObjectLabel": second[1],
        }
        body = build("POST", "/associations/", fields, self._location_id)

        async def finder() -> JsonDict | None:
            params = {"locationId": self._location_id}
            return await find_in_pages(
                self._t, "/associations/", "associations", params, lambda a: a.get("key") == key
            )

        return await create_once(
            self._t, "/associations/", body, unwrap=lambda answer: answer, lookup=lookup or finder
        )

    async def create_relation(self, association_id: str, first_id: str, second_id: str) -> JsonDict:
        """Relate two records; the relation as HighLevel holds it (found again after a lost answer)."""
        return (await self.relate(association_id, first_id, second_id)).record

    async def relate(self, association_id: str, first_id: str, second_id: str) -> CreateResult:
        """Relate two records once: "Relation already exists" (``meta.existingId``) answers its id."""
        fields = {"associationId": association_id, "firstRecordId": first_id, "secondRecordId": second_id}
        body = build("POST", "/associations/relations", fields, self._location_id)

        def same(relation: JsonDict) -> bool:
            return all(relation.get(k) == v for k, v in fields.items())

        async def finder() -> JsonDict | None:
            params = {"locationId": self._location_id, "associationIds": association_id}
            path = {"recordId": first_id}
            return await find_in_pages(
                self._t, "/associations/relations/{recordId}", "relations", params, same, path_params=path
            )

        return await create_once(
            self._t, "/associations/relations", body, unwrap=lambda answer: answer, lookup=finder
        )

    async def delete_association(self, association_id: str) -> bool:
        """Delete an association definition (HighLevel drops its relations with it)."""
        return await _delete(self._t, "/associations/{associationId}", {"associationId": association_id})

    async def delete_relation(self, relation_id: str) -> bool:
        params = {"locationId": self._location_id}
        return await _delete(
            self._t, "/associations/relations/{relationId}", {"relationId": relation_id}, params=params
        )

    async def associations(self, limit: int = 100) -> JsonDict:
        params: dict[str, str | int] = {"locationId": self._location_id, "skip": 0, "limit": limit}
        return await self._t.request("GET", "/associations/", params=params)
