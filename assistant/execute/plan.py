"""The plan: what ``apply`` will do, in which order, how many requests and how long the limit makes it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

import duckdb

from assistant.execute import later_children
from assistant.execute.calls import Call, Ids, build_call
from assistant.execute.compile import raw_columns
from assistant.execute.conditions import unreadable
from assistant.execute.document_contacts import plan_lines as document_note_lines
from assistant.execute.document_details import plan_lines as details_lines
from assistant.execute.document_records import document_call, planned_mismatches
from assistant.execute.history_notes import plan_lines as history_note_lines
from assistant.execute.history_setup import message_count
from assistant.execute.history_setup import preview_call as message_preview
from assistant.execute.lines import is_line_spec
from assistant.execute.long_text_plan import long_text_lines
from assistant.execute.lookalikes import lookalike_lines
from assistant.execute.lost_reasons import lost_reason_lines
from assistant.execute.option_gaps import option_gaps
from assistant.execute.plan_losses import PlanLosses, plan_losses
from assistant.execute.prepare import Prepared
from assistant.execute.products import price_body
from assistant.execute.runner import records
from assistant.execute.schema import schema_work
from assistant.execute.specs import DOCUMENT_KINDS, RECORD_TARGETS, RecordSpec
from assistant.highlevel.state import DestinationState
from assistant.mapping.models import Cardinality, Status, TransformKind

NOT_RECORDS = {
    "user": "users are matched to existing HighLevel users (owners), never created",
    "pipeline": "pipelines are read-only in API v2: stages must exist before the run",
    "product": "lines whose document is unknown (no parent object) are not carried",
    "file": "files need the source documents on disk; mapped file fields travel as links",
    "tag": "tags travel on the records that carry them",
    "custom_field": "custom fields are created in the schema pass",
    "no_equivalent": "no HighLevel equivalent: listed in the workflow rebuild reference",
}


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
    plan.cannot = cannot_migrate(con, prepared) + duplicate_opportunities(con, prepared, dest)
    plan.cannot += lost_reason_lines(con, prepared.specs, dest) + extra_values_lines(prepared)
    plan.cannot += later_children.plan_lines(prepared.later_children)
    plan.cannot += details_lines(prepared.details_found) + document_note_lines(prepared.documents_as_notes)
    plan.cannot += history_note_lines(prepared.history_as_notes)
    plan.lookalikes = lookalike_lines(con)
    plan.compatibility = compatibility(prepared, plan)
    plan.losses = plan_losses(con, prepared)
    plan.mismatches = [m.describe() for m in planned_mismatches(con, currency)]
    return plan


def _per_record(spec: RecordSpec) -> int:
    """A native document is looked up by its number before its create (a re-run never doubles it)."""
    return 2 if spec.target in DOCUMENT_KINDS else 1


def _link_requests(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> int:
    row = con.execute(
        """SELECT count(DISTINCT c.source_key) FROM exec.records p JOIN exec.records c
        ON c.target = 'company' AND c.source_key = json_extract_string(p."values", '$."ref:companyId"')
        WHERE p.target = 'contact'"""
    ).fetchone()
    return int(row[0]) if row else 0


def cannot_migrate(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> list[str]:
    out: list[str] = []
    for om in prepared.doc.objects:
        if om.status == Status.REJECTED:
            out.append(f"{om.source_object}: rejected in review ({om.row_count} rows stay in the source)")
            continue
        for target in om.targets:
            if target.role == "line_items" and target.object.value in DOCUMENT_KINDS:
                continue  # the lines of a native invoice or estimate: sent inside their document
            if target.role == "line_items" and om.parent_object:
                out.append(
                    f"{om.source_object} → line items: HighLevel opportunities hold no line items, so each "
                    f"{om.parent_object} record's lines travel as one readable note on its contact "
                    f"(note:{om.source_object} in the plan)"
                )
            elif target.role == "line_items" or target.object.value not in RECORD_TARGETS:
                out.append(
                    f"{om.source_object} → {target.object.value}: {NOT_RECORDS.get(target.object.value, '')}"
                )
    for c in prepared.compiled:
        odd = unreadable(c.spec, raw_columns(con, c.spec.source_object))
        out += [odd] if odd else []
        if c.source_rows > c.records and not c.spec.merge_into and not is_line_spec(c.spec):
            held = _held(con, c.spec.target, c.spec.source_object)
            skipped = c.source_rows - c.records - held
            only = (
                f" (only rows where {c.spec.object_target.condition})"
                if c.spec.object_target.condition
                else ""
            )
            if skipped > 0:
                out.append(f"{c.spec.name}: {skipped} source rows carry nothing for it{only} (none created)")
    out += option_gaps(con) + long_text_lines(con, prepared) + transform_lines(con)
    for st in prepared.doc.stages:
        if st.confirmed and (st.flagged or not st.stage_id):
            out.append(f"stage {st.source_object}.{st.source_column}={st.source_value}: no stage decided")
    return out


def _held(con: duckdb.DuckDBPyConnection, target: str, source_object: str) -> int:
    row = con.execute(
        """SELECT count(DISTINCT source_key) FROM exec.transform_errors
        WHERE held AND target = ? AND source_object = ? AND field_id <> 'ref:contactId'""",
        [target, source_object],
    ).fetchone()
    return int(row[0]) if row else 0


def transform_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Records held back (one line per object and reason), then values sent without (one per field)."""
    held = con.execute(
        """SELECT target, source_object, count(DISTINCT source_key), min(error), count(DISTINCT error)
        FROM exec.transform_errors WHERE held GROUP BY target, source_object, field ORDER BY ALL"""
    ).fetchall()
    out = [
        f"{t}:{s}: {n} records — {first}"
        + (f" ({kinds} different values; all in exec.transform_errors)" if kinds > 1 else "")
        for t, s, n, first, kinds in held
    ]
    failed = con.execute(
        """SELECT target, source_object, field, count(*), list(DISTINCT error ORDER BY error)[1:3]
        FROM exec.transform_errors WHERE NOT held GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    out += [
        f"{t}:{s} field {f}: {n} values failed their transform, e.g. {' · '.join(map(str, examples))}; "
        "their records go without them (each value and why in exec.transform_errors)"
        for t, s, f, n, examples in failed
    ]
    return out


def duplicate_opportunities(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, dest: DestinationState | None
) -> list[str]:
    """Which policy carries several opportunities of one contact in one pipeline, stated in the plan."""
    if prepared.duplicates_kept:
        return [
            f"opportunities: {prepared.duplicates_kept} share a contact and pipeline with an earlier one; "
            "the location does not allow duplicate opportunities (snapshot: allowDuplicateOpportunity "
            "false), so each is kept as a note on its contact (the note rows of the opportunity tables "
            "above); to send them as opportunities, allow duplicates in the location settings and pull "
            "the snapshot again"
        ]
    if dest is None:
        return ["opportunities: no destination snapshot, so the location's duplicate-opportunity setting is "
                "unknown; run `hlmap target pull` before applying"]  # fmt: skip
    return []


def extra_values_lines(prepared: Prepared) -> list[str]:
    """Where the phones and emails after a cell's first go: HighLevel's contact holds one of each."""
    return [
        f"{c.spec.source_object}: "
        + " and ".join(f"{n} further {field} value{'s' * (n != 1)}" for field, n in c.values.items() if n)
        + f" of {c.notes} contacts (cells holding several) travel as a note on each contact "
        f"({c.spec.name} in the plan); the standard field keeps the first"
        for c in prepared.extra_values
    ]


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


class _Placeholders(dict[str, str]):
    """Ids of records that do not exist yet, shown as readable placeholders in a preview."""

    def get(self, key: str, default: Any = None) -> str:
        return f"<id of {key}>"


def preview(con: duckdb.DuckDBPyConnection, prepared: Prepared, location_id: str, count: int) -> list[Call]:
    """The first ``count`` record requests, exactly as they will be sent (ids not yet known shown as <…>)."""
    ids = Ids(records=_Placeholders(), calendar_id="<default calendar>")
    keys = {f.field_key for f in prepared.doc.custom_fields()}
    ids.fields = {k: f"<id of custom field {k}>" for k in keys}
    calls: list[Call] = []
    per = max(1, count // max(1, len(prepared.specs)))
    for spec in prepared.specs:
        for key, values, _ in records(con, spec, None):
            if spec.target in DOCUMENT_KINDS:
                calls.append(document_call(spec, key, values, "USD"))
            elif spec.target == "message":
                calls.append(message_preview(spec, values, None))
            else:
                calls.append(build_call(spec, values, ids, location_id))
            if sum(1 for c in calls if c.target == spec.target) >= per:
                break
    return calls[:count]


def call_text(call: Call) -> str:
    head = f"{call.method} {call.path}\nAuthorization: Bearer ****\n"
    text = head + json.dumps(call.body, indent=2, ensure_ascii=False)
    price = price_body(call, "<location currency>") if call.target == "product" else None
    if price is not None:  # the product's price follows its create
        text += "\nPOST /products/<id of this product>/price\n" + json.dumps(
            price, indent=2, ensure_ascii=False
        )
    return text
