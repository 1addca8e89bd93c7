"""Native invoices and estimates read back and compared as documents, not as create bodies.

A create body and the record HighLevel answers with name things differently (``items`` vs
``invoiceItems``, the contact inside ``contactDetails``, an estimate's ``expiryDate``), so both are
reduced to one view: number, dates, currency, name, contact, attachment and one ``line N`` entry
per item (name, quantity, unit amount, tax rates). The sample diff and ``hlmap verify`` compare
those views field by field.
"""

from __future__ import annotations

from typing import Any

from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import JsonDict, NotFound

DOCUMENT_OBJECTS = ("invoice", "estimate")
_RENAMED = {"estimateNumber": "invoiceNumber", "expiryDate": "dueDate"}
_KEPT = ("invoiceNumber", "issueDate", "dueDate", "currency", "name")


def _line(item: dict[str, Any]) -> str:
    rates = "+".join(
        f"{float(t.get('rate') or 0):g}%" for t in item.get("taxes") or [] if isinstance(t, dict)
    )
    qty, amount = float(item.get("qty") or 0), float(item.get("amount") or 0)
    return f"{item.get('name', '')} x {qty:g} @ {amount:g}" + (f" tax {rates}" if rates else "")


def document_view(body: dict[str, Any]) -> dict[str, Any]:
    """The comparable values of a document, from a create body or from HighLevel's record."""
    named = {_RENAMED.get(key, key): value for key, value in body.items()}
    out: dict[str, Any] = {key: named[key] for key in _KEPT if named.get(key) not in (None, "")}
    if isinstance(out.get("invoiceNumber"), float | int):
        out["invoiceNumber"] = f"{out['invoiceNumber']:g}"
    for key in ("issueDate", "dueDate"):  # HighLevel may answer a day as a timestamp
        if isinstance(out.get(key), str):
            out[key] = out[key][:10]
    contact = body.get("contactDetails")
    if isinstance(contact, dict) and contact.get("id"):
        out["contactId"] = contact["id"]
    attachments = [a for a in body.get("attachments") or [] if isinstance(a, dict)]
    if attachments:
        out["pdfUrl"] = attachments[0].get("url")
    items = body.get("items", body.get("invoiceItems")) or []
    for n, item in enumerate(i for i in items if isinstance(i, dict)):
        out[f"line {n + 1}"] = _line(item)
    return out


async def read_document(hl: HighLevelClient, target: str, hl_id: str) -> JsonDict:
    """One invoice by id; an estimate from the location's list (the API has no GET by id)."""
    if target == "invoice":
        return await hl.invoices.get(hl_id)
    found = next((e for e in await hl.invoices.list_estimates() if str(e.get("_id")) == hl_id), None)
    if found is None:
        path = "/invoices/estimate/list"
        raise NotFound("GET", path, 404, {}, [f"estimate {hl_id} is not in the location's list"])
    return found


async def all_documents(hl: HighLevelClient, target: str) -> dict[str, JsonDict]:
    """Every invoice (or estimate) of the location by id, as HighLevel answers it."""
    records = await (hl.invoices.list() if target == "invoice" else hl.invoices.list_estimates())
    return {str(r.get("_id")): r for r in records}
