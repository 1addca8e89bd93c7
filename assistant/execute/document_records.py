"""A compiled invoice or estimate record (``exec.records`` values) read as a ``SourceDocument``.

The record holds what the field maps made of the source row: ``invoiceNumber``, ``issueDate``,
``dueDate``, ``currency``, ``total``, ``status``, ``amountPaid``, ``paidAt``, ``name`` and its
``lines``. A status value is read by its words; without one (or with one no word matches) the
amounts decide: paid in full, in part, or not at all.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from assistant.execute.calls import Call
from assistant.execute.documents import (
    Customer,
    Line,
    SourceDocument,
    Status,
    TotalMismatch,
    estimate_body,
    invoice_body,
    total_mismatch,
)
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec

# Words of a source status value, by the status it carries over as (first match wins); "unpaid"
# comes first because it contains "paid", and lets the amounts decide.
STATUS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unpaid", ("unpaid", "not paid", "impag", "pending", "pendiente", "overdue", "vencid")),
    ("partially_paid", ("partial", "parcial")),
    ("void", ("void", "cancel", "anulad", "annul")),
    ("declined", ("declin", "reject", "rechaz", "lost")),
    ("accepted", ("accept", "aceptad", "approved", "won")),
    ("paid", ("paid", "pagad", "cobrad")),
    ("draft", ("draft", "borrador")),
    ("sent", ("sent", "enviad")),
)
CARRIED: dict[str, frozenset[str]] = {
    "invoice": frozenset({"partially_paid", "void", "paid", "draft"}),
    "estimate": frozenset({"declined", "accepted", "sent", "draft"}),
}


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def status_of(kind: str, text: Any, total: float, paid: float) -> Status:
    words = str(text or "").strip().lower()
    matched = next((status for status, hints in STATUS_WORDS if any(h in words for h in hints)), None)
    if matched in CARRIED[kind]:
        return matched  # type: ignore[return-value]  # CARRIED holds only Status values
    if kind == "estimate":
        return "draft"
    if total > 0 and paid >= total:
        return "paid"
    return "partially_paid" if paid > 0 else "unpaid"


def lines_of(values: dict[str, Any]) -> list[Line]:
    return [
        Line(
            str(line.get("name") or line.get("description") or ""),
            _number(line.get("qty")),
            _number(line.get("amount")),
            _number(line.get("taxRate")) or 0.0,
            _number(line.get("discount")) or 0.0,
            _number(line.get("lineTotal")),
        )
        for line in values.get("lines") or []
    ]


def document_of(
    kind: str, source_object: str, key: str, values: dict[str, Any], customer: Customer, currency: str
) -> SourceDocument:
    lines = lines_of(values)
    stated = _number(values.get("total"))
    probe = SourceDocument("", "", "", currency, 0.0, customer, lines)
    total = stated if stated is not None else probe.line_sum
    paid = _number(values.get("amountPaid")) or 0.0
    status = status_of(kind, values.get("status"), total, paid)
    if status == "paid" and paid == 0:
        paid = total  # a paid status without an amount: paid in full
    return SourceDocument(
        f"{source_object}:{key}",
        str(values.get("invoiceNumber") or key),
        str(values.get("issueDate") or "")[:10],
        str(values.get("currency") or currency).upper(),
        total,
        customer,
        lines,
        status,
        due_date=str(values["dueDate"])[:10] if values.get("dueDate") else None,
        paid_amount=paid,
        paid_at=str(values["paidAt"]) if values.get("paidAt") else None,
        title=str(values.get("name") or ""),
        pdf_url=str(values["pdfUrl"]) if values.get("pdfUrl") else None,
    )


def planned_mismatches(con: duckdb.DuckDBPyConnection, currency: str) -> list[TotalMismatch]:
    """Documents whose lines do not sum to their stated total, read from the compiled records."""
    kinds = ", ".join(f"'{k}'" for k in sorted(DOCUMENT_KINDS))
    rows = con.execute(
        f"""SELECT target, source_object, source_key, "values" FROM exec.records
        WHERE target IN ({kinds}) ORDER BY source_object, "row" """
    ).fetchall()
    found: list[TotalMismatch] = []
    for kind, source_object, key, values in rows:
        doc = document_of(kind, source_object, key, json.loads(values), Customer(""), currency)
        mismatch = total_mismatch(doc)
        if mismatch is not None:
            found.append(mismatch)
    return found


def document_call(spec: RecordSpec, key: str, values: dict[str, Any], currency: str) -> Call:
    """The create request of a planned document, as ``plan --show-requests`` shows it."""
    contact = Customer(f"<id of {values.get('ref:contactId')}>")
    doc = document_of(spec.target, spec.source_object, key, values, contact, currency)
    if spec.target == "invoice":
        return Call("invoice", "POST", "/invoices/", {}, invoice_body(doc, "<location name>"))
    return Call("estimate", "POST", "/invoices/estimate", {}, estimate_body(doc, "<location name>"))
