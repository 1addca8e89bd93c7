"""Cells holding several phone numbers or emails: the first fills the standard field, the others a note.

A HighLevel contact has one ``phone`` and one ``email`` (the create body has no list of further
numbers), so the values after a cell's first would be lost. Each contact whose cells hold more gets
one note on it ("Other phone numbers: …"), sent after the contact like any note and counted in the
plan; the values keep the source's spelling.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.specs import RecordSpec, Ref
from assistant.mapping.models import TransformKind
from assistant.transforms.cells import OTHERS_NOT_CARRIED, others_of_several
from assistant.transforms.kinds import Context
from assistant.transforms.sqltext import ident

KIND = "extra_values"  # a record kind of its own: the table's other notes keep their keys
ROLE = "extra_values"
LABELS = {"phone": "Other phone numbers", "email": "Other email addresses"}
KINDS = {"phone": TransformKind.PHONE_E164, "email": TransformKind.EMAIL}


@dataclass(frozen=True)
class Carried:
    spec: RecordSpec  # the note spec that sends them
    notes: int
    values: dict[str, int]  # field -> further values carried


def carry_as_notes(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> list[Carried]:
    """A note per contact whose phone or email cells hold several values; answers what each table carries."""
    out: list[Carried] = []
    for spec in specs:
        if spec.target != "contact" or spec.merge_into:
            continue
        others = _others_sql(spec)
        if not others:
            continue
        values = ", ".join(others.values())
        rows = con.execute(
            f"""SELECT r.source_key, r."row", {values} FROM raw.{ident(spec.source_object)} src
            JOIN exec.records r ON r.target = 'contact' AND r.source_object = ? AND r."row" = src."_row"
            WHERE coalesce({values}) IS NOT NULL ORDER BY r."row" """,
            [spec.source_object],
        ).fetchall()
        if rows:
            out.append(_write(con, spec, list(others), rows))
    return out


def _others_sql(spec: RecordSpec) -> dict[str, str]:
    """Field -> SQL of the values after the first, for the standard phone and email maps of a contact spec."""
    found: dict[str, str] = {}
    for fm in spec.fields:
        name = fm.target.field or ""
        if fm.target.custom_field is None and KINDS.get(name) == fm.transform.kind and name not in found:
            cell = Context(key=name, columns=fm.source_columns, params=fm.transform.params).cell()
            found[name] = others_of_several(cell)
    return found


def _write(
    con: duckdb.DuckDBPyConnection, spec: RecordSpec, fields: list[str], rows: list[tuple[object, ...]]
) -> Carried:
    counts = dict.fromkeys(fields, 0)
    records = []
    for key, row, *values in rows:
        lines = []
        for name, value in zip(fields, values, strict=True):
            if value:
                counts[name] += len(str(value).split(", "))
                lines.append(f"{LABELS[name]}: {value}")
        lines.append(
            f"(from the source; HighLevel's {' and '.join(fields)} field holds the first of each cell)"
        )
        records.append(note_record(KIND, spec.source_object, key, row, "\n".join(lines), key))
    con.executemany(INSERT_RECORD, records)
    con.execute(  # carried now: no longer a value the run leaves behind
        """DELETE FROM exec.transform_errors WHERE source_object = ? AND target = 'contact' AND NOT held
        AND starts_with(error, ?)
        AND "row" IN (SELECT "row" FROM exec.records WHERE target = ? AND source_object = ?)""",
        [spec.source_object, OTHERS_NOT_CARRIED, KIND, spec.source_object],
    )
    note = notes_spec(spec, KIND, ROLE, [Ref("contactId", "contact", spec.source_object)])
    return Carried(note, len(records), counts)
