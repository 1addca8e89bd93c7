"""Source values a record's HighLevel field would refuse, kept as lines of a note on its contact.

A phone HighLevel would not take as a number, an email it would not take as an address, a date or
an amount its custom field cannot hold: the transform reports each one (``exec.transform_errors``)
and the record goes without it. Sent as a line of a note on the record's contact instead, in the
source's own spelling and with the reason, the value still arrives where the engineer and the
customer will look for it, and no longer counts as lost. A contact's lines join the note of its
further phones and emails (``extra_values``); a deal's, task's or document's get a note of their own
on the contact it links to (``refused_notes``). The errors carried are kept in
``exec.carried_errors`` (the plan still names pick-list values a field has no option for).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.execute.raw_source import raw_columns
from assistant.execute.specs import TAKER_OF, RecordSpec
from assistant.mapping.models import TransformKind
from assistant.transforms.cells import OTHERS_NOT_CARRIED, first_of_several
from assistant.transforms.kinds import Context
from assistant.transforms.sqltext import ident, lit

FOOTER = "(kept as in the source: HighLevel would not accept these values in their fields)"
_FIRST_OF_CELL = frozenset({TransformKind.PHONE_E164, TransformKind.EMAIL})  # the rest: extra_values


@dataclass(frozen=True)
class Refused:
    key: str  # the record's source key
    row: int
    contact: str  # the source key of the contact the note goes on
    field: str  # the HighLevel field that refused it (a custom field by its name)
    line: str  # "Mobile: 555 0100 (not accepted as phone: not a valid phone number for region US)"
    name: str = ""  # the record's own name or title, to say which record a contact's note speaks of


def refused_values(
    con: duckdb.DuckDBPyConnection, spec: RecordSpec, contact: str | None = None
) -> list[Refused]:
    """Every value of the spec's records that its transform refused, one line each, in row order; a
    record that is not a contact must link to one (its values ride on that contact's note): by its
    own contact link, or by ``contact``, SQL of the contact's source key from the record ``r``."""
    columns = raw_columns(con, spec.source_object)
    if not columns:
        return []  # a contact no source row makes (the holding contact)
    own = spec.target == "contact"
    kinds = [spec.target, *([TAKER_OF[spec.target]] if spec.target in TAKER_OF else [])]
    link = """json_extract_string(r."values", '$."ref:contactId"')"""
    contact = "r.source_key" if own else contact or link
    name = (
        """coalesce(json_extract_string(r."values", '$.name'), json_extract_string(r."values", '$.title'))"""
    )
    cells, labels, names = _cells(spec, columns)
    cell = "CASE e.field_id " + " ".join(f"WHEN {lit(i)} THEN {c}" for i, c in cells.items()) + " END"
    rows = con.execute(
        f"""SELECT r.source_key, r."row", {contact}, e.field_id, e.field, e.error,
        {cell if cells else "NULL"}, {"NULL" if own else name}
        FROM exec.transform_errors e
        JOIN exec.records r ON r.target IN ({", ".join(map(lit, kinds))})
            AND r.source_object = e.source_object AND r."row" = e."row"
        JOIN raw.{ident(spec.source_object)} src ON src."_row" = e."row"
        WHERE e.target = ? AND e.source_object = ? AND NOT e.held AND NOT starts_with(e.error, ?)
            AND {contact} IS NOT NULL
        ORDER BY r."row", e.field_id, e.field""",
        [spec.target, spec.source_object, OTHERS_NOT_CARRIED],
    ).fetchall()
    out = []
    for key, row, parent, field_id, field, error, value, title in rows:
        label, target = labels.get(str(field_id), str(field)), names.get(str(field_id), str(field))
        line = _line(label, target, str(error), value)
        out.append(Refused(str(key), int(row), str(parent), target, line, str(title or "")))
    return out


def count_by_field(refused: list[Refused]) -> dict[str, int]:
    """How many refused values each field carries in notes."""
    counts: dict[str, int] = {}
    for value in refused:
        counts[value.field] = counts.get(value.field, 0) + 1
    return counts


def plan_line(table: str, counts: dict[str, int], kind: str, where: str, spec_name: str) -> str:
    """The plan's line on a table's refused values: how many, of which fields, and where they travel."""
    n = sum(counts.values())
    fields = ", ".join(f"{f} {k}" for f, k in sorted(counts.items()))
    return (
        f"{table}: {n} {kind}value{'s' * (n != 1)} HighLevel would refuse in their field ({fields}) "
        f"travel as {where}, as in the source ({spec_name} in the plan)"
    )


def carried(con: duckdb.DuckDBPyConnection, spec: RecordSpec, kind: str) -> None:
    """The spec's refused values now travel in ``kind``'s notes: kept apart, no longer errors."""
    where = """source_object = ? AND target = ? AND NOT held
        AND "row" IN (SELECT "row" FROM exec.records WHERE target = ? AND source_object = ?)"""
    args = [spec.source_object, spec.target, kind, spec.source_object]
    con.execute("CREATE TABLE IF NOT EXISTS exec.carried_errors AS FROM exec.transform_errors LIMIT 0")
    con.execute(f"INSERT INTO exec.carried_errors SELECT * FROM exec.transform_errors WHERE {where}", args)
    con.execute(f"DELETE FROM exec.transform_errors WHERE {where}", args)


def _cells(spec: RecordSpec, columns: set[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Field map id -> SQL of the source value it read, -> the source columns that held it, and -> the
    name of the field it fills; a map of columns this export lacks (a shared map's) reads nothing."""
    cells: dict[str, str] = {}
    labels: dict[str, str] = {}
    names: dict[str, str] = {}
    for fm in spec.fields:
        if not fm.source_columns or fm.id in cells or not set(fm.source_columns) <= columns:
            continue
        read = Context(key=fm.target.field or "", columns=fm.source_columns, params=fm.transform.params)
        cell = read.cell()
        cells[fm.id] = first_of_several(cell)[0] if fm.transform.kind in _FIRST_OF_CELL else cell
        labels[fm.id] = ", ".join(fm.source_columns)
        custom = fm.target.custom_field
        names[fm.id] = f"custom field '{custom.name}'" if custom else fm.target.field or ""
    return cells, labels, names


def _line(label: str, field: str, error: str, value: object) -> str:
    if value is None:  # a value no single cell holds (a link): the reason names it
        return f"{label}: {error}"
    reason = error.removesuffix(f": {value}")
    return f"{label}: {value} (not accepted as {field}: {reason})"
