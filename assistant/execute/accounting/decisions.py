"""The human decision each source table moved under: its object map, who decided it and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from assistant.execute.specs import RECORD_TARGETS
from assistant.mapping.items import MappingDocument, ObjectMap
from assistant.mapping.models import Status

WHY_NOT_RECORDS = {
    "user": "users are matched to existing HighLevel users as owners, never created",
    "pipeline": "pipelines are read-only in API v2: the stages must exist before the run",
    "tag": "tags travel on the records that carry them",
    "custom_field": "custom field definitions become HighLevel custom fields in the schema pass",
    "no_equivalent": "no HighLevel equivalent: listed in the workflow rebuild reference",
    "product": "lines whose document is unknown are not carried",
    "file": "files need a parent record to attach to",
}


@dataclass(frozen=True)
class TableDecision:
    table: str
    decision: str | None  # the mapping item id, None when no decision covers the table
    decided_by: str | None
    decided_at: datetime | None
    excluded: str | None  # why the decision carries none of the table's rows; None: it carries them


def table_decisions(doc: MappingDocument, tables: list[str]) -> dict[str, TableDecision]:
    by_table = {om.source_object: om for om in doc.objects}
    return {t: _decision(doc, t, by_table.get(t)) for t in tables}


def _decision(doc: MappingDocument, table: str, om: ObjectMap | None) -> TableDecision:
    if om is None or om.status == Status.PROPOSED:
        return TableDecision(table, om.id if om else None, None, None, None)
    who = om.decided_by or doc.confirmed_by
    when = om.decided_at or doc.confirmed_at
    if om.status == Status.REJECTED:
        return TableDecision(table, om.id, who, when, "object map rejected in review")
    carried = [t for t in om.targets if _makes_records(om, t.object.value, t.role)]
    if carried:
        return TableDecision(table, om.id, who, when, None)
    why = "; ".join(sorted({WHY_NOT_RECORDS.get(t.object.value, t.object.value) for t in om.targets}))
    return TableDecision(table, om.id, who, when, f"mapped to {_targets(om)}: {why}")


def _makes_records(om: ObjectMap, kind: str, role: str | None) -> bool:
    if role == "line_items":
        return om.parent_object is not None
    return kind in RECORD_TARGETS or role == "document_fields"


def _targets(om: ObjectMap) -> str:
    return " + ".join(t.object.value for t in om.targets)
