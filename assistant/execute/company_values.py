"""A company's custom field values, written on its record right after the company is created.

``POST /businesses/`` takes no custom fields: HighLevel writes a company's through the records API
of its standard object (``PUT /objects/business/records/{id}``, properties by short field key).
The write is ledgered as a link of the company, its schema key as parent, so verify reads every
value back as it reads a custom object's; a rollback deletes the company and its values with it.
"""

from __future__ import annotations

import hashlib
import json

from assistant.execute import ledger
from assistant.execute.calls import Call
from assistant.execute.context import RunContext
from assistant.execute.specs import PASSES
from assistant.highlevel.errors import HighLevelError

BUSINESS = "business"  # the company's schema key in the objects API


def values_op_id(source_object: str, key: str) -> str:
    return f"company_values:{source_object}:{key}"


async def ensure_company_values(
    ctx: RunContext, call: Call, source_object: str, key: str, business_id: str
) -> str | None:
    """Write the company's custom values unless the ledger has them; answers an error, or None."""
    properties = call.follow.get("properties") or {}
    if not properties:
        return None
    oid = values_op_id(source_object, key)
    digest = hashlib.md5(json.dumps(properties, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
    prior = ledger.latest(ctx.con, oid)
    if prior and prior.status == "done" and prior.hl_id == business_id and prior.payload_hash == digest:
        return None
    op = ledger.Op(oid, PASSES["company"], "link", "custom_object", source_object, key, digest)
    ledger.start(ctx.con, ctx.run_id, op, {"properties": properties}, hl_id=business_id)
    try:
        await ctx.hl.records.update_record(BUSINESS, business_id, properties)
    except HighLevelError as exc:
        ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
        ctx.audit.write("error", "company", source_object, key, business_id, "custom values failed", str(exc))
        return f"company {business_id}: custom values not written: {exc}"
    ledger.done(ctx.con, ctx.run_id, oid, business_id, "updated", parent_id=BUSINESS)
    ctx.audit.write("update", "company", source_object, key, business_id, "custom values")
    return None
