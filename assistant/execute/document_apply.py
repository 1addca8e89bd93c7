"""Send source invoices and estimates to HighLevel and carry their status over without contacting
anyone: paid (in full or in part) becomes a recorded manual payment dated with the original
payment, draft and unpaid stay unsent drafts. HighLevel voids only an invoice that has left draft,
and leaving draft without a payment means sending it, so a void source invoice stays a draft and
is reported. Rollback deletes drafts and voids the rest, because HighLevel deletes only drafts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.execute.documents import (
    ESTIMATE_STATUSES,
    SourceDocument,
    TotalMismatch,
    estimate_body,
    invoice_body,
    total_mismatch,
)
from assistant.highlevel.api_invoices import InvoicesApi
from assistant.highlevel.errors import HighLevelError

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


async def send_invoice(api: InvoicesApi, doc: SourceDocument, business: str, report: DocumentReport) -> None:
    """Create one invoice (or find it, when an earlier run did) and carry its status over."""
    mismatch = total_mismatch(doc)
    if mismatch is not None:
        report.mismatches.append(mismatch)
    try:
        existing = await api.find(doc.number)
        record = existing if existing is not None else (await api.create(invoice_body(doc, business))).record
        hl_id = str(record.get("_id") or record.get("id"))
        note = ""
        if record.get("status") == "draft" and doc.paid_amount > 0:
            paid_at = doc.paid_at or f"{doc.issue_date}T00:00:00.000Z"
            amount = min(round(doc.paid_amount, 2), float(record.get("amountDue") or 0))
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


async def send_estimate(api: InvoicesApi, doc: SourceDocument, business: str, report: DocumentReport) -> None:
    """Create one estimate (or find it); a sent, accepted or declined status is set by an update."""
    mismatch = total_mismatch(doc)
    if mismatch is not None:
        report.mismatches.append(mismatch)
    body = estimate_body(doc, business)
    try:
        existing = await api.find_estimate(body.get("estimateNumber", body["name"]))
        record = existing if existing is not None else (await api.create_estimate(body)).record
        hl_id = str(record.get("_id"))
        if doc.status in ESTIMATE_STATUSES and record.get("estimateStatus") != doc.status:
            record = await api.update_estimate(hl_id, {**body, "estimateStatus": doc.status})
        outcome = DocumentOutcome(
            doc.source_key, hl_id, str(record.get("estimateStatus")), float(record["total"])
        )
        report.created.append(outcome)
    except HighLevelError as exc:
        report.failed.append((doc.source_key, str(exc)))


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
