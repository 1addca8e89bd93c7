"""Native invoices and estimates in the catalog: the keys a document map targets, read from the spec.

A document map does not target the create body directly: the executor builds that body (items,
contact details, payments) from a few keys per document and per line. Each key below points at
the spec property that carries its value, so its type, format and description come from the
spec; where a key has another name in the API (an estimate's number is ``estimateNumber``, a
line's tax rate is the ``rate`` of its ``taxes``) the pointer says which.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.errors import HlmapError
from assistant.highlevel.catalog_fields import TargetField, TargetObjectSpec, field_of
from assistant.hlspec import find_operation, load_spec, resolve

SPEC = "invoices"
# key -> (schema, property): the document's own values.
_INVOICE = {
    "invoiceNumber": ("CreateInvoiceDto", "invoiceNumber"),
    "issueDate": ("CreateInvoiceDto", "issueDate"),
    "dueDate": ("CreateInvoiceDto", "dueDate"),
    "currency": ("CreateInvoiceDto", "currency"),
    "name": ("CreateInvoiceDto", "name"),
    "total": ("DefaultInvoiceResponseDto", "total"),  # the stated total the lines are checked against
    "status": ("DefaultInvoiceResponseDto", "status"),
    "amountPaid": ("DefaultInvoiceResponseDto", "amountPaid"),
    "paidAt": ("RecordPaymentDto", "fulfilledAt"),  # the original payment date of a paid invoice
    "pdfUrl": ("AttachmentsDto", "url"),
    "contactId": ("ContactDetailsDto", "id"),
}
_ESTIMATE = {  # an estimate records no payment
    **{key: where for key, where in _INVOICE.items() if key not in ("amountPaid", "paidAt")},
    "invoiceNumber": ("CreateEstimatesDto", "estimateNumber"),
    "issueDate": ("CreateEstimatesDto", "issueDate"),
    "dueDate": ("CreateEstimatesDto", "expiryDate"),
    "currency": ("CreateEstimatesDto", "currency"),
    "name": ("CreateEstimatesDto", "name"),
    "total": ("EstimateResponseDto", "total"),
    "status": ("UpdateEstimateDto", "estimateStatus"),
}
# Keys of a line (a line table's map targets the document object with role line_items).
_LINE = {
    "description": ("InvoiceItemDto", "description"),
    "qty": ("InvoiceItemDto", "qty"),
    "amount": ("InvoiceItemDto", "amount"),  # the unit price
    "taxRate": ("ItemTaxDto", "rate"),  # percent, exclusive
    "discount": ("DiscountDto", "value"),  # percent off the line
    # The line's net amount (qty x amount after its discount) as the source states it; the unit
    # amount sent is derived from it so HighLevel's line total is the source's to the cent.
    "lineTotal": ("InvoiceItemDto", "amount"),
}
REQUIRED = frozenset({"invoiceNumber", "issueDate"})
CREATE = {"invoice": ("POST", "/invoices/"), "estimate": ("POST", "/invoices/estimate")}
LABELS = {"invoice": "Invoice (native, with its lines)", "estimate": "Estimate (native, with its lines)"}


def _key_field(obj: str, key: str, schema: str, prop: str) -> TargetField:
    components = load_spec(SPEC)["components"]["schemas"]
    found = (resolve(components.get(schema, {}), SPEC).get("properties") or {}).get(prop)
    if not isinstance(found, dict):
        raise HlmapError(f"spec {SPEC}.json has no property {schema}.{prop} (catalog key {obj}.{key})")
    source = f"{SPEC}.json#{schema}.{prop}"
    field = field_of(obj, key, resolve(found, SPEC), key in REQUIRED, source)
    return replace(field, required=key in REQUIRED)


def document_object(kind: str) -> TargetObjectSpec:
    """The catalog entry of ``invoice`` or ``estimate``: document keys, then line keys."""
    keys = _ESTIMATE if kind == "estimate" else _INVOICE
    fields = [_key_field(kind, key, *where) for key, where in keys.items()]
    fields += [_key_field(kind, key, *where) for key, where in _LINE.items()]
    create = CREATE[kind]
    version = find_operation(*create).version
    return TargetObjectSpec(kind, LABELS[kind], SPEC, tuple(fields), create, False, version)
