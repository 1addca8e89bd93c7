"""The plan: what ``apply`` will do, in which order, how many requests and how long the limit makes it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import duckdb

from assistant.execute.blank_links import blank_link_lines
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.document_records import planned_mismatches
from assistant.execute.history_setup import message_count
from assistant.execute.lookalikes import lookalike_lines
from assistant.execute.plan_cannot import cannot_lines
from assistant.execute.plan_losses import PlanLosses, plan_losses
from assistant.execute.prepare import Prepared
from assistant.execute.schema import schema_work
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec
from assistant.execute.table_stages import plan_lines as table_stage_lines
from assistant.execute.transforms.several_keys import several_keys_lines
from assistant.highlevel.state import DestinationState
from assistant.mapping.models import Cardinality, TransformKind


@dataclass
class ObjectLine:
    name: str
    records: int
    requests: int
    source_rows: int
    errors: int


@dataclass
class Plan:
    schema_requests: int
    tags_to_create: int
    fields_to_create: int
    lines: list[ObjectLine]
    link_requests: int
    cannot: list[str] = field(default_factory=list)
    lookalikes: list[str] = field(default_factory=list)  # alike source records and the policy for them
    blank_links: list[str] = field(default_factory=list)  # links read another way: own e-mail, first key
    table_stages: list[str] = field(default_factory=list)  # deals at a decided stage: no column places them
    compatibility: dict[str, Any] = field(default_factory=dict)
    losses: PlanLosses = field(default_factory=PlanLosses)
    mismatches: list[str] = field(default_factory=list)  # documents whose lines miss their stated total

    @property
    def total_requests(self) -> int:
        return self.schema_requests + self.link_requests + sum(line.requests for line in self.lines)

    def seconds(self, per_window: int, window: float) -> float:
        return self.total_requests * window / per_window


def build_plan(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, dest: DestinationState | None, currency: str = "USD"
) -> Plan:
    """``currency``: of documents whose source names none (as apply sends them)."""
    work = schema_work(con, prepared.doc)
    have_fields = (
        {f.fieldKey for f in dest.customFields} | {f.name for f in dest.customFields} if dest else set()
    )
    have_tags = {t.name.lower() for t in dest.tags} if dest else set()
    fields_new = [
        f
        for f in work.fields
        if not f.existing_id and f.field_key not in have_fields and f.name not in have_fields
    ]
    tags_new = [t for t in work.tags if t.lower() not in have_tags]
    lines = [
        ObjectLine(f"{c.spec.name} → merged into {c.spec.merge_into}", c.records, 0, c.source_rows, c.errors)
        if c.spec.merge_into
        else ObjectLine(c.spec.name, c.records, c.records * _per_record(c.spec), c.source_rows, c.errors)
        for c in prepared.compiled
    ]
    links = _link_requests(con, prepared)
    conversations = 2 * message_count(con)[1]  # a conversation per contact: searched, then created
    first = next((i for i, x in enumerate(lines) if x.name.startswith("message:")), None)
    if first is not None:
        lines[first] = replace(lines[first], requests=lines[first].requests + conversations)
    plan = Plan(len(fields_new) + len(tags_new), len(tags_new), len(fields_new), lines, links)
    plan.cannot = cannot_lines(con, prepared, dest)
    plan.lookalikes = lookalike_lines(con)
    plan.blank_links = blank_link_lines(con, prepared.doc) + several_keys_lines(con, prepared.doc)
    plan.table_stages = table_stage_lines(con, prepared.doc)
    plan.compatibility = compatibility(prepared, plan)
    plan.losses = plan_losses(con, prepared)
    plan.mismatches = [m.describe() for m in planned_mismatches(con, currency)]
    return plan


def _per_record(spec: RecordSpec) -> int:
    """A native document is looked up by its number before its create (a re-run never doubles it); a deal
    row's tags read their contact's tags before adding the ones it lacks (at most two, then)."""
    return 2 if spec.target in DOCUMENT_KINDS or spec.target == DEAL_TAGS else 1


def _link_requests(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> int:
    row = con.execute(
        """SELECT count(DISTINCT c.source_key) FROM exec.records p JOIN exec.records c
        ON c.target = 'company' AND c.source_key = json_extract_string(p."values", '$."ref:companyId"')
        WHERE p.target = 'contact'"""
    ).fetchone()
    return int(row[0]) if row else 0


def compatibility(prepared: Prepared, plan: Plan) -> dict[str, Any]:
    """As the seeds grade a migration: objects landing 1:1 vs needing a mapping, a grade, the run time."""
    confirmed = [o for o in prepared.doc.objects if o.confirmed]
    needs = sorted(
        o.source_object for o in confirmed if o.cardinality != Cardinality.ONE_TO_ONE or len(o.targets) > 1
    )
    transformed = sorted(
        {
            fm.source_object
            for fm in prepared.doc.fields
            if fm.confirmed and fm.transform.kind != TransformKind.COPY
        }
    )
    hours = plan.seconds(100, 10.0) / 3600
    custom_objects = any(t.custom_object_key for o in confirmed for t in o.targets)
    if not needs and hours < 1:
        grade = "A Simple"
    elif custom_objects or hours > 24 or len(needs) > len(confirmed) / 2:
        grade = "C Complex"
    else:
        grade = "B Standard"
    return {
        "objects": len(confirmed),
        "one_to_one": len(confirmed) - len(needs),
        "need_transformation": needs,
        "value_transforms": transformed,
        "grade": grade,
        "run_hours_at_limit": round(hours, 2),
    }
