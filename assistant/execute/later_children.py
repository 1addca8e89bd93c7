"""Later child rows of a parent whose record is a contact: a note on that contact each.

A child table merged into its parent (a client's addresses) fills the parent's empty fields from
its first row only: a contact holds one address. Each later row of the same parent would be lost,
so its mapped values travel in a note on the parent's contact ("Further address (addresses row
12): Street: …; City: …"; a further company it links to named by its source key), sent after the
contact like any note and counted in the plan. A parent that is no contact (a company) keeps no
notes in HighLevel: those rows stay not carried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb

from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.specs import RecordSpec, Ref

KIND = "later_child"  # a record kind of its own: the table's other records keep their keys
ROLE = "later_child"
POLICY = "later-child-as-note"
WHY = "a later row of the same parent: its values travel in a note on the parent's contact"
# HighLevel's address keys read as the words a business uses for them
LABELS = {"address1": "Street", "postalCode": "Postal code", "companyName": "Company name"}


@dataclass(frozen=True)
class LaterRow:
    source_key: str
    row: int
    parent_key: str
    values: dict[str, Any]


@dataclass(frozen=True)
class CarriedChildren:
    spec: RecordSpec  # the note spec that sends them
    notes: int


def carries(spec: RecordSpec) -> bool:
    """Whether the later rows of a merged child spec can ride as notes: only a contact holds notes."""
    return spec.merge_into is not None and spec.target == "contact"


def label(key: str) -> str:
    """A record key as words: ``postalCode`` -> ``Postal code``, ``cf:contact.floor`` -> ``Floor``."""
    if key in LABELS:
        return LABELS[key]
    name = key[3:].rsplit(".", 1)[-1] if key.startswith("cf:") else key
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").strip().lower()
    return words[:1].upper() + words[1:]


def singular(noun: str) -> str:
    for plural, one in (("sses", "ss"), ("ies", "y"), ("s", "")):
        if noun.endswith(plural) and len(noun) > len(plural):
            return noun[: -len(plural)] + one
    return noun


def note_body(spec: RecordSpec, row: LaterRow) -> str:
    shown = [
        f"{label(k)}: {v}"
        for k, v in row.values.items()
        if not k.startswith("ref:") and v not in (None, "", [])
    ]
    # the parent's record holds one such link (the first row's): a later one is named, not linked
    links = {f"ref:{r.key}": r for r in spec.refs if not (r.same_row or r.through)}
    shown += [
        f"{label(k[4:])} ({links[k].source_object} key, not linked: the record holds one): {v}"
        for k, v in row.values.items()
        if k in links and v not in (None, "", [])
    ]
    heading = f"Further {singular(spec.source_object.replace('_', ' ').lower())}"
    return f"{heading} ({spec.source_object} row {row.row}): " + "; ".join(shown or ["(no values)"])


def write_notes(con: duckdb.DuckDBPyConnection, spec: RecordSpec, later: list[LaterRow]) -> int:
    """One note record per later row whose parent contact is compiled; answers how many were written."""
    records = []
    for row in later:
        body = note_body(spec, row)
        records.append(note_record(KIND, spec.source_object, row.source_key, row.row, body, row.parent_key))
    if records:
        con.executemany(INSERT_RECORD, records)
    return len(records)


def note_specs(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> list[CarriedChildren]:
    """The note spec of each merged child table whose later rows became notes, with its count."""
    out = []
    for spec in specs:
        if not carries(spec):
            continue
        row = con.execute(
            "SELECT count(*) FROM exec.records WHERE target = ? AND source_object = ?",
            [KIND, spec.source_object],
        ).fetchone()
        notes = int(row[0]) if row else 0
        if notes:
            note = notes_spec(spec, KIND, ROLE, [Ref("contactId", "contact", str(spec.merge_into))])
            out.append(CarriedChildren(note, notes))
    return out


def plan_lines(carried: list[CarriedChildren]) -> list[str]:
    """What the plan says of them: a contact holds one row's values, the rest ride as notes."""
    return [
        f"{c.notes} later row{'s' * (c.notes != 1)} of {c.spec.source_object} carried as notes on their "
        f"parent ({c.spec.name} in the plan); the first row per parent fills the parent's fields"
        for c in carried
    ]
