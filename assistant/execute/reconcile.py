"""``hlmap reconcile``: source vs ledger vs destination, per object, plus what is missing where.

Counts: records the source compiles to, records the ledger says are migrated, and how many of
those HighLevel really holds. It lists records missing on either side, custom fields sent with a
value that the destination does not hold, and orphans (tasks and notes whose contact is gone).
Beside the counts: the source accounting (every source row's outcome, counted from the export)
and the identity check (each record a run made ↔ one ledger row); "clean" needs all three.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from assistant.execute import destination, ledger
from assistant.execute.accounting.build import build
from assistant.execute.accounting.identity import Identity, check
from assistant.execute.accounting.summary import Accounting, summarise
from assistant.execute.deal_tags import tags_not_held
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.prepare import Prepared
from assistant.execute.verify.messages import conversation_messages
from assistant.highlevel.client import HighLevelClient

LISTED = ("contact", "company", "opportunity", "product")


@dataclass
class ObjectCount:
    object: str
    source: int = 0
    ledger: int = 0
    destination: int = 0
    missing_in_destination: list[str] = field(default_factory=list)
    missing_in_ledger: list[str] = field(default_factory=list)

    @property
    def equal(self) -> bool:
        return self.source == self.ledger == self.destination


@dataclass
class Reconciliation:
    objects: list[ObjectCount]
    custom_fields_missing: dict[str, int] = field(default_factory=dict)
    orphans: list[str] = field(default_factory=list)
    destination_totals: dict[str, int] = field(default_factory=dict)
    duplicates: list[str] = field(
        default_factory=list
    )  # source records HighLevel matched to one already there
    accounting: Accounting = field(default_factory=lambda: Accounting([]))
    identity: Identity = field(default_factory=Identity)

    @property
    def counts_equal(self) -> bool:
        return all(o.equal for o in self.objects) and not self.orphans and not self.custom_fields_missing

    @property
    def clean(self) -> bool:
        return self.counts_equal and self.accounting.clean and self.identity.clean

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["clean"] = self.clean
        data["accounting"] = {
            "clean": self.accounting.clean,
            "totals": self.accounting.totals(),
            "tables": [{**asdict(t), "clean": t.clean} for t in self.accounting.tables],
            "repaired": self.accounting.repaired,
        }
        data["identity"]["clean"] = self.identity.clean
        return data


async def reconcile(
    hl: HighLevelClient, con: duckdb.DuckDBPyConnection, prepared: Prepared
) -> Reconciliation:
    source = dict(con.execute("SELECT target, count(*) FROM exec.records GROUP BY target").fetchall())
    keys = con.execute("SELECT target, source_object, source_key FROM exec.records").fetchall()
    migrated = ledger.created_ids(con)
    parents = dict(
        con.execute(
            """SELECT op_id, parent_id FROM exec.ledger WHERE status = 'done' AND parent_id IS NOT NULL"""
        ).fetchall()
    )
    listed = {
        "contact": await destination.all_contacts(hl),
        "company": await destination.all_businesses(hl),
        "opportunity": await destination.all_opportunities(hl),
    }
    if "product" in source:
        listed["product"] = await destination.all_products(hl)
    by_target: dict[str, dict[str, str]] = defaultdict(dict)
    for oid, hl_id in migrated.items():
        target = oid.split(":", 1)[0]
        if target in source:
            by_target[target][oid] = hl_id
    contacts_alive = set(listed["contact"])
    for kind in ("task", "note"):
        if kind in by_target:
            owners = {parents.get(oid, "") for oid in by_target[kind]}
            listed[kind] = {
                i: {"contactId": c} for i, c in (await destination.children(hl, owners, kind + "s")).items()
            }
    if "message" in by_target:  # history is listed per conversation
        listed["message"] = {}
        for conversation in sorted({parents.get(oid) or "" for oid in by_target["message"]} - {""}):
            listed["message"].update(await conversation_messages(hl, conversation))
    out = Reconciliation([], destination_totals={k: len(v) for k, v in listed.items() if k in LISTED})
    expected_keys: dict[str, set[str]] = defaultdict(set)
    for target, src, key in keys:
        expected_keys[target].add(f"{target}:{src}:{key}")
    lacking = tags_not_held(con, listed["contact"])  # a deal row's tags are held on its contact
    for target in sorted(source):
        count = ObjectCount(target, source=int(source[target]), ledger=len(by_target[target]))
        have = listed.get("contact" if target == DEAL_TAGS else target)
        for oid, hl_id in sorted(by_target[target].items()):
            if oid in lacking:
                count.missing_in_destination.append(f"{oid} → contact {hl_id} lacks tags {lacking[oid]}")
            elif have is None or hl_id in have:
                count.destination += 1
            else:
                count.missing_in_destination.append(f"{oid} → {hl_id}")
        count.missing_in_ledger = sorted(expected_keys[target] - set(by_target[target]))
        out.objects.append(count)
    for kind in ("task", "note"):
        for oid in by_target.get(kind, {}):
            if parents.get(oid) and parents[oid] not in contacts_alive:
                out.orphans.append(f"{oid}: contact {parents[oid]} is gone")
    out.custom_fields_missing = _custom_fields_missing(con, listed["contact"])
    build(con, prepared.doc, prepared.specs)
    out.accounting = summarise(con)
    out.identity = check(con, {k: listed[k] for k in ("contact", "company", "opportunity")})
    out.duplicates = [
        f"{oid} → {hl_id} (values not written: review the duplicate)"
        for oid, hl_id in con.execute(
            """SELECT op_id, hl_id FROM exec.ledger WHERE status = 'done' AND outcome = 'existing'
            QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1 ORDER BY op_id"""
        ).fetchall()
    ]
    return out


def _custom_fields_missing(con: duckdb.DuckDBPyConnection, contacts: dict[str, Any]) -> dict[str, int]:
    """Custom field id -> contacts we sent a value for that HighLevel does not hold."""
    rows = con.execute(
        """SELECT hl_id, sent FROM exec.ledger WHERE object = 'contact' AND status = 'done'
        AND action IN ('create', 'update') AND outcome <> 'existing' AND sent IS NOT NULL"""
    ).fetchall()
    missing: dict[str, int] = defaultdict(int)
    for hl_id, sent in rows:
        held = {
            c.get("id"): c.get("value", c.get("field_value"))
            for c in (contacts.get(hl_id) or {}).get("customFields") or []
        }
        if hl_id not in contacts:
            continue
        for item in json.loads(sent).get("customFields") or []:
            if item.get("field_value") not in (None, "") and held.get(item.get("id")) in (None, ""):
                missing[str(item.get("id"))] += 1
    return dict(missing)
