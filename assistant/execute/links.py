"""Pass 3: attach contacts to their companies — one bulk request per company, not one per contact."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from assistant.execute import ledger
from assistant.execute.calls import op_id
from assistant.execute.context import PassResult, RunContext
from assistant.execute.specs import PASSES, RecordSpec
from assistant.highlevel.errors import ApiError, HighLevelError

BULK_MAX = 50  # ids per bulk request, well under HighLevel's body limits


def company_links(
    ctx: RunContext, specs: list[RecordSpec], selection: set[str] | None
) -> dict[str, list[str]]:
    """company HighLevel id -> contact HighLevel ids that belong to it."""
    groups: dict[str, list[str]] = defaultdict(list)
    for spec in specs:
        ref = next((r for r in spec.refs if r.key == "companyId"), None)
        if spec.target != "contact" or ref is None:
            continue
        rows = ctx.con.execute(
            """SELECT source_key, json_extract_string("values", '$."ref:companyId"') FROM exec.records
            WHERE target = 'contact' AND source_object = ? ORDER BY "row" """,
            [spec.source_object],
        ).fetchall()
        for key, company_key in rows:
            contact = ctx.ids.records.get(op_id("contact", spec.source_object, key))
            company = ctx.ids.record("company", ref.source_object, company_key) if company_key else None
            if (
                contact
                and company
                and (selection is None or op_id("contact", spec.source_object, key) in selection)
            ):
                groups[company].append(contact)
    return groups


async def link_companies(ctx: RunContext, specs: list[RecordSpec], selection: set[str] | None) -> PassResult:
    result = PassResult("company_link")
    known = ledger.current(ctx.con)
    groups = company_links(ctx, specs, None)
    ctx.ids.company_contact = {company: members[0] for company, members in groups.items() if members}
    if selection is not None:
        groups = company_links(ctx, specs, selection)
    for company, contacts in sorted(groups.items()):
        for start in range(0, len(contacts), BULK_MAX):
            if ctx.stop.is_set():
                break
            chunk = sorted(contacts[start : start + BULK_MAX])
            digest = hashlib.md5(json.dumps(chunk).encode()).hexdigest()
            oid = f"company_link:{company}:{digest}"
            prior = known.get(oid)
            if prior is not None and prior.status == "done":
                result.skipped += 1
                continue
            body = {"locationId": ctx.hl.location_id, "ids": chunk, "businessId": company}
            op = ledger.Op(oid, PASSES["company_link"], "link", "company_link", "", company, digest)
            ledger.start(ctx.con, ctx.run_id, op, body)
            outcome = "linked"
            try:  # re-sending the same link is harmless: it sets the same business on the same contacts
                await ctx.hl.transport.request("POST", "/contacts/bulk/business", json_body=body)
            except HighLevelError as exc:
                # HighLevel has answered errors for writes it made: read the contacts before failing
                if not (isinstance(exc, ApiError) and await _linked(ctx, chunk, company)):
                    ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
                    ctx.audit.write("error", "company_link", "", company, company, "failed", str(exc))
                    result.failed += 1
                    continue
                outcome = "recovered"
            ledger.done(ctx.con, ctx.run_id, oid, company, outcome)
            ctx.audit.write("link", "company_link", "", company, company, "linked", f"{len(chunk)} contacts")
            result.done += 1
    ctx.results.append(result)
    return result


async def _linked(ctx: RunContext, contacts: list[str], company: str) -> bool:
    """True when every contact of the chunk already belongs to ``company``."""
    try:
        held = [await ctx.hl.contacts.get(contact) for contact in contacts]
    except HighLevelError:
        return False
    return all(record.get("businessId") == company for record in held)
