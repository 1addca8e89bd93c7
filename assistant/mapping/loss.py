"""What each decision of the mapping document will not carry, counted in the source export.

Before anything is written, every proposal that leaves records or values behind says how many:
a rejected object map its rows, a rejected field map its filled cells, a stage value without a
stage the records that carry it, and a map that writes per-document values onto a parent the values
a later document overwrites. Only the raw tables and the document are read, so the review UI, the
plan and the demo can all ask (``decision_losses``).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.mapping.models import FieldKind, Status, TargetObject, TransformKind

RECORDLESS = {TargetObject.USER, TargetObject.PIPELINE, TargetObject.TAG, TargetObject.CUSTOM_FIELD}
RECORDLESS |= {TargetObject.NO_EQUIVALENT}


@dataclass(frozen=True)
class Loss:
    item_id: str  # the proposal that causes it
    records: int  # source rows that become no record
    values: int  # filled source values that reach no field
    why: str


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Source:
    """Row counts and filled-cell counts of the raw tables, read once per table."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'raw'"
        ).fetchall()
        self.columns: dict[str, list[str]] = {}
        for table, column in rows:
            self.columns.setdefault(table, []).append(column)
        self._filled: dict[str, dict[str, int]] = {}

    def rows(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM raw.{_q(table)}").fetchone()
        return int(row[0]) if row else 0

    def filled(self, table: str) -> dict[str, int]:
        """Column -> cells holding a value (blank text counts as empty)."""
        if table not in self._filled:
            cols = [c for c in self.columns.get(table, []) if not c.startswith("_")]
            sql = ", ".join(f"count(nullif(trim(CAST({_q(c)} AS VARCHAR)), ''))" for c in cols)
            row = self.con.execute(f"SELECT {sql} FROM raw.{_q(table)}").fetchone() if cols else None
            self._filled[table] = dict(zip(cols, (int(v) for v in row or ()), strict=False))
        return self._filled[table]


def decision_losses(con: duckdb.DuckDBPyConnection, doc: MappingDocument) -> list[Loss]:
    source = Source(con)
    out: list[Loss] = []
    carried = {om.source_object: om for om in doc.objects if _makes_records(om, source)}
    carried_columns: dict[str, set[str]] = {}
    for fm in doc.fields:
        if fm.confirmed and fm.target.kind != FieldKind.SKIP:
            carried_columns.setdefault(fm.source_object, set()).update(fm.source_columns)
    for om in doc.objects:
        if om.source_object in source.columns:
            out += _object_losses(source, doc, om)
    for fm in doc.fields:
        owner = carried.get(fm.source_object)
        if owner is None or fm.source_columns == [owner.key_column]:
            continue  # the whole table is counted, or its key, which travels as the record's identity
        if set(fm.source_columns) & carried_columns.get(fm.source_object, set()):
            continue  # another accepted map carries these values
        if not fm.confirmed or fm.target.kind == FieldKind.SKIP:
            cells = max((source.filled(fm.source_object).get(c, 0) for c in fm.source_columns), default=0)
            if cells:
                word = "rejected" if fm.status == Status.REJECTED else "not mapped"
                out.append(Loss(fm.id, 0, cells, f"{word}: {cells} filled values stay in the source"))
    for st in doc.stages:
        if st.source_object in carried and (not st.confirmed or st.flagged or not st.stage_id):
            if st.whole_table:  # no column places the table's deals: without this stage none lands
                n = source.rows(st.source_object)
                why = f"no stage decided for every row of {st.source_object}: its {n} records are held back"
            else:
                n = _count_value(con, st.source_object, st.source_column, st.source_value)
                why = f"no stage decided for {st.source_value!r}: its {n} records are held back"
            out += [Loss(st.id, n, 0, why)] if n else []
    for holding in doc.holdings:  # its rows name a parent the export lacks: held unless parked
        if holding.source_object in carried and not holding.confirmed and holding.orphan_rows:
            n = holding.orphan_rows
            why = f"not parked on a holding contact: its {n} rows naming a missing parent are held back"
            out.append(Loss(holding.id, n, 0, why))
    return out


def _makes_records(om: ObjectMap, source: Source) -> bool:
    return (
        om.confirmed
        and om.source_object in source.columns
        and any(t.object not in RECORDLESS for t in om.targets)
    )


def _object_losses(source: Source, doc: MappingDocument, om: ObjectMap) -> list[Loss]:
    rows = source.rows(om.source_object)
    if om.status == Status.REJECTED:
        return [Loss(om.id, rows, 0, f"rejected: {rows} {om.source_object} rows become no record")]
    if not om.confirmed:
        return [Loss(om.id, rows, 0, f"no decision yet: {rows} {om.source_object} rows wait")]
    if all(t.object in RECORDLESS for t in om.targets):
        kinds = " + ".join(t.object.value for t in om.targets)
        return [Loss(om.id, rows, 0, f"mapped to {kinds}: its {rows} rows become no HighLevel record")]
    out: list[Loss] = []
    # columns with no field map at all (rejected and skipped ones are counted beside their own item)
    used = {c for fm in doc.fields if fm.source_object == om.source_object for c in fm.source_columns}
    used.add(om.key_column or "")
    left = {c: n for c, n in source.filled(om.source_object).items() if c not in used and n}
    if left:
        names = ", ".join(sorted(left)[:6]) + (" …" if len(left) > 6 else "")
        why = f"{sum(left.values())} filled values in {len(left)} columns no field map carries ({names})"
        out.append(Loss(om.id, 0, sum(left.values()), why))
    if any(t.role == "document_fields" for t in om.targets):
        out += _overwrites(source, doc, om)
    return out


def _overwrites(source: Source, doc: MappingDocument, om: ObjectMap) -> list[Loss]:
    """Per-document values written onto a parent: every document but the last per parent is overwritten."""
    fields = [fm for fm in doc.fields if fm.confirmed and fm.source_object == om.source_object]
    link = next((fm for fm in fields if _links_parent(fm)), None)
    written = [fm for fm in fields if fm.target.object == TargetObject.CONTACT and not _links_parent(fm)]
    if link is None or not written:
        return []
    column = _q(link.source_columns[0])
    row = source.con.execute(
        f"""SELECT count(*), coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n
        FROM raw.{_q(om.source_object)} WHERE nullif(trim({column}), '') IS NOT NULL
        GROUP BY trim({column}) HAVING count(*) > 1)"""
    ).fetchone()
    parents, documents = (int(row[0]), int(row[1])) if row else (0, 0)
    if not documents:
        return []
    why = (
        f"writes each {om.source_object} row's values onto its contact, but {parents} contacts have several: "
        f"{documents} documents' values ({documents * len(written)} values) are overwritten by a later one. "
        "Lossless instead: a note per document (keep only the file target) or a custom object"
    )
    return [Loss(om.id, documents, documents * len(written), why)]


def _links_parent(fm: FieldMap) -> bool:
    return fm.transform.kind == TransformKind.LOOKUP and fm.target.field == "contactId"


def _count_value(con: duckdb.DuckDBPyConnection, table: str, column: str, value: str) -> int:
    try:
        row = con.execute(
            f"SELECT count(*) FROM raw.{_q(table)} WHERE trim(CAST({_q(column)} AS VARCHAR)) = ?", [value]
        ).fetchone()
    except duckdb.Error:  # a column renamed since the proposal: nothing to count
        return 0
    return int(row[0]) if row else 0
