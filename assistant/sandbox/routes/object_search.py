"""POST /objects/{schemaKey}/records/search: a custom object's records, page by page.

``query`` is empty (every record) or ``property:value`` (records whose property holds the value,
case-insensitively), as HighLevel searches an object's searchable properties.
"""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, unprocessable
from assistant.sandbox.registry import Call, handles
from assistant.sandbox.routes.objects import schema_by_key

SPEC = "objects"
MAX_PAGE = 100


def _matches(record: JsonDict, query: str) -> bool:
    if not query.strip():
        return True
    name, _, wanted = query.partition(":")
    short = name.strip().rsplit(".", 1)[-1]
    value = (record.get("properties") or {}).get(short)
    return value is not None and str(value).strip().lower() == wanted.strip().lower()


@handles(SPEC, "search-object-records")
def search_records(call: Call) -> JsonDict:
    body = call.json
    schema = schema_by_key(call.store, call.path["schemaKey"])
    try:
        page, limit = int(body.get("page") or 1), int(body.get("pageLimit") or 10)
    except (TypeError, ValueError) as exc:
        raise unprocessable(["page and pageLimit must be numbers"]) from exc
    if page < 1 or not 1 <= limit <= MAX_PAGE:
        raise unprocessable([f"page must be at least 1 and pageLimit between 1 and {MAX_PAGE}"])
    found = sorted(
        (
            r
            for r in call.store.where("records", schemaKey=schema["key"])
            if _matches(r, str(body.get("query") or ""))
        ),
        key=lambda r: (r.get("dateAdded", ""), r["id"]),
    )
    views = [
        {k: r[k] for k in ("id", "owner", "followers", "properties", "dateAdded", "dateUpdated")}
        for r in found[(page - 1) * limit : page * limit]
    ]
    return {"records": views, "total": len(found)}
