"""Native estimates: create, list, update (its status among them, without sending), delete, and
sends, which the stand-in records and never delivers."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, handles
from assistant.sandbox.routes.invoice_model import (
    check_alt,
    check_contact,
    check_dates,
    document_total,
    page,
    record_customer_message,
    stamp,
    view,
)

SPEC = "invoices"


def _estimate(call: Call) -> JsonDict:
    record = call.store.table("estimates").get(call.path["estimateId"])
    if record is None:
        raise bad_request("Unable to find an estimate with the given estimate id")
    return record


def _fill(call: Call, record: JsonDict, body: JsonDict) -> None:
    check_contact(call, body)
    check_dates(body, "issueDate", "expiryDate")
    for n, item in enumerate(body["items"]):
        if item.get("currency") != body["currency"]:
            raise bad_request(f"items.{n}.currency must be the estimate currency {body['currency']}")
    record.update({k: v for k, v in body.items() if k != "estimateStatus"})
    record["items"] = [{"_id": new_id(), **item} for item in body["items"]]
    record["total"] = document_total(body)


@handles(SPEC, "create-new-estimate")
def create_estimate(call: Call) -> JsonDict:
    check_alt(call)
    body, estimates = call.json, call.store.table("estimates")
    number = body.get("estimateNumber")
    if number is None:
        number = len(estimates) + 1
    elif any(e["estimateNumber"] == number for e in estimates.values()):
        raise bad_request(f"Estimate number {number} already exists")
    stamp_ = now_iso()
    record: JsonDict = {"estimateStatus": "draft", "deleted": False, "createdAt": stamp_, "updatedAt": stamp_}
    _fill(call, record, body)
    record["estimateNumber"] = number
    return view(call.store.insert("estimates", record))


@handles(SPEC, "update-estimate")
def update_estimate(call: Call) -> JsonDict:
    check_alt(call)
    record, body = _estimate(call), call.json
    if record["estimateStatus"] == "invoiced":
        raise bad_request("An invoiced estimate can not be updated")
    _fill(call, record, body)
    if body.get("estimateStatus") not in (None, "all"):
        record["estimateStatus"] = body["estimateStatus"]
    stamp(record)
    call.store.touch()
    return view(record)


@handles(SPEC, "list-estimates")
def list_estimates(call: Call) -> JsonDict:
    check_alt(call)
    status, contact = call.query.get("status"), call.query.get("contactId")
    search = (call.query.get("search") or "").lower()
    found = [
        e
        for e in call.store.table("estimates").values()
        if (not status or status == "all" or e["estimateStatus"] == status)
        and (not contact or (e.get("contactDetails") or {}).get("id") == contact)
        and (not search or search in f"{e['estimateNumber']} {e.get('name', '')}".lower())
    ]
    return {"estimates": [view(e) for e in page(found, call)], "total": len(found), "traceId": new_id()}


@handles(SPEC, "delete-estimate")
def delete_estimate(call: Call) -> JsonDict:
    check_alt(call)
    record = _estimate(call)
    call.store.remove("estimates", record["id"])
    return view({**record, "deleted": True, "updatedAt": now_iso()})


@handles(SPEC, "send-estimate")
def send_estimate(call: Call) -> tuple[int, JsonDict]:
    check_alt(call)
    record = _estimate(call)
    record_customer_message(call, "send-estimate", record["id"], call.json)
    if record["estimateStatus"] == "draft":
        record["estimateStatus"] = "sent"
    call.store.touch()
    return 201, view(record)
