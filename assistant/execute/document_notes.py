"""A document's values as one note on its contact, instead of fields a later document overwrites.

When the proposer finds contacts with several documents (invoices, say), writing each document's
number, total and status onto contact fields would keep only the last one's. Role
``document_note`` keeps them all: every document becomes one note on its contact, a readable line
per mapped value ("Invoice total: 906.05"), headed by the document's table and key.
"""

from __future__ import annotations

from assistant.execute.specs import RecordSpec, field_key
from assistant.transforms.kinds import Output
from assistant.transforms.sqltext import lit

NOTE_ROLE = "document_note"


def is_document_note(spec: RecordSpec) -> bool:
    return spec.object_target.role == NOTE_ROLE


def labels(spec: RecordSpec) -> dict[str, str]:
    """Record key -> the label its value carries in the note (the custom field's name, else the field)."""
    out: dict[str, str] = {}
    for fm in spec.fields:
        spec_field = fm.target.custom_field
        out.setdefault(field_key(fm), spec_field.name if spec_field else (fm.target.field or fm.id))
    return out


def as_note(by_key: dict[str, list[Output]], spec: RecordSpec, key_sql: str) -> dict[str, list[Output]]:
    """Fold every value of the document into one ``body``; references stay as they are."""
    named = labels(spec)
    refs = {r.key for r in spec.refs}
    kept = {k: outs for k, outs in by_key.items() if k in refs}
    lines = [_line(named.get(k, k), outs[0]) for k, outs in by_key.items() if k not in refs and outs]
    if not lines:
        return kept
    head = f"{lit(spec.source_object + ' ')} || {key_sql}"
    values = ", ".join(lines)
    body = f"CASE WHEN concat_ws('', {values}) <> '' THEN concat_ws(chr(10), {head}, {values}) END"
    kept["body"] = [Output("body", body)]
    return kept


def _line(label: str, out: Output) -> str:
    return (
        f"CASE WHEN ({out.value}) IS NOT NULL THEN {lit(label + ': ')} || CAST(({out.value}) AS VARCHAR) END"
    )
