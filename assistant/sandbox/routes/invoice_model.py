"""Invoice and estimate arithmetic and views shared by the stand-in's invoice routes.

HighLevel computes a document's total from its items (quantity x unit amount, plus each item's
exclusive taxes) less the document discount; the stand-in does the same in decimal arithmetic,
rounded to cents once, a half cent up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import Call, clean


def item_total(item: JsonDict) -> Decimal:
    """Quantity x unit amount plus the item's exclusive taxes, exact (no binary fraction)."""
    net = _dec(item.get("qty")) * _dec(item.get("amount"))
    if item.get("taxInclusive"):
        return net
    rate = sum((_dec(tax.get("rate")) for tax in item.get("taxes") or []), Decimal(0))
    return net * (1 + rate / 100)


def document_total(body: JsonDict) -> float:
    """The total in cents, a half cent rounded up as invoices are written. Binary floats would turn
    an exact 11.385 into 11.38499… and round it down, a cent below the document's own lines."""
    gross = sum((item_total(item) for item in body.get("items") or []), Decimal(0))
    discount: JsonDict = body.get("discount") or {}
    value = _dec(discount.get("value"))
    off = gross * value / 100 if discount.get("type", "percentage") == "percentage" else value
    return float((gross - off).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _dec(value: Any) -> Decimal:
    return Decimal(str(value or 0))


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
