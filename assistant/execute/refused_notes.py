"""A deal's, task's, document's or company's values its HighLevel fields would refuse, as one note on
a contact.

HighLevel notes belong to contacts, so the values an opportunity's phone field or a task's date
would drop travel on the contact the record links to (a company's, on the first contact linked to
it): one note per source row, naming the record ("Opportunity 'Website redesign' (crm_lead row
12)") and each value with its reason (see ``refused_values``). A record no contact is linked to
keeps its refused values as lost, and the run says so (``accounting.values_lost``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.refused_values import (
    FOOTER,
    Refused,
    carried,
    count_by_field,
    plan_line,
    refused_values,
)
from assistant.execute.specs import RecordSpec, Ref
from assistant.transforms.sqltext import lit

KIND = "refused_values"  # a record kind of its own: the table's other notes keep their keys
ROLE = "refused_values"
_LINKED = frozenset({"company", "opportunity", "task", "appointment", "invoice", "estimate", "custom_object"})


@dataclass(frozen=True)
class RefusedNotes:
    spec: RecordSpec  # the note spec that sends them
    notes: int
    refused: dict[str, int] = field(default_factory=dict)  # field -> values carried
    record: str = ""  # the kind of record whose values they are


def carry_refused_notes(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> list[RefusedNotes]:
    """One note per source row of a contact-linked record with refused values; what each table carries."""
    out: list[RefusedNotes] = []
    taken: set[str] = set()  # one note kind per source table: its op ids are the rows' keys
    for spec in specs:
        link, contact = _contact_of(spec, specs)
        if spec.target not in _LINKED or spec.merge_into or link is None or spec.source_object in taken:
            continue
        refused = refused_values(con, spec, contact)
        if not refused:
            continue
        taken.add(spec.source_object)
        by_row: dict[int, list[Refused]] = {}
        for value in refused:
            by_row.setdefault(value.row, []).append(value)
        records = [_note(spec, values) for _, values in sorted(by_row.items())]
        con.executemany(INSERT_RECORD, records)
        carried(con, spec, KIND)
        note = notes_spec(spec, KIND, ROLE, [link])
        out.append(RefusedNotes(note, len(records), count_by_field(refused), spec.target))
    return out


def _contact_of(spec: RecordSpec, specs: list[RecordSpec]) -> tuple[Ref | None, str | None]:
    """The contact a record's note goes on: its own contact link; for a company (HighLevel companies
    hold no notes), the first contact linked to it (SQL of that contact's key from the record ``r``)."""
    if spec.target != "company":
        return next((r for r in spec.refs if r.key == "contactId"), None), None
    for people in specs:
        ref = next((r for r in people.refs if r.key == "companyId"), None)
        if people.target == "contact" and ref is not None and ref.source_object == spec.source_object:
            first = f"""(SELECT min(c.source_key) FROM exec.records c WHERE c.target = 'contact'
                AND c.source_object = {lit(people.source_object)}
                AND json_extract_string(c."values", '$."ref:companyId"') = r.source_key)"""
            return Ref("contactId", "contact", people.source_object), first
    return None, None


def _note(spec: RecordSpec, values: list[Refused]) -> tuple[str, str, object, object, int, str, str]:
    first = values[0]
    which = f"'{first.name}' " if first.name else ""
    head = f"{spec.target.capitalize()} {which}({spec.source_object} row {first.row}):"
    body = "\n".join([head, *(v.line for v in values), FOOTER])
    return note_record(KIND, spec.source_object, first.key, first.row, body, first.contact)


def plan_lines(carried_notes: list[RefusedNotes]) -> list[str]:
    """Where the refused values of contact-linked records go, per table."""
    out = []
    for c in carried_notes:
        where = "a note on the record's contact"
        out.append(plan_line(c.spec.source_object, c.refused, f"{c.record} ", where, c.spec.name))
    return out
