"""What the plan says about long text: how many values HighLevel would not keep whole, and where
the executor puts them instead (continuation notes, or a note on the contact)."""

from __future__ import annotations

import duckdb

from assistant.execute.long_text import MOVES_FROM, split_note
from assistant.execute.prepare import Prepared
from assistant.highlevel.limits import field_max, note_body_max


def long_text_lines(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> list[str]:
    out: list[str] = []
    limit = note_body_max()
    for spec in prepared.specs:
        if spec.hl_object == "note":
            bodies = _long(con, spec.target, spec.source_object, "$.body", limit)
            if bodies:
                extra = sum(len(split_note(b)) - 1 for b in bodies)
                out.append(
                    f"{spec.name}: {len(bodies)} note bodies longer than HighLevel's {limit} characters "
                    f"go in numbered parts ({extra} continuation notes), never cut"
                )
    bounded = {f.field_key: field_max(f.data_type.value) for f in prepared.doc.custom_fields()}
    for spec in prepared.specs:
        if spec.hl_object not in MOVES_FROM:
            continue
        for key, bound in sorted((k, b) for k, b in bounded.items() if b is not None):
            values = _long(con, spec.target, spec.source_object, f'$."cf:{key}"', bound)
            if values:
                out.append(
                    f"{spec.name} field {key}: {len(values)} values longer than the field's {bound} "
                    "characters move, whole, into a note on the contact (the field stays empty)"
                )
    return out


def _long(
    con: duckdb.DuckDBPyConnection, target: str, source_object: str, path: str, bound: int
) -> list[str]:
    rows = con.execute(
        """SELECT v FROM (SELECT json_extract_string("values", ?) AS v FROM exec.records
        WHERE target = ? AND source_object = ?) WHERE length(v) > ?""",
        [path, target, source_object, bound],
    ).fetchall()
    return [str(r[0]) for r in rows]
