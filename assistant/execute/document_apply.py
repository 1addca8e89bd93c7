"""Send source invoices and estimates to HighLevel and carry their status over without contacting
anyone: paid (in full or in part) becomes a recorded manual payment dated with the original
payment, draft and unpaid stay unsent drafts. HighLevel voids only an invoice that has left draft,
and leaving draft without a payment means sending it, so a void source invoice stays a draft and
is reported. Rollback deletes drafts and voids the rest, because HighLevel deletes only drafts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.documents import (
    ESTIMATE_STATUSES,
    HALF_CENT_TAX,
    SourceDocument,
    TotalMismatch,
    estimate_body,
    invoice_body,
    total_mismatch,
)
from assistant.highlevel.api_invoices import InvoicesApi
from assistant.highlevel.errors import HighLevelError, JsonDict

DOCUMENT_PASS = 9  # after every record a document can point at
VOID_KEPT_AS_DRAFT = (
    "void in the source: kept as an unsent draft (HighLevel voids only sent or paid invoices)"
)


@dataclass
class DocumentOutcome:
    source_key: str
    hl_id: str
    status: str  # the HighLevel status after the run
    total: float  # the HighLevel total
    note: str = ""


@dataclass
class DocumentReport:
    created: list[DocumentOutcome] = field(default_factory=list)
    mismatches: list[TotalMismatch] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source key, reason)

    def totals_by_status(self) -> dict[str, float]:
        sums: dict[str, float] = {}
        for outcome in self.created:
            sums[outcome.status] = round(sums.get(outcome.status, 0.0) + outcome.total, 2)
        return sums


@dataclass(frozen=True)
class RunLedger:
    """The run's ledger: each document is started before its create leaves and done after."""

    con: duckdb.DuckDBPyConnection
    run_id: str
    # The compiled record's payload hash, so a delta sees an unchanged document as unchanged.
    record_hash: str | None = None

    def op(self, kind: str, doc: SourceDocument, body: dict[str, Any]) -> ledger.Op:
        source_object, _, key = doc.source_key.rpartition(":")
        digest = (
            self.record_hash
            or hashlib.md5(json.dumps(body, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
        )
        return ledger.Op(
            f"{kind}:{doc.source_key}", DOCUMENT_PASS, "create", kind, source_object, key, digest
        )


async def _create(
    books: RunLedger | None, op: ledger.Op | None, found: JsonDict | None, create: Any, body: JsonDict
) -> tuple[JsonDict, str]:
    """The record and the ledger outcome: found before sending is "existing" (rollback keeps it)."""
    if found is not None:
        if books is not None and op is not None:
            books_start(books, op, body)
            ledger.done(books.con, books.run_id, op.op_id, str(found.get("_id")), "existing")
        return found, "existing"
    if books is not None and op is not None:
        books_start(books, op, body)
    result = await create(body)
    if books is not None and op is not None:
        ledger.done(books.con, books.run_id, op.op_id, result.id, result.outcome.value)
    return result.record, result.outcome.value


def books_start(books: RunLedger, op: ledger.Op, body: JsonDict) -> None:
    ledger.start(books.con, books.run_id, op, body)


async def send_invoice(
    api: InvoicesApi,
    doc: SourceDocument,
    business: str,
    report: DocumentReport,
    books: RunLedger | None = None,
) -> None:
    """Create one invoice (or find it, when an earlier run did) and carry its status over."""
    mismatch = total_mismatch(doc)
    if mismatch is not None:
        report.mismatches.append(mismatch)
    body = invoice_body(doc, business)
    op = books.op("invoice", doc, body) if books else None
    try:
        record, _ = await _create(books, op, await api.find(doc.number), api.create, body)
        hl_id = str(record.get("_id") or record.get("id"))
        note = ""
        if record.get("status") == "draft" and doc.paid_amount > 0:
            paid_at = doc.paid_at or f"{doc.issue_date}T00:00:00.000Z"
            due = float(record.get("amountDue") or 0)
            amount = min(round(doc.paid_amount, 2), due)
            if _paid_in_full_but_a_rounding_cent(doc, mismatch, due - amount):
                amount, note = due, PAID_IN_FULL_ROUNDING.format(extra=due - round(doc.paid_amount, 2))
            record = await api.record_payment(
                hl_id, amount, paid_at, notes=f"Paid in the source ({doc.source_key})"
            )
        elif doc.status == "void":
            note = VOID_KEPT_AS_DRAFT
        report.created.append(
            DocumentOutcome(doc.source_key, hl_id, str(record["status"]), float(record["total"]), note)
        )
    except HighLevelError as exc:
        report.failed.append((doc.source_key, str(exc)))
        if books is not None and op is not None:
            ledger.failed(books.con, books.run_id, op.op_id, str(exc))


PAID_IN_FULL_ROUNDING = (
    "paid in full in the source: the payment is recorded as HighLevel's total, {extra:.2f} above the "
    "source's, whose stated total rounds its lines' half-cent tax down (a cent left due would read as unpaid)"
)


def _paid_in_full_but_a_rounding_cent(
    doc: SourceDocument, mismatch: TotalMismatch | None, left: float
) -> bool:
    """A source-paid invoice that HighLevel would hold part due only for the source's half-cent rounding."""
    rounding = mismatch is not None and mismatch.reason == HALF_CENT_TAX
    return doc.status == "paid" and rounding and 0 < round(left, 2) <= 0.01


async def send_estimate(
    api: InvoicesApi,
    doc: SourceDocument,
    business: str,
    report: DocumentReport,
    books: RunLedger | None = None,
) -> None:
    """Create one estimate (or find it); a sent, accepted or declined status is set by an update."""
    mismatch = total_mismatch(doc)
    if mismatch is not None:
        report.mismatches.append(mismatch)
    body = estimate_body(doc, business)
    op = books.op("estimate", doc, body) if books else None
    try:
        found = await api.find_estimate(body.get("estimateNumber", body["name"]))
        record, _ = await _create(books, op, found, api.create_estimate, body)
        hl_id = str(record.get("_id"))
        if doc.status in ESTIMATE_STATUSES and record.get("estimateStatus") != doc.status:
            record = await api.update_estimate(hl_id, {**body, "estimateStatus": doc.status})
        outcome = DocumentOutcome(
            doc.source_key, hl_id, str(record.get("estimateStatus")), float(record["total"])
        )
        report.created.append(outcome)
    except HighLevelError as exc:
        report.failed.append((doc.source_key, str(exc)))
        if books is not None and op is not None:
            ledger.failed(books.con, books.run_id, op.op_id, str(exc))


async def undo_invoice(api: InvoicesApi, hl_id: str) -> str:
    """Delete a draft; void a paid or sent invoice (HighLevel deletes only drafts). Says what it did."""
    status = str((await api.get(hl_id)).get("status"))
    if status == "draft":
        await api.delete(hl_id)
        return "deleted"
    if status == "void":
        return "already void"
    await api.void(hl_id)
    return f"voided: HighLevel does not delete a {status} invoice"
