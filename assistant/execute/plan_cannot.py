"""What the plan lists as not migrating as it is: objects no record carries, rows held back or carrying
nothing, values that fail their transform, and each fallback that carries rows another way (notes)."""

from __future__ import annotations

import duckdb

from assistant.execute import document_contacts as as_note
from assistant.execute import duplicate_opportunities as kept
from assistant.execute import flat_documents, later_children, refused_notes
from assistant.execute import history_notes as history
from assistant.execute.conditions import unreadable
from assistant.execute.document_business import plan_lines as business_lines
from assistant.execute.document_contacts import plan_lines as document_note_lines
from assistant.execute.document_details import plan_lines as details_lines
from assistant.execute.history_notes import plan_lines as history_note_lines
from assistant.execute.lines import is_line_spec
from assistant.execute.long_text_plan import long_text_lines
from assistant.execute.lost_reasons import lost_reason_lines
from assistant.execute.option_gaps import option_gaps
from assistant.execute.prepare import Prepared
from assistant.execute.raw_source import raw_columns
from assistant.execute.refused_values import plan_line
from assistant.execute.same_name_companies import folded_rows
from assistant.execute.specs import DOCUMENT_KINDS, RECORD_TARGETS
from assistant.highlevel.state import DestinationState
from assistant.mapping.models import Status

NOT_RECORDS = {
    "user": "users are matched to existing HighLevel users (owners), never created",
    "pipeline": "pipelines are read-only in API v2: stages must exist before the run",
    "product": "lines whose document is unknown (no parent object) are not carried",
    "file": "files need the source documents on disk; mapped file fields travel as links",
    "tag": "tags travel on the records that carry them",
    "custom_field": "custom fields are created in the schema pass",
    "no_equivalent": "no HighLevel equivalent: listed in the workflow rebuild reference",
}


def cannot_lines(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, dest: DestinationState | None
) -> list[str]:
    """Every line of the plan's 'cannot migrate as it is' list, in the order the plan prints them."""
    out = cannot_migrate(con, prepared) + duplicate_opportunities(con, prepared, dest)
    out += lost_reason_lines(con, prepared.specs, dest) + extra_values_lines(prepared)
    out += refused_notes.plan_lines(prepared.refused_notes)
    out += later_children.plan_lines(prepared.later_children)
    out += details_lines(prepared.details_found) + business_lines(prepared.billed_to_business)
    out += document_note_lines(prepared.documents_as_notes) + prepared.tax_flags
    out += history_note_lines(prepared.history_as_notes)
    out += prepared.parked  # orphans carried to the holding contact
    return out


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
            skipped = c.source_rows - c.records - held - _taken(con, c.spec.target, c.spec.source_object)
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
            out.append(f"stage {st.source_label}: no stage decided")
    return out


# kinds that take over some rows of another (a later duplicate opportunity sent as a note on its contact)
_TAKERS = {
    kept.REPLACES: kept.KIND,
    "invoice": as_note.KIND,
    "estimate": as_note.KIND,
    "message": history.KIND,
}


def _taken(con: duckdb.DuckDBPyConnection, target: str, source_object: str) -> int:
    """Rows that carry their values another way: taken over by another kind, a company folded into
    the one an earlier row of the same name made, or a line of a document an earlier row made."""
    if target == "company":
        return folded_rows(con, source_object)
    row = con.execute(
        """SELECT count(DISTINCT "row") FROM exec.records WHERE target = ? AND source_object = ?""",
        [_TAKERS.get(target, ""), source_object],
    ).fetchone()
    lines = flat_documents.folded_rows(con, source_object) if target in DOCUMENT_KINDS else 0
    return (int(row[0]) if row else 0) + lines


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
    """Where the phones and emails after a cell's first go, and values HighLevel would refuse: a note."""
    out = []
    for c in prepared.extra_values:
        further = " and ".join(f"{n} further {f} value{'s' * (n != 1)}" for f, n in c.values.items() if n)
        if further:
            out.append(
                f"{c.spec.source_object}: {further} of {c.several} contacts (cells holding several) travel "
                f"as a note on each contact ({c.spec.name} in the plan); the standard field keeps the first"
            )
        if c.refused:
            where = "lines of a note on their contact"
            out.append(plan_line(c.spec.source_object, c.refused, "", where, c.spec.name))
    return out
