"""Native invoices: create, read, list, update, void, manual payments, delete, and sends (recorded).

HighLevel's rules as its spec examples state them: a draft cannot be voided (delete it instead),
only a draft can be deleted, so a paid invoice is voided rather than deleted. A recorded manual
payment moves a draft straight to paid (or partially paid) without contacting the customer.
"""

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
_EDITABLE = ("name", "title", "currency", "businessDetails", "contactDetails", "termsNotes", "discount")


def _invoice(call: Call) -> JsonDict:
    record = call.store.table("invoices").get(call.path["invoiceId"])
    if record is None:
        raise bad_request("Unable to find an invoice with the given invoice id")
    return record


def _items(items: list[JsonDict], currency: str) -> list[JsonDict]:
    for n, item in enumerate(items):
        if item.get("currency") != currency:
            raise bad_request(f"items.{n}.currency must be the invoice currency {currency}")
    return [{"_id": new_id(), **item} for item in items]


def _totals(record: JsonDict) -> None:
    record["total"] = document_total({"items": record["invoiceItems"], "discount": record.get("discount")})
    record["amountDue"] = round(record["total"] - record["amountPaid"], 2)


@handles(SPEC, "create-invoice")
def create_invoice(call: Call) -> JsonDict:
    body = call.json
    check_alt(call)
    check_contact(call, body)
    check_dates(body, "issueDate", "dueDate")
    invoices = call.store.table("invoices")
    number = body.get("invoiceNumber")
    if number is None:
        number = str(len(invoices) + 1)
    elif any(i["invoiceNumber"] == number for i in invoices.values()):
        raise bad_request(f"Invoice number {number} already exists")
    stamp_ = now_iso()
    record: JsonDict = {
        **{k: v for k, v in body.items() if k not in ("items", "invoiceNumber")},
        "invoiceNumber": number,
        "invoiceItems": _items(body["items"], body["currency"]),
        "status": "draft",
        "amountPaid": 0,
        "payments": [],
        "createdAt": stamp_,
        "updatedAt": stamp_,
    }
    _totals(record)
    return view(call.store.insert("invoices", record))


@handles(SPEC, "get-invoice")
def get_invoice(call: Call) -> JsonDict:
    check_alt(call)
    return view(_invoice(call))


@handles(SPEC, "list-invoices")
def list_invoices(call: Call) -> JsonDict:
    check_alt(call)
    wanted = {k: call.query[k] for k in ("status", "contactId") if call.query.get(k)}
    search = (call.query.get("search") or "").lower()
    found = [
        i
        for i in call.store.table("invoices").values()
        if ("status" not in wanted or i["status"] == wanted["status"])
        and ("contactId" not in wanted or (i.get("contactDetails") or {}).get("id") == wanted["contactId"])
        and (not search or search in f"{i['invoiceNumber']} {i.get('name', '')}".lower())
    ]
    return {"invoices": [view(i) for i in page(found, call)], "total": len(found)}


@handles(SPEC, "update-invoice")
def update_invoice(call: Call) -> JsonDict:
    check_alt(call)
    record, body = _invoice(call), call.json
    if record["status"] != "draft":
        raise bad_request("Only a draft invoice can be updated")
    check_dates(body, "issueDate", "dueDate")
    record.update({k: body[k] for k in (*_EDITABLE, "issueDate", "dueDate", "invoiceNumber") if k in body})
    record["invoiceItems"] = _items(body["invoiceItems"], body["currency"])
    _totals(record)
    stamp(record)
    call.store.touch()
    return view(record)


@handles(SPEC, "void-invoice")
def void_invoice(call: Call) -> JsonDict:
    check_alt(call)
    record = _invoice(call)
    if record["status"] == "draft":
        raise bad_request("Can not void draft invoice. You can delete draft invoice!")
    if record["status"] == "void":
        raise bad_request("Invoice is already void")
    record.update(status="void", amountDue=0)
    stamp(record)
    call.store.touch()
    return view(record)


@handles(SPEC, "record-invoice")
def record_payment(call: Call) -> JsonDict:
    check_alt(call)
    record, body = _invoice(call), call.json
    amount = round(float(body.get("amount") or record["amountDue"]), 2)
    if record["status"] in ("void", "paid"):
        raise bad_request(f"Can not record a payment on a {record['status']} invoice")
    if amount <= 0 or amount > record["amountDue"]:
        raise bad_request("amount must be more than 0 and at most the amount due")
    payment = {"_id": new_id(), "mode": body["mode"], "amount": amount, "notes": body.get("notes")}
    payment["fulfilledAt"] = body.get("fulfilledAt") or now_iso()
    record["payments"].append(payment)
    record["amountPaid"] = round(record["amountPaid"] + amount, 2)
    record["amountDue"] = round(record["total"] - record["amountPaid"], 2)
    record["status"] = "paid" if record["amountDue"] <= 0 else "partially_paid"
    stamp(record)
    call.store.touch()
    return {"success": True, "invoice": view(record)}


@handles(SPEC, "delete-invoice")
def delete_invoice(call: Call) -> JsonDict:
    check_alt(call)
    record = _invoice(call)
    if record["status"] != "draft":
        raise bad_request("Invoice status need to be draft to delete an invoice")
    call.store.remove("invoices", record["id"])
    return view(record)


@handles(SPEC, "send-invoice")
def send_invoice(call: Call) -> JsonDict:
    check_alt(call)
    record = _invoice(call)
    record_customer_message(call, "send-invoice", record["id"], call.json)
    if record["status"] == "draft":
        record["status"] = "sent"
    call.store.touch()
    return {"invoice": view(record), "smsData": {}, "emailData": {}}


@handles(SPEC, "text2pay-invoice")
def text2pay(call: Call) -> JsonDict:
    check_alt(call)
    record_customer_message(call, "text2pay-invoice", str(call.json.get("id") or ""), call.json)
    return {"invoice": {}, "invoiceUrl": ""}
