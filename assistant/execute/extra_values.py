"""A contact's source values its fields cannot hold, as one note on it: further phones and emails, and
values HighLevel would refuse.

A HighLevel contact has one ``phone`` and one ``email`` (the create body has no list of further
numbers), so the values after a cell's first would be lost; so would a value its field refuses (see
``refused_values``). Each contact with either gets one note on it ("Other phone numbers: …"), sent
after the contact like any note and counted in the plan; the values keep the source's spelling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.raw_source import raw_columns
from assistant.execute.refused_values import FOOTER, Refused, carried, count_by_field, refused_values
from assistant.execute.specs import RecordSpec, Ref
from assistant.mapping.models import TransformKind
from assistant.transforms.cells import others_of_several
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
    refused: dict[str, int] = field(default_factory=dict)  # field -> values it would refuse, carried
    several: int = 0  # contacts whose cells hold several values


def carry_as_notes(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> list[Carried]:
    """A note per contact whose phone or email cells hold several values, or with values its fields would
    refuse; answers what each table carries."""
    out: list[Carried] = []
    for spec in specs:
        if spec.target != "contact" or spec.merge_into:
            continue
        others = _others_sql(spec, raw_columns(con, spec.source_object))
        rows: list[tuple[Any, ...]] = []
        if others:
            values = ", ".join(others.values())
            rows = con.execute(
                f"""SELECT r.source_key, r."row", {values} FROM raw.{ident(spec.source_object)} src
                JOIN exec.records r ON r.target = 'contact' AND r.source_object = ? AND r."row" = src."_row"
                WHERE coalesce({values}) IS NOT NULL ORDER BY r."row" """,
                [spec.source_object],
            ).fetchall()
        refused = refused_values(con, spec)
        if rows or refused:
            out.append(_write(con, spec, list(others), rows, refused))
    return out


def _others_sql(spec: RecordSpec, columns: set[str]) -> dict[str, str]:
    """Field -> SQL of the values after the first, for the standard phone and email maps of a contact spec
    (of the columns its export holds: a shared map may name others)."""
    found: dict[str, str] = {}
    for fm in spec.fields:
        name = fm.target.field or ""
        mine = set(fm.source_columns) <= columns
        if (
            fm.target.custom_field is None
            and KINDS.get(name) == fm.transform.kind
            and name not in found
            and mine
        ):
            cell = Context(key=name, columns=fm.source_columns, params=fm.transform.params).cell()
            found[name] = others_of_several(cell)
    return found


def _write(
    con: duckdb.DuckDBPyConnection,
    spec: RecordSpec,
    fields: list[str],
    rows: list[tuple[Any, ...]],
    refused: list[Refused],
) -> Carried:
    counts = dict.fromkeys(fields, 0)
    notes: dict[int, tuple[object, list[str]]] = {}
    for key, row, *values in rows:
        lines = []
        for name, value in zip(fields, values, strict=True):
            if value:
                counts[name] += len(str(value).split(", "))
                lines.append(f"{LABELS[name]}: {value}")
        lines.append(
            f"(from the source; HighLevel's {' and '.join(fields)} field holds the first of each cell)"
        )
        notes[int(row)] = (key, lines)
    for value in refused:
        lines = notes.setdefault(value.row, (value.key, []))[1]
        if FOOTER in lines:
            lines.remove(FOOTER)
        lines += [value.line, FOOTER]
    records = [
        note_record(KIND, spec.source_object, key, row, "\n".join(lines), key)
        for row, (key, lines) in sorted(notes.items())
    ]
    con.executemany(INSERT_RECORD, records)
    carried(con, spec, KIND)  # no longer values the run leaves behind
    note = notes_spec(spec, KIND, ROLE, [Ref("contactId", "contact", spec.source_object)])
    return Carried(note, len(records), counts, count_by_field(refused), len(rows))
