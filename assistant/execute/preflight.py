"""The pre-flight checklist: what the engineer settles in HighLevel before records land in a live location.

Creating records fires the location's workflows ("Contact Created", "Opportunity Created" …), may
text or email people, meets the duplicate rules and counts against custom object limits. None of
that can be switched off through the API, so ``plan`` lists it and ``apply`` waits for a yes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import duckdb

from assistant.execute.object_schemas import plan_line
from assistant.execute.pipeline_setup import missing_pipelines, setup_item
from assistant.execute.prepare import Prepared
from assistant.execute.unmade_fields import checklist_item as unmade_item
from assistant.highlevel.state import DestinationState

# HighLevel workflow triggers that fire when records of each kind are created or changed.
TRIGGERS = {
    "contact": ("Contact Created", "Contact Changed", "Contact Tag"),
    "opportunity": ("Opportunity Created", "Pipeline Stage Changed", "Opportunity Status Changed"),
    "appointment": ("Customer Booked Appointment", "Appointment Status"),
    "task": ("Task Added",),
    "note": ("Note Added",),
    "custom_object": ("Custom Object Created",),
}


@dataclass
class Checklist:
    items: list[str]

    @property
    def digest(self) -> str:
        """Identifies the list's items: an acknowledgement holds until they change (counts aside, so a
        delta with a few new records needs no new acknowledgement)."""
        text = re.sub(r"\d+", "#", "\n".join(self.items))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _count(con: duckdb.DuckDBPyConnection, target: str, key: str | None = None) -> int:
    where = f"""AND json_extract_string("values", '$.{key}') <> ''""" if key else ""
    row = con.execute(f"SELECT count(*) FROM exec.records WHERE target = ? {where}", [target]).fetchone()
    return int(row[0]) if row else 0


def build_checklist(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, dest: DestinationState | None
) -> Checklist:
    kinds = sorted({s.hl_object for s in prepared.specs if s.hl_object in TRIGGERS})
    triggers = [t for kind in kinds for t in TRIGGERS[kind]]
    items = [
        "Workflows: set every workflow triggered by "
        + ", ".join(triggers)
        + " to Draft until reconciliation is clean"
        + " (creating records fires them and the API cannot pause them)"
    ]
    phones, emails = _count(con, "contact", "phone"), _count(con, "contact", "email")
    if phones or emails:
        items.append(
            f"Messaging: {phones} contacts carry a phone and {emails} an email; a workflow left on would "
            "text or email them. If the location sends SMS, check its A2P 10DLC brand and campaign and its "
            "phone numbers before turning workflows back on"
        )
    choices = [f"{o.source_object}: {(o.on_duplicate or 'skip')}" for o in prepared.doc.objects if o.confirmed
               and any(t.object.value == "contact" for t in o.targets)]  # fmt: skip
    items.append(_duplicates(con, dest) + (f" (choices — {', '.join(choices)})" if choices else ""))
    pipelines = setup_item(missing_pipelines(con, prepared.doc))
    if pipelines:
        items.append(pipelines)
    custom = sorted({s.custom_object_key or "" for s in prepared.specs if s.hl_object == "custom_object"})
    if custom:
        items.append(plan_line(custom, dest, _count(con, "custom_object")))
    if prepared.history_item:
        items.append(prepared.history_item)
    if unmade := unmade_item(con):
        items.append(unmade)
    return Checklist(items)


def _duplicates(con: duckdb.DuckDBPyConnection, dest: DestinationState | None) -> str:
    row = con.execute(
        """SELECT count(*) FROM (SELECT lower(json_extract_string("values", '$.email')) AS e
        FROM exec.records WHERE target = 'contact' AND e <> '' GROUP BY e HAVING count(*) > 1)"""
    ).fetchone()
    shared = int(row[0]) if row else 0
    if dest is None:
        setting = "destination not pulled: read Settings → Business Profile → Allow Duplicate Contact"
    else:
        allowed = dest.location.settings
        setting = (
            f"allow duplicate contacts: {'on' if allowed.allowDuplicateContact else 'off'}, "
            f"duplicate opportunities: {'on' if allowed.allowDuplicateOpportunity else 'off'}"
        )
    return (
        f"Duplicates: {setting}; {shared} source emails are shared by more than one contact, and source "
        "contacts matching an existing contact follow the object's duplicate choice"
    )
