"""Invoices and estimates whose contact HighLevel would not accept travel as a note on that contact.

HighLevel's create-invoice and create-estimate answer 422 when ``contactDetails.email`` or
``contactDetails.phoneNo`` is empty, though the published docs mark them optional
(GoHighLevel/highlevel-api-docs#16). Such a document is not sent to fail, nor held back: it goes
the way per-document values go (role ``document_note``), one note on its contact carrying its
number, dates, status, total and lines. Its lines are already inside its record (they are compiled
before this runs). Once the source contact has an email and a phone, a re-run makes it native.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from assistant.execute.document_records import document_of
from assistant.execute.documents import Customer
from assistant.execute.lines import is_line_spec
from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec, Ref
from assistant.transforms.sqltext import lit

KIND = "document_as_note"  # a record kind of its own: the table's other notes keep their keys
ROLE = "document_as_note"
POLICY = "document-as-note-without-contact-details"
WHY = (
    "HighLevel refuses an invoice or estimate whose contact has no email or phone "
    "(contactDetails.email, contactDetails.phoneNo): landed as a note on its contact with its number, "
    "dates, status, total and lines"
)


@dataclass(frozen=True)
class AsNotes:
    spec: RecordSpec  # the note spec that sends them
    replaces: str  # the document kind they would have been (invoice, estimate)
    notes: int
    total: float  # sum of the documents' totals
    which: tuple[str, ...] = ()  # "F202400012 (contact clients:1104 has no phone)", one per document


def carry_documents_as_notes(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> list[AsNotes]:
    """Turn every document whose contact lacks an email or a phone into a note on that contact."""
    out: list[AsNotes] = []
    for spec in specs:
        ref = next((r for r in spec.refs if r.key == "contactId"), None)
        if spec.target not in DOCUMENT_KINDS or is_line_spec(spec) or spec.merge_into or ref is None:
            continue
        rows = con.execute(_without_details(spec, ref)).fetchall()
        if not rows:
            continue
        note_spec, total, which = _note_spec(spec, ref), 0.0, []
        for key, row, raw, missing, contact_table in rows:
            values = json.loads(raw)
            doc = document_of(spec.target, spec.source_object, key, values, Customer(""), "")
            total += doc.total
            contact = f"{contact_table}:{values.get('ref:contactId')}"
            which.append(f"{doc.number} (contact {contact} has no {missing})")
            body = note_body(spec.target, values, str(missing))
            con.execute(
                "DELETE FROM exec.records WHERE target = ? AND source_object = ? AND source_key = ?",
                [spec.target, spec.source_object, key],
            )
            con.execute(
                INSERT_RECORD, note_record(KIND, spec.source_object, key, row, body, values["ref:contactId"])
            )
        out.append(AsNotes(note_spec, spec.target, len(rows), round(total, 2), tuple(which)))
    return out


def _without_details(spec: RecordSpec, ref: Ref) -> str:
    """(key, row, values, what the contact lacks, its table) of the documents HighLevel would refuse."""
    # a billing email or phone found elsewhere in the export (``document_details``) fills the gap
    email = """coalesce(json_extract_string(c."values", '$.email'),
        json_extract_string(d."values", '$.contactEmail'), '') = ''"""
    phone = """coalesce(json_extract_string(c."values", '$.phone'),
        json_extract_string(d."values", '$.contactPhone'), '') = ''"""
    # The contact is the named table's record, else the only record of that object with the key
    # (an estimate of a prospect rather than a client), as the run resolves it.
    target, named, key = (
        lit(ref.target),
        lit(ref.source_object),
        'json_extract_string(d."values", \'$."ref:contactId"\')',
    )
    return f"""SELECT d.source_key, d."row", d."values",
        concat_ws(' and ', CASE WHEN {email} THEN 'email' END, CASE WHEN {phone} THEN 'phone' END),
        c.source_object FROM exec.records d
        JOIN exec.records c ON c.target = {target} AND c.source_key = {key}
        AND (c.source_object = {named} OR (
            NOT EXISTS (SELECT 1 FROM exec.records e WHERE e.target = {target}
                AND e.source_object = {named} AND e.source_key = {key})
            AND (SELECT count(*) FROM exec.records f WHERE f.target = {target} AND f.source_key = {key}) = 1))
        WHERE d.target = {lit(spec.target)} AND d.source_object = {lit(spec.source_object)}
        AND ({email} OR {phone}) ORDER BY d."row" """


def note_body(kind: str, values: dict[str, Any], missing: str) -> str:
    """The document as readable lines: what HighLevel would hold as a native document."""
    doc = document_of(kind, "", "", values, Customer(""), "")
    title = kind.capitalize()
    lines = [f"{title} {doc.number}" + (f" - {doc.title}" if doc.title else "")]
    lines.append(f"Number: {doc.number}")
    if doc.issue_date:
        lines.append(f"Issue date: {doc.issue_date}")
    if doc.due_date:
        lines.append(f"{'Expiry' if kind == 'estimate' else 'Due'} date: {doc.due_date}")
    source_status = values.get("status")
    lines.append(f"Status: {doc.status}" + (f" ({source_status})" if source_status else ""))
    lines.append(f"Total: {doc.total:.2f}" + (f" {doc.currency}" if doc.currency else ""))
    if doc.paid_amount and doc.status != "paid":
        lines.append(f"Paid: {doc.paid_amount:.2f}")
    if doc.lines:
        lines.append("Lines:")
    for line in doc.lines:
        tax = f", tax {line.tax_rate:g}%" if line.tax_rate else ""
        lines.append(f"- {line.name}: {line.quantity or 0:g} x {line.unit_price or 0:.2f}{tax}")
    lines.append(
        f"(kept as a note: its contact has no {missing}; HighLevel refuses such {_article(kind)} {kind})"
    )
    return "\n".join(lines)


def _note_spec(document: RecordSpec, contact: Ref) -> RecordSpec:
    refs = [Ref("contactId", contact.target, contact.source_object, column=contact.column)]
    return notes_spec(document, KIND, ROLE, refs)


def plan_lines(carried: list[AsNotes]) -> list[str]:
    """Where the plan states the fallback, next to the held reason it replaces."""
    return [
        f"{a.spec.source_object}: {a.notes} {a.replaces}{'s' * (a.notes != 1)} go as notes (total "
        f"{a.total:.2f}): their contact has no email or phone, which HighLevel requires on "
        f"{_article(a.replaces)} {a.replaces} (contactDetails.email, contactDetails.phoneNo); add one to "
        f"the contact in the source export and re-run to make them native ({a.spec.name} in the plan): "
        + "; ".join(a.which)
        for a in carried
    ]


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"
