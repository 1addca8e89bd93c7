"""Request bodies, shaped from the caller's fields and the operation's schema in the spec.

Callers pass HighLevel field names (``firstName``, ``pipelineStageId``...). A builder drops
empty values, adds ``locationId`` where the operation's schema has that property, and fills the
few properties the spec marks required that carry no migration meaning (upsert followers).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from assistant.highlevel.errors import JsonDict
from assistant.highlevel.quiet import quiet
from assistant.hlspec.operations import find_operation


@cache
def schema_properties(method: str, template: str) -> frozenset[str]:
    schema = find_operation(method, template).request_schema or {}
    return frozenset((schema.get("properties") or {}).keys())


def clean(fields: Mapping[str, Any]) -> JsonDict:
    """The fields without ``None`` values (HighLevel rejects ``null`` where a string is typed)."""
    return {key: value for key, value in fields.items() if value is not None}


def build(method: str, template: str, fields: Mapping[str, Any], location_id: str | None) -> JsonDict:
    body = quiet(method, template, clean(fields))
    if location_id and "locationId" in schema_properties(method, template):
        body.setdefault("locationId", location_id)
    return body


def custom_field_values(values: Mapping[str, Any]) -> list[JsonDict]:
    """``{field_id: value}`` → ``[{"id": ..., "field_value": ...}]`` (HighLevel prefers id over key)."""
    return [{"id": field_id, "field_value": value} for field_id, value in values.items() if value is not None]


def with_custom_fields(fields: Mapping[str, Any], custom: Mapping[str, Any] | None) -> JsonDict:
    body = dict(fields)
    if custom:
        body["customFields"] = [*body.get("customFields", []), *custom_field_values(custom)]
    return body


def opportunity_upsert_body(fields: Mapping[str, Any], location_id: str) -> JsonDict:
    # The spec requires follower bookkeeping on every upsert; "add nothing" keeps followers as they are.
    defaults = {"followers": [], "isRemoveAllFollowers": False, "followersActionType": "add"}
    return build("POST", "/opportunities/upsert", {**defaults, **fields}, location_id)


def contact_search_body(
    location_id: str,
    *,
    query: str | None = None,
    filters: list[JsonDict] | None = None,
    page_limit: int = 100,
    search_after: list[Any] | None = None,
) -> JsonDict:
    """Body of POST /contacts/search (the spec leaves it open; this is HighLevel's documented shape)."""
    body: JsonDict = {"locationId": location_id, "pageLimit": min(page_limit, 500)}
    if query:
        body["query"] = query
    if filters:
        body["filters"] = filters
    if search_after:
        body["searchAfter"] = search_after
    return body
