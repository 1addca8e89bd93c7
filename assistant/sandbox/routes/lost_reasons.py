"""Lost reasons: listed by ``GET /opportunities/lost-reason``; set on an opportunity only through its
status endpoint, and only together with status ``lost``, as HighLevel does."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.store import Store

SPEC = "opportunities"


@handles(SPEC, "get-lost-reason")
def listing(call: Call) -> JsonDict:
    call.require_query("locationId")
    found = list(call.store.table("lostReasons").values())
    if call.query.get("name"):
        found = [r for r in found if str(r.get("name", "")).lower() == call.query["name"].lower()]
    if call.query.get("query"):
        needle = call.query["query"].lower()
        found = [r for r in found if needle in str(r.get("name", "")).lower()]
    skip, limit = call.int_query("skip", 0), call.int_query("limit", 100, maximum=100) or 100
    return {"lostReasons": [clean(r) for r in found[skip : skip + limit]], "total": len(found)}


def check_status_change(store: Store, body: JsonDict) -> None:
    """Refuse a status HighLevel would refuse: ``all`` (a search filter), or a lost reason that is not
    the location's or comes with any status but ``lost``."""
    status, reason = body.get("status"), body.get("lostReasonId")
    if status == "all":
        raise bad_request("status all is a search filter, not an opportunity status")
    if reason is None:
        return
    if status != "lost":
        raise bad_request("lostReasonId can only be set with status lost")
    if str(reason) not in store.table("lostReasons"):
        raise bad_request(f"Lost reason {reason} not found in this location")
