"""Which source rows an object target takes: its ``condition``, read as SQL over the raw row.

The proposer writes a split's condition as ``'<column>' is present`` (a client row also makes a
company when its legal-name column holds a value). That form, and the looser ``<column> present``
/ ``<column> is present`` people type in review, become "the column is non-blank". A company of
record whose name only repeats the person's own name (a sole trader's legal name) is that person,
not a company, so such rows make no company either. A table whose rows are of two kinds (a
contacts export marking each row a company or a person) splits on a value:
``'<column>' is '<value>'`` takes the rows holding it, ``'<column>' is not '<value>'`` the others
(blank ones too), compared without case or surrounding spaces. Any other condition text is not
guessed at: the plan lists it and the target takes every row.
"""

from __future__ import annotations

import re

from assistant.execute.specs import RecordSpec
from assistant.mapping.conditions import value_condition
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import TargetObject
from assistant.transforms.sqltext import cleaned, lit

PRESENT = re.compile(r"^\s*(?:'(?P<quoted>[^']+)'|(?P<bare>[^'\s]+))\s+(?:is\s+)?present\s*$", re.IGNORECASE)
PERSON_FIELDS = frozenset({"firstName", "lastName", "name", "fullName", "contactName"})


def condition_column(condition: str | None, columns: set[str]) -> str | None:
    """The source column a ``'<column>' is present`` (or ``is '<value>'``) condition names, when the
    table has it."""
    valued = value_condition(condition)
    if valued is not None:
        return valued[0] if valued[0] in columns else None
    match = PRESENT.match(condition or "")
    if match is None:
        return None
    column = match.group("quoted") or match.group("bare")
    return column if column in columns else None


def unreadable(spec: RecordSpec, columns: set[str]) -> str | None:
    """The plan's line for a condition the executor cannot apply (None when it can, or there is none)."""
    condition = spec.object_target.condition
    if not condition or spec.object_target.role == "document_fields":  # "the referenced contact": a link
        return None
    if condition_column(condition, columns) is not None:
        return None
    return (
        f"{spec.name}: condition {condition!r} is not of the form \"'<column>' is present\" (or "
        "\"'<column>' is '<value>'\") with a column of the table, so every row is taken"
    )


def row_condition(spec: RecordSpec, doc: MappingDocument, columns: set[str]) -> str:
    """SQL over ``src`` that is true for the rows this target takes."""
    column = condition_column(spec.object_target.condition, columns)
    if column is None:
        return "true"
    valued = value_condition(spec.object_target.condition)
    if valued is not None:  # a row of one kind or the other: the kind column's value says which
        marked = f"coalesce(lower({cleaned(column)}) = {lit(valued[1].strip().lower())}, false)"
        return f"(NOT {marked})" if valued[2] else marked
    value = cleaned(column)
    parts = [f"{value} IS NOT NULL"]
    if spec.target == "company":
        names = _person_columns(spec, doc, columns)
        if names:
            person = " || ' ' || ".join(f"coalesce({cleaned(c)}, '')" for c in names)
            same = [_folded(cleaned(c)) for c in names] + [_folded(person)]
            parts.append(f"{_folded(value)} NOT IN ({', '.join(same)})")
    return "(" + " AND ".join(parts) + ")"


def _folded(sql: str) -> str:
    """Case, accents and spacing set aside, so 'Ana  Ruiz' and 'ana ruiz' compare equal."""
    return f"coalesce(lower(strip_accents(regexp_replace(trim({sql}), '\\s+', ' ', 'g'))), '')"


def _person_columns(spec: RecordSpec, doc: MappingDocument, columns: set[str]) -> list[str]:
    """Columns of the same row that name the person (the contact's name fields), in map order."""
    out: list[str] = []
    for fm in doc.fields:
        if not fm.confirmed or fm.source_object != spec.source_object:
            continue
        if fm.target.object == TargetObject.CONTACT and fm.target.field in PERSON_FIELDS:
            out += [c for c in fm.source_columns if c in columns and c not in out]
    return out
