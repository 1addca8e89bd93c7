"""The runner's step for one compiled invoice or estimate: resolve its contact, send it, count it.

The document goes through ``document_apply`` (ledgered before and after the create, found by its
number when an earlier run made it, status carried over without contacting anyone). A document
the ledger already has done is skipped, so a re-run or a resumed run sends nothing twice.
"""

from __future__ import annotations

import json
from typing import Any

from assistant.execute import ledger
from assistant.execute.calls import op_id
from assistant.execute.context import PassResult, RunContext
from assistant.execute.document_apply import DocumentReport, RunLedger, send_estimate, send_invoice
from assistant.execute.document_records import document_of
from assistant.execute.documents import Customer
from assistant.execute.specs import RecordSpec


async def business_name(ctx: RunContext) -> str:
    """The location's own name on every document (HighLevel requires businessDetails.name)."""
    if ctx.business_name is None:
        location = await ctx.hl.location.get()
        ctx.business_name = str(location.get("name") or ctx.hl.location_id)
    return ctx.business_name


def customer_of(ctx: RunContext, spec: RecordSpec, values: dict[str, Any]) -> Customer | None:
    """The HighLevel contact the document names, with the name, email and phone its record was sent with."""
    ref = next((r for r in spec.refs if r.key == "contactId"), None)
    key = values.get("ref:contactId")
    if ref is None or key is None:
        return None
    hl_id = ctx.ids.record(ref.target, ref.source_object, str(key))
    if hl_id is None:
        return None
    # The contact may come from another table of the same object (an estimate of a prospect rather
    # than a client): its values are those of the record whose id the document's contact resolved to.
    rows = ctx.con.execute(
        """SELECT source_object, "values" FROM exec.records WHERE target = ? AND source_key = ?
        ORDER BY source_object <> ?""",
        [ref.target, str(key), ref.source_object],
    ).fetchall()
    row = next((v for so, v in rows if ctx.ids.records.get(op_id(ref.target, so, str(key))) == hl_id), None)
    sent: dict[str, Any] = json.loads(row) if row else {}
    person = " ".join(str(sent[k]) for k in ("firstName", "lastName") if sent.get(k))
    name = person or str(sent.get("name") or sent.get("companyName") or "")
    # the contact's own email and phone, else the billing ones found elsewhere in the export
    email = str(sent.get("email") or values.get("contactEmail") or "")
    return Customer(hl_id, name, email, str(sent.get("phone") or values.get("contactPhone") or ""))


async def send_document(
    ctx: RunContext,
    spec: RecordSpec,
    key: str,
    values: dict[str, Any],
    prior: ledger.Entry | None,
    result: PassResult,
) -> None:
    oid = f"{spec.target}:{spec.source_object}:{key}"
    if prior is not None and prior.status == "done":
        result.skipped += 1  # sent by an earlier run: a document is never sent twice
        return
    customer = customer_of(ctx, spec, values)
    if customer is None:
        op = ledger.Op(oid, 9, "create", spec.target, spec.source_object, key, "")
        ledger.start(ctx.con, ctx.run_id, op, {})
        ledger.failed(ctx.con, ctx.run_id, oid, "parent not migrated: ref:contactId")
        ctx.audit.write("error", spec.target, spec.source_object, key, None, "failed", "no contact")
        result.failed += 1
        return
    doc = document_of(spec.target, spec.source_object, key, values, customer, ctx.currency)
    report = DocumentReport()
    send = send_invoice if spec.target == "invoice" else send_estimate
    found = ctx.con.execute(
        "SELECT payload_hash FROM exec.records WHERE target = ? AND source_object = ? AND source_key = ?",
        [spec.target, spec.source_object, key],
    ).fetchone()
    books = RunLedger(ctx.con, ctx.run_id, str(found[0]) if found else None)
    await send(ctx.hl.invoices, doc, await business_name(ctx), report, books)
    for outcome in report.created:
        if prior is not None and prior.status == "started":  # a killed run of ours made it: not a duplicate
            ledger.done(ctx.con, ctx.run_id, oid, outcome.hl_id, "recovered")
        ctx.ids.add(oid, outcome.hl_id)
        ctx.audit.write("create", spec.target, spec.source_object, key, outcome.hl_id, outcome.status)
        result.done += 1
    for _, reason in report.failed:
        ctx.audit.write("error", spec.target, spec.source_object, key, None, "failed", reason)
        result.failed += 1
