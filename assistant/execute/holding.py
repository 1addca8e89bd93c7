"""Orphans parked on a holding contact: rows whose link names a parent no row of the export holds.

When the engineer accepted a table's holding proposal (``holdings`` in the map), each such row is
sent to one contact per location, "Unmatched source records" (tag ``hlmap-unmatched``), instead of
being held back; its text starts with the parent it named ("Source account-id 12345, not in the
export:") so someone can reassign it later. The holding contact is a compiled record like any other,
so the ledger finds it on a resumed run and a rollback deletes it.
"""

from __future__ import annotations

import json

import duckdb

from assistant.execute.orphans import CONTACT_REF, KNOWN, REACHABLE
from assistant.execute.specs import PASSES, RecordSpec
from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject
from assistant.transforms.kinds import Output
from assistant.transforms.sqltext import lit

HOLDING_OBJECT = "holding"  # the record kind's source object: no source table has this name
HOLDING_KEY = "unmatched-source-records"
HOLDING_NAME = "Unmatched source records"
HOLDING_TAG = "hlmap-unmatched"
HOLDING_VALUES = {"firstName": "Unmatched", "lastName": "source records", "tags": [HOLDING_TAG]}
POLICY = "parked-on-holding-contact"
PARKED = "_parked"  # the sentence a parked record's text starts with, until it is written into the text
_REF = CONTACT_REF.replace('r."values"', '"values"')  # the same, without the table alias
# The text a parked record of each kind starts with (a file's note shows its name first).
TEXT_KEYS = {"note": "body", "task": "body", "message": "message", "file": "name"}


def parked_tables(doc: MappingDocument) -> dict[str, str]:
    """Source table -> its link column, for every accepted holding proposal."""
    return {h.source_object: h.link_column for h in doc.holdings if h.confirmed}


def companyless_tables(doc: MappingDocument) -> set[str]:
    """Tables whose accepted holding proposal also parks rows on a company no contact belongs to."""
    return {h.source_object for h in doc.holdings if h.confirmed and h.companyless_rows}


def park_output(out: Output, companyless: bool = False) -> list[Output]:
    """A typed link's outputs when its table parks orphans: a missing parent (and, when the holding
    proposal said so, a company without contacts) resolves to the holding contact instead of an
    error, and the row remembers which parent it named."""
    if out.orphan is None:
        return [out]
    sentences = [f"'Source ' || ({out.orphan}) || ', not in the export:'"]
    if companyless and out.unattached:
        sentences.append(f"'Source ' || ({out.unattached}) || ', which no contact of the export belongs to:'")
    parked = sentences[0] if len(sentences) == 1 else f"coalesce({', '.join(sentences)})"
    value = f"coalesce({out.value}, CASE WHEN ({parked}) IS NOT NULL THEN {lit(HOLDING_KEY)} END)"
    error = f"CASE WHEN ({parked}) IS NULL THEN {out.error} END" if out.error else None
    return [Output(out.key, value, error, blocks=out.blocks), Output(PARKED, parked)]


def park_orphans(con: duckdb.DuckDBPyConnection, parked: dict[str, str]) -> int:
    """Re-point the parkable orphans of the parked tables at the holding contact, before orphans are
    dropped; answers how many records are parked."""
    if not parked:
        return 0
    missing = f"""{CONTACT_REF} IS NOT NULL AND {CONTACT_REF} <> {lit(HOLDING_KEY)}
        AND {CONTACT_REF} NOT IN ({REACHABLE}) AND {CONTACT_REF} NOT IN ({KNOWN})"""
    for table, column in parked.items():
        con.execute(
            f"""UPDATE exec.records r SET "values" = json_merge_patch(r."values", json_object(
            'ref:contactId', {lit(HOLDING_KEY)}, {lit(PARKED)},
            'Source ' || {lit(column)} || ' ' || {CONTACT_REF} || ', not in the export:'))
            WHERE r.source_object = {lit(table)} AND {missing}"""
        )
    tables = ", ".join(lit(t) for t in parked)
    for target, key in TEXT_KEYS.items():
        con.execute(
            f"""UPDATE exec.records r SET "values" = json_merge_patch(r."values",
            json_object({_text_key(target, key)}, {_text(target, key)}, {lit(PARKED)}, NULL))
            WHERE r.target = {lit(target)} AND r.source_object IN ({tables})
            AND json_extract_string(r."values", '$.{PARKED}') IS NOT NULL"""
        )
    con.execute(f"""UPDATE exec.records SET payload_hash = md5(CAST("values" AS VARCHAR))
        WHERE source_object IN ({tables}) AND {_REF} = {lit(HOLDING_KEY)}""")
    row = con.execute(
        f"""SELECT count(*) FROM exec.records WHERE source_object IN ({tables})
        AND {_REF} = {lit(HOLDING_KEY)}"""
    ).fetchone()
    count = int(row[0]) if row else 0
    if count:
        values = json.dumps(HOLDING_VALUES, separators=(",", ":"))
        con.execute(
            "INSERT INTO exec.records VALUES ('contact', ?, ?, 0, ?, ?, md5(?))",
            [HOLDING_OBJECT, HOLDING_KEY, PASSES["contact"], values, values],
        )
    return count


def _field(key: str) -> str:
    return f"""json_extract_string(r."values", '$.{key}')"""


def _text_key(target: str, key: str) -> str:
    """SQL: the key the parked sentence goes in front of (a file without a name: its title when it has
    one, so its link stays the note's second line)."""
    if target != "file":
        return lit(key)
    titled = f"{_field('name')} IS NULL AND {_field('title')} IS NOT NULL"
    return f"CASE WHEN {titled} THEN 'title' ELSE 'name' END"


def _text(target: str, key: str) -> str:
    parked = _field(PARKED)
    if target == "file":
        return f"{parked} || coalesce(' ' || coalesce({_field('name')}, {_field('title')}), '')"
    return f"{parked} || coalesce(' ' || {_field(key)}, '')"


def holding_spec() -> RecordSpec:
    """The record kind of the holding contact, sent in the contact pass like any contact."""
    target = ObjectTarget(object=TargetObject.CONTACT, role="holding")
    object_map = ObjectMap(
        id=f"object:{HOLDING_OBJECT}",
        source_object=HOLDING_OBJECT,
        targets=[target],
        status=Status.ACCEPTED,
        rationale=f"the holding contact '{HOLDING_NAME}' for rows whose parent is not in the export",
    )
    return RecordSpec("contact", HOLDING_OBJECT, object_map, target)


def plan_lines(con: duckdb.DuckDBPyConnection, parked: dict[str, str], companyless: set[str]) -> list[str]:
    """What the plan says: per table, how many rows are parked and where."""
    lines = []
    for table in parked:
        row = con.execute(
            f"""SELECT count(DISTINCT "row") FROM exec.records WHERE source_object = ? AND {_REF} = ?""",
            [table, HOLDING_KEY],
        ).fetchone()
        n = int(row[0]) if row else 0
        if n:
            rows = "1 row names" if n == 1 else f"{n} rows name"
            what = "a parent not in the export" + (
                " or a company without contacts" if table in companyless else ""
            )
            lines.append(f"{table}: {rows} {what} → parked on the holding contact '{HOLDING_NAME}'")
    return lines
