"""``POST /contacts/search``: filters, free-text query, page or searchAfter paging."""

from __future__ import annotations

from typing import Any

from assistant.sandbox.errors import JsonDict, unprocessable

MAX_PAGE_LIMIT = 500
MAX_PAGED_RECORDS = 10_000  # HighLevel's page-based paging stops here; searchAfter goes on


def _field_value(contact: JsonDict, field: str) -> Any:
    if field.startswith("customFields."):
        wanted = field.split(".", 1)[1]
        return next((c["value"] for c in contact.get("customFields", []) if c["id"] == wanted), None)
    aliases = {"email": "emailLowerCase", "firstName": "firstNameLowerCase", "lastName": "lastNameLowerCase"}
    return contact.get(aliases.get(field, field), contact.get(field))


def _matches_one(contact: JsonDict, condition: JsonDict) -> bool:
    if "group" in condition:
        parts = [_matches_one(contact, c) for c in condition.get("filters", [])]
        return any(parts) if str(condition["group"]).upper() == "OR" else all(parts)
    actual = _field_value(contact, str(condition.get("field", "")))
    operator, wanted = condition.get("operator", "eq"), condition.get("value")
    values = [str(v).lower() for v in actual] if isinstance(actual, list) else [str(actual).lower()]
    wanted_list = [str(w).lower() for w in wanted] if isinstance(wanted, list) else [str(wanted).lower()]
    present = actual not in (None, "", [])
    if operator == "exists":
        return present
    if operator == "not_exists":
        return not present
    if operator == "eq":
        return present and any(w in values for w in wanted_list)
    if operator == "not_eq":
        return not present or all(w not in values for w in wanted_list)
    if operator == "contains":
        return present and any(w in v for v in values for w in wanted_list)
    if operator == "not_contains":
        return not any(w in v for v in values for w in wanted_list)
    if operator == "range" and isinstance(wanted, dict):
        text = str(actual or "")
        return present and all(
            (bound not in wanted)
            or (bound == "gt" and text > str(wanted[bound]))
            or (bound == "gte" and text >= str(wanted[bound]))
            or (bound == "lt" and text < str(wanted[bound]))
            or (bound == "lte" and text <= str(wanted[bound]))
            for bound in ("gt", "gte", "lt", "lte")
        )
    raise unprocessable([f"filters: operator {operator!r} is not supported"])


def _matches_query(contact: JsonDict, query: str) -> bool:
    needle = query.strip().lower()
    haystack = [contact.get(k) for k in ("fullNameLowerCase", "emailLowerCase", "phone", "companyName")]
    return any(needle in str(v).lower() for v in haystack if v)


def search_contacts(contacts: list[JsonDict], body: JsonDict) -> JsonDict:
    limit = body.get("pageLimit", 20)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE_LIMIT:
        raise unprocessable([f"pageLimit must be an integer between 1 and {MAX_PAGE_LIMIT}"])
    found = [c for c in contacts if all(_matches_one(c, f) for f in body.get("filters") or [])]
    if body.get("query"):
        found = [c for c in found if _matches_query(c, str(body["query"]))]
    found.sort(key=lambda c: (c.get("dateAdded", ""), c["id"]))
    total = len(found)
    after = body.get("searchAfter")
    if after:
        if not isinstance(after, list) or len(after) != 2:
            raise unprocessable(["searchAfter must be the [dateAdded, id] pair of the last contact seen"])
        found = [c for c in found if (c.get("dateAdded", ""), c["id"]) > (str(after[0]), str(after[1]))]
        page_items = found[:limit]
    else:
        page = body.get("page", 1)
        if not isinstance(page, int) or page < 1:
            raise unprocessable(["page must be a positive integer"])
        if page * limit > MAX_PAGED_RECORDS:
            raise unprocessable(
                [f"page-based paging is limited to {MAX_PAGED_RECORDS} records; use searchAfter"]
            )
        page_items = found[(page - 1) * limit : page * limit]
    views = [{**c, "searchAfter": [c.get("dateAdded", ""), c["id"]]} for c in page_items]
    return {"contacts": views, "total": total}
