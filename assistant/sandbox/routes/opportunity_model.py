"""Opportunity records: pipeline/stage/contact checks, the duplicate rule, the response shape."""

from __future__ import annotations

from assistant.sandbox.errors import ApiError, JsonDict, NotFoundError, bad_request
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import clean
from assistant.sandbox.rules import merge_custom_values, resolve_custom_values
from assistant.sandbox.store import Store

_PLAIN = ("name", "monetaryValue", "assignedTo", "source", "lostReasonId")


def check_stage(store: Store, pipeline_id: str, stage_id: str | None) -> str:
    """The stage to use: the one given (it must belong to the pipeline) or the pipeline's first."""
    pipeline = store.get("pipelines", pipeline_id, "Pipeline")
    stages = pipeline.get("stages") or []
    if stage_id is None:
        if not stages:
            raise bad_request(f"Pipeline {pipeline_id} has no stages")
        return str(stages[0]["id"])
    if not any(s["id"] == stage_id for s in stages):
        raise bad_request(f"Stage {stage_id} does not belong to pipeline {pipeline_id}")
    return stage_id


def reject_duplicate(store: Store, contact_id: str, pipeline_id: str, skip_id: str = "") -> None:
    if store.location.get("settings", {}).get("allowDuplicateOpportunity"):
        return
    for existing in store.table("opportunities").values():
        same = existing.get("contactId") == contact_id and existing.get("pipelineId") == pipeline_id
        if same and existing["id"] != skip_id:
            raise ApiError(
                400,
                {
                    "statusCode": 400,
                    "message": "Can not create duplicate opportunity for the contact.",
                    "code": "OPPORTUNITY_NO_DUPLICATE",
                    "meta": {"existingId": existing["id"]},
                },
            )


def check_user(store: Store, user_id: object) -> None:
    if user_id and user_id not in store.table("users"):
        raise NotFoundError("User")


def apply_opportunity(store: Store, record: JsonDict, body: JsonDict) -> JsonDict:
    """Apply a create/update body: custom values first so a 422 leaves the record untouched."""
    if body.get("customFields"):
        values = resolve_custom_values(store, "customFields", "opportunity", body["customFields"])
        record["customFields"] = merge_custom_values(record.get("customFields", []), values)
    check_user(store, body.get("assignedTo"))
    stamp = now_iso()
    pipeline_id = body.get("pipelineId", record.get("pipelineId"))
    if "pipelineId" in body or "pipelineStageId" in body:
        stage_id = check_stage(
            store, str(pipeline_id), body.get("pipelineStageId", record.get("pipelineStageId"))
        )
        if stage_id != record.get("pipelineStageId"):
            record["lastStageChangeAt"] = stamp
        record["pipelineId"], record["pipelineStageId"] = pipeline_id, stage_id
    if "status" in body and body["status"] != record.get("status"):
        record["status"], record["lastStatusChangeAt"] = body["status"], stamp
    record.update({k: body[k] for k in _PLAIN if k in body})
    record["updatedAt"] = stamp
    return record


def opportunity_view(store: Store, record: JsonDict) -> JsonDict:
    view = clean(record)
    view["customFields"] = [{"id": c["id"], "fieldValue": c["value"]} for c in record.get("customFields", [])]
    contact = store.table("contacts").get(str(record.get("contactId")))
    if contact:
        summary = {
            "id": contact["id"],
            "name": contact.get("contactName"),
            "companyName": contact.get("companyName"),
            "email": contact.get("email"),
            "phone": contact.get("phone"),
            "tags": contact.get("tags", []),
        }
        view["contact"] = {k: v for k, v in summary.items() if v is not None}
    return view


def with_contact_children(store: Store, view: JsonDict, notes: bool, tasks: bool) -> JsonDict:
    """The search answer's ``getNotes`` / ``getTasks``: the notes and tasks of the opportunity's contact."""
    contact_id = view.get("contactId")
    if notes:
        view["notes"] = [clean(n) for n in store.where("notes", contactId=contact_id)]
    if tasks:
        view["tasks"] = [clean(t) for t in store.where("tasks", contactId=contact_id)]
    return view
