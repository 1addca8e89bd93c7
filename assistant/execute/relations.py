"""Custom object records' links to contacts, companies and opportunities: associations and relations.

A custom object record cannot carry ``opportunityId`` as a property; HighLevel links records through
an association (defined once, created here when missing) and one relation per linked pair, made
after both records exist (the last pass). Rollback deletes both.
"""

from __future__ import annotations

from typing import Any

from assistant.execute import ledger
from assistant.execute.calls import op_id
from assistant.execute.context import PassResult, RunContext
from assistant.execute.specs import RecordSpec
from assistant.highlevel.errors import HighLevelError

STANDARD_KEYS = {"contact": "contact", "company": "business", "opportunity": "opportunity"}
RELATIONS_PASS = 9


def linked_refs(spec: RecordSpec) -> list[tuple[str, str, str]]:
    """(ref key, parent kind, parent source object) of a custom object spec's links."""
    return [(r.key, r.target, r.source_object) for r in spec.refs if r.target in STANDARD_KEYS]


async def association_id(ctx: RunContext, object_key: str, parent: str) -> tuple[str, bool] | None:
    """The association between ``object_key`` and a standard object, created if missing; (id, ours-first)."""
    other = STANDARD_KEYS[parent]
    answer = await ctx.hl.records.associations(limit=500)
    for a in answer.get("associations") or []:
        pair = (a.get("firstObjectKey"), a.get("secondObjectKey"))
        if pair == (object_key, other) or pair == (other, object_key):
            return str(a["id"]), pair[0] == object_key
    key = f"{object_key.rsplit('.', 1)[-1]}_{other}"
    body: dict[str, Any] = {
        "locationId": ctx.hl.location_id, "key": key,
        "firstObjectKey": object_key, "firstObjectLabel": object_key.rsplit(".", 1)[-1],
        "secondObjectKey": other, "secondObjectLabel": other,
    }  # fmt: skip
    op = ledger.Op(f"schema:association:{key}", 0, "schema", "association", "", key, "")
    ledger.start(ctx.con, ctx.run_id, op, body)
    try:
        created = await ctx.hl.transport.request("POST", "/associations/", json_body=body)
    except HighLevelError as exc:
        ledger.failed(ctx.con, ctx.run_id, op.op_id, str(exc))
        return None
    hl_id = str(created.get("id") or (created.get("association") or {}).get("id") or "")
    ledger.done(ctx.con, ctx.run_id, op.op_id, hl_id, "created")
    ctx.audit.write("create", "association", "", key, hl_id, "created")
    return hl_id, True


async def relate(ctx: RunContext, specs: list[RecordSpec], selection: set[str] | None) -> PassResult:
    result = PassResult("relations")
    known = ledger.current(ctx.con)
    for spec in specs:
        if spec.target != "custom_object" or not spec.custom_object_key:
            continue
        for ref_key, parent, parent_source in linked_refs(spec):
            found = await association_id(ctx, spec.custom_object_key, parent)
            if found is None:
                result.failed += 1
                continue
            assoc, record_first = found
            rows = ctx.con.execute(
                f"""SELECT source_key, json_extract_string("values", '$."ref:{ref_key}"') FROM exec.records
                WHERE target = 'custom_object' AND source_object = ? ORDER BY "row" """,
                [spec.source_object],
            ).fetchall()
            for key, parent_key in rows:
                oid = op_id("custom_object", spec.source_object, key)
                record = ctx.ids.records.get(oid)
                other = ctx.ids.record(parent, parent_source, parent_key) if parent_key else None
                rel = f"relation:{oid}:{ref_key}"
                if record is None or other is None or (selection is not None and oid not in selection):
                    continue
                if (known.get(rel) and known[rel].status == "done") or ctx.stop.is_set():
                    continue
                first, second = (record, other) if record_first else (other, record)
                body = {"locationId": ctx.hl.location_id, "associationId": assoc,
                        "firstRecordId": first, "secondRecordId": second}  # fmt: skip
                op = ledger.Op(rel, RELATIONS_PASS, "create", "relation", spec.source_object, key, assoc)
                ledger.start(ctx.con, ctx.run_id, op, body)
                try:  # a lost or refused answer is looked up among the record's relations
                    made = await ctx.hl.records.relate(assoc, first, second)
                    # it links a record this migration made, so even one found "already there" is ours
                    hl_id, outcome = made.id, "created" if made.outcome.value == "created" else "recovered"
                except HighLevelError as exc:
                    ledger.failed(ctx.con, ctx.run_id, rel, str(exc))
                    result.failed += 1
                    continue
                ledger.done(ctx.con, ctx.run_id, rel, hl_id, outcome)
                ctx.audit.write("create", "relation", spec.source_object, key, hl_id, outcome)
                result.done += 1
    ctx.results.append(result)
    return result
