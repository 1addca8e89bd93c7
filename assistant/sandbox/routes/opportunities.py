"""Opportunities: create, upsert, get, update, status, delete, search; pipelines are read-only."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, unprocessable
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.lost_reasons import check_status_change
from assistant.sandbox.routes.opportunity_model import (
    apply_opportunity,
    opportunity_view,
    reject_duplicate,
    with_contact_children,
)

SPEC = "opportunities"


@handles(SPEC, "create-opportunity")
def create(call: Call) -> JsonDict:
    body, store = call.json, call.store
    store.get("contacts", body["contactId"], "Contact")
    store.get("pipelines", body["pipelineId"], "Pipeline")
    reject_duplicate(store, body["contactId"], body["pipelineId"])
    stamp = now_iso()
    record: JsonDict = {
        "id": new_id(),
        "locationId": store.location_id,
        "contactId": body["contactId"],
        "createdAt": stamp,
        "lastStatusChangeAt": stamp,
        "lastStageChangeAt": stamp,
        "customFields": [],
        "source": "api",
    }
    apply_opportunity(store, record, {"pipelineStageId": None, **body})
    store.insert("opportunities", record)
    return {"opportunity": opportunity_view(store, record)}


@handles(SPEC, "Upsert-opportunity")
def upsert(call: Call) -> JsonDict:
    """The spec's upsert body has no contactId, so it can only update an opportunity named by ``id``."""
    body, store = call.json, call.store
    if not body.get("id"):
        raise unprocessable(["id should not be empty"])
    record = store.get("opportunities", body["id"], "Opportunity")
    changes = {
        k: v
        for k, v in body.items()
        if k
        in ("pipelineId", "name", "status", "pipelineStageId", "monetaryValue", "assignedTo", "lostReasonId")
    }
    if changes.get("lostReasonId") is not None:
        check_status_change(store, {"status": changes.get("status", record.get("status")), **changes})
    if "pipelineId" in changes and changes["pipelineId"] != record.get("pipelineId"):
        reject_duplicate(store, str(record.get("contactId")), changes["pipelineId"], skip_id=record["id"])
        changes.setdefault("pipelineStageId", None)
    apply_opportunity(store, record, changes)
    store.touch()
    return {"opportunity": opportunity_view(store, record), "new": False}


@handles(SPEC, "get-opportunity")
def get(call: Call) -> JsonDict:
    return {
        "opportunity": opportunity_view(
            call.store, call.store.get("opportunities", call.path["id"], "Opportunity")
        )
    }


@handles(SPEC, "update-opportunity")
def update(call: Call) -> JsonDict:
    store, body = call.store, dict(call.json)
    record = store.get("opportunities", call.path["id"], "Opportunity")
    if "pipelineId" in body and body["pipelineId"] != record.get("pipelineId"):
        reject_duplicate(store, str(record.get("contactId")), body["pipelineId"], skip_id=record["id"])
        body.setdefault("pipelineStageId", None)
    apply_opportunity(store, record, body)
    store.touch()
    return {"opportunity": opportunity_view(store, record)}


@handles(SPEC, "update-opportunity-status")
def status(call: Call) -> JsonDict:
    record = call.store.get("opportunities", call.path["id"], "Opportunity")
    check_status_change(call.store, call.json)
    apply_opportunity(call.store, record, {"lostReasonId": None, **call.json})
    call.store.touch()
    return {"succeded": True}


@handles(SPEC, "delete-opportunity")
def delete(call: Call) -> JsonDict:
    call.store.remove("opportunities", call.store.get("opportunities", call.path["id"], "Opportunity")["id"])
    return {"succeded": True}


@handles(SPEC, "get-pipelines")
def pipelines(call: Call) -> JsonDict:
    call.require_query("locationId")
    return {"pipelines": [clean(p) for p in call.store.table("pipelines").values()]}


_SEARCH_FILTERS = {
    "pipeline_id": "pipelineId",
    "pipeline_stage_id": "pipelineStageId",
    "contact_id": "contactId",
    "status": "status",
    "assigned_to": "assignedTo",
    "id": "id",
}


@handles(SPEC, "search-opportunity")
def search(call: Call) -> JsonDict:
    call.require_query("location_id")
    found = list(call.store.table("opportunities").values())
    for param, key in _SEARCH_FILTERS.items():
        wanted = call.query.get(param)
        if wanted and not (param == "status" and wanted == "all"):
            found = [o for o in found if o.get(key) == wanted]
    if call.query.get("q"):
        needle = call.query["q"].lower()
        found = [o for o in found if needle in str(o.get("name", "")).lower()]
    limit, page = call.int_query("limit", 20, maximum=100) or 20, max(call.int_query("page", 1), 1)
    items = found[(page - 1) * limit : page * limit]
    meta: JsonDict = {"total": len(found), "currentPage": page}
    if page * limit < len(found):
        meta["nextPage"] = page + 1
    if page > 1:
        meta["prevPage"] = page - 1
    notes, tasks = (call.query.get(flag, "").lower() == "true" for flag in ("getNotes", "getTasks"))
    views = [with_contact_children(call.store, opportunity_view(call.store, o), notes, tasks) for o in items]
    return {"opportunities": views, "meta": meta}


@handles(SPEC, "search-opportunities-advanced")
def search_advanced(call: Call) -> JsonDict:
    """POST search: free-text ``query`` over names, ``limit``/``page`` paging (the spec has no filters)."""
    body = call.json
    needle = str(body.get("query") or "").lower()
    found = [
        o for o in call.store.table("opportunities").values() if needle in str(o.get("name", "")).lower()
    ]
    limit = max(1, min(int(body.get("limit") or 20), 100))
    page = max(1, int(body.get("page") or 1))
    items = found[(page - 1) * limit : page * limit]
    return {"opportunities": [opportunity_view(call.store, o) for o in items], "total": len(found)}
