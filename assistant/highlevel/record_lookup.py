"""Finding a custom object record by its properties, through every page of the object's search."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from assistant.highlevel.errors import JsonDict
from assistant.highlevel.transport import Transport

PAGE = 100
SEARCH = "/objects/{schemaKey}/records/search"


def same_properties(held: Any, wanted: Mapping[str, Any]) -> bool:
    """The held properties carry every sent value (compared as text: numbers come back as numbers)."""
    if not isinstance(held, dict):
        return False
    return all(str(held.get(key)) == str(value) for key, value in wanted.items() if value is not None)


async def find_object_record(
    transport: Transport,
    location_id: str,
    schema_key: str,
    properties: Mapping[str, Any],
    accept: Callable[[JsonDict], bool],
) -> JsonDict | None:
    """The first record of ``schema_key`` holding ``properties`` that ``accept`` takes, or None."""
    wanted = {key.rsplit(".", 1)[-1]: value for key, value in properties.items() if value is not None}
    if not wanted:
        return None
    # The search needs a query: one sent property narrows it ("name:Rex"); the rest are compared here.
    key = "name" if "name" in wanted else next(iter(wanted))
    query = f"{key}:{wanted[key]}"
    page = 1
    while True:
        body = {"locationId": location_id, "page": page, "pageLimit": PAGE, "query": query, "searchAfter": []}
        answer = await transport.request(
            "POST", SEARCH, path_params={"schemaKey": schema_key}, json_body=body
        )
        records = [r for r in answer.get("records") or [] if isinstance(r, dict)]
        found = next((r for r in records if same_properties(r.get("properties"), wanted) and accept(r)), None)
        if found is not None or len(records) < PAGE:
            return found
        page += 1
