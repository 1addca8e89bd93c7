"""Invoice and estimate arithmetic and views shared by the stand-in's invoice routes.

HighLevel computes a document's total from its items (quantity x unit amount, plus each item's
exclusive taxes) less the document discount; the stand-in does the same, rounded to cents.
"""

from __future__ import annotations

from typing import Any

from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import Call, clean


def item_total(item: JsonDict) -> float:
    net = float(item.get("qty") or 0) * float(item.get("amount") or 0)
    if item.get("taxInclusive"):
        return net
    rate = sum(float(tax.get("rate") or 0) for tax in item.get("taxes") or [])
    return net * (1 + rate / 100)


def document_total(body: JsonDict) -> float:
    gross = sum(item_total(item) for item in body.get("items") or [])
    discount: JsonDict = body.get("discount") or {}
    value = float(discount.get("value") or 0)
    off = gross * value / 100 if discount.get("type", "percentage") == "percentage" else value
    return round(gross - off, 2)


def check_alt(call: Call) -> None:
    """``altId`` (body or query) must name this location, as HighLevel scopes every invoice call."""
    alt = call.json.get("altId") or call.query.get("altId")
    if alt != call.store.location_id:
        raise bad_request("altId does not match the location of the token")


def check_contact(call: Call, body: JsonDict) -> None:
    """The document's ``contactDetails.id`` must be a contact of this location."""
    contact_id = str((body.get("contactDetails") or {}).get("id") or "")
    if contact_id not in call.store.table("contacts"):
        raise bad_request(f"Contact with id {contact_id} not found")


def check_dates(body: JsonDict, *names: str) -> None:
    for name in names:
        value = body.get(name)
        if value is not None and not _is_day(str(value)):
            raise bad_request(f"{name} must be in YYYY-MM-DD format")


def _is_day(value: str) -> bool:
    parts = value.split("-")
    return len(parts) == 3 and [len(p) for p in parts] == [4, 2, 2] and all(p.isdigit() for p in parts)


def stamp(record: JsonDict) -> None:
    record["updatedAt"] = now_iso()


def view(record: JsonDict) -> JsonDict:
    """The answer shape: ``_id`` instead of ``id``, no nulls (HighLevel omits unset fields)."""
    return {("_id" if k == "id" else k): v for k, v in clean(record).items()}


def page(records: list[JsonDict], call: Call) -> list[JsonDict]:
    offset, limit = call.int_query("offset", 0), call.int_query("limit", 100, maximum=100)
    return records[offset : offset + limit]


def record_customer_message(call: Call, kind: str, document_id: str, body: Any) -> None:
    """Keep a trace of a call that would email, text or charge a customer; nothing is delivered."""
    call.store.insert(
        "customerMessages",
        {"kind": kind, "documentId": document_id, "at": now_iso(), "body": body},
    )
