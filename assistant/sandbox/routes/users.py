"""Users are read-only here (seeded): search by text, filter by email, get by id."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, forbidden
from assistant.sandbox.registry import Call, clean, handles

SPEC = "users"


def _check_company(call: Call, company_id: str) -> None:
    if company_id != call.store.location.get("companyId"):
        raise forbidden("The token does not have access to this company.")


def _text(user: JsonDict) -> str:
    return " ".join(str(user.get(k) or "") for k in ("name", "firstName", "lastName", "email")).lower()


def _live_users(call: Call) -> list[JsonDict]:
    return [u for u in call.store.table("users").values() if not u.get("deleted")]


@handles(SPEC, "search-users")
def search(call: Call) -> JsonDict:
    _check_company(call, call.require_query("companyId"))
    users = _live_users(call)
    if call.query.get("query"):
        needle = call.query["query"].lower()
        users = [u for u in users if needle in _text(u)]
    skip, limit = call.int_query("skip", 0), call.int_query("limit", 25, maximum=100)
    return {"users": [clean(u) for u in users[skip : skip + limit]], "count": len(users)}


@handles(SPEC, "filter-users-by-email")
def filter_by_email(call: Call) -> JsonDict:
    _check_company(call, call.json["companyId"])
    raw = call.json["emails"]
    wanted = {e.strip().lower() for e in (raw if isinstance(raw, list) else str(raw).split(",")) if e.strip()}
    include_deleted = bool(call.json.get("deleted"))
    users = [
        u
        for u in call.store.table("users").values()
        if (u.get("email") or "").lower() in wanted and (include_deleted or not u.get("deleted"))
    ]
    return {"users": [clean(u) for u in users], "count": len(users)}


@handles(SPEC, "get-user-by-location")
def by_location(call: Call) -> JsonDict:
    call.require_query("locationId")
    return {"users": [clean(u) for u in _live_users(call)]}


@handles(SPEC, "get-user")
def get(call: Call) -> JsonDict:
    return clean(call.store.get("users", call.path["userId"], "User"))
