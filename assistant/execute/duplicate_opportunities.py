"""Several opportunities of one contact in one pipeline, when the location does not allow duplicates.

HighLevel answers a second such create with ``OPPORTUNITY_NO_DUPLICATE`` and keeps only the first:
the others would be lost. The destination snapshot says whether the location allows duplicates
(``settings.allowDuplicateOpportunity``; only an agency token may change it). When it does not, the
first opportunity per contact and pipeline lands as an opportunity and each later one as a note on
that contact carrying its name, value, stage and fields, so every record arrives and the plan says
which policy applied.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from assistant.execute.note_records import INSERT_RECORD, note_record, notes_spec
from assistant.execute.specs import RecordSpec, Ref

ROLE = "duplicate_opportunity"
KIND = "kept_opportunity"  # a record kind of its own: a table's other notes keep their keys
REPLACES = "opportunity"  # the record kind whose rows it takes over
POLICY = "one-opportunity-per-contact-and-pipeline"
WHY = (
    "the location keeps one opportunity per contact and pipeline (allowDuplicateOpportunity off): "
    "landed as a note on its contact with its name, value, stage and fields"
)
CONTACT = """json_extract_string(o."values", '$."ref:contactId"')"""
PIPELINE = """json_extract_string(o."values", '$.pipelineId')"""


def later_duplicates(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, int]]:
    """(source object, source key, values, row) of each opportunity after the first of its contact and
    pipeline. Two source contacts with one email or phone are one HighLevel contact (duplicates merge);
    a deal naming a company row reaches that company's first contact (the company-link pass's)."""
    order = 'o.pass, o.source_object, o."row"'
    rows = con.execute(
        f"""WITH people AS (SELECT source_key, any_value(coalesce(
            lower(json_extract_string("values", '$.email')), json_extract_string("values", '$.phone'))) AS who
            FROM exec.records WHERE target = 'contact' GROUP BY source_key),
        firsts AS (SELECT json_extract_string("values", '$."ref:companyId"') AS company,
            arg_min(source_key, "row") AS first_key FROM exec.records WHERE target = 'contact'
            GROUP BY 1 HAVING company IS NOT NULL)
        SELECT source_object, source_key, "values", "row" FROM (
        SELECT o.*, row_number() OVER (
            PARTITION BY coalesce(p.who, fp.who, f.first_key, {CONTACT}), {PIPELINE} ORDER BY {order}) AS n
        FROM exec.records o LEFT JOIN people p ON p.source_key = {CONTACT}
        LEFT JOIN firsts f ON p.source_key IS NULL AND f.company = {CONTACT}
        LEFT JOIN people fp ON fp.source_key = f.first_key
        WHERE o.target = 'opportunity' AND {CONTACT} IS NOT NULL AND {PIPELINE} IS NOT NULL)
        WHERE n > 1 ORDER BY source_object, "row" """
    ).fetchall()
    return [(str(a), str(b), str(c), int(d)) for a, b, c, d in rows]


def keep_as_notes(
    con: duckdb.DuckDBPyConnection, specs: list[RecordSpec], stage_names: dict[str, str]
) -> list[RecordSpec]:
    """Turn later duplicates into notes on their contact; answers the note specs that send them."""
    made: dict[str, RecordSpec] = {}
    for source_object, key, raw, row in later_duplicates(con):
        opp = next(s for s in specs if s.target == "opportunity" and s.source_object == source_object)
        spec = made.get(source_object) or _note_spec(opp)
        made[source_object] = spec
        values = json.loads(raw)
        body = note_body(values, stage_names)
        con.execute(
            "DELETE FROM exec.records WHERE target = 'opportunity' AND source_object = ? AND source_key = ?",
            [source_object, key],
        )
        con.execute(INSERT_RECORD, note_record(KIND, source_object, key, row, body, values["ref:contactId"]))
    return list(made.values())


def note_body(values: dict[str, Any], stage_names: dict[str, str]) -> str:
    """The opportunity as readable lines: what HighLevel would not hold as a second opportunity."""
    lines = [f"Opportunity: {values.get('name') or '(no name)'}"]
    stage = values.get("pipelineStageId")
    shown = {"monetaryValue": "Value", "status": "Status", "source": "Source"}
    if stage:
        lines.append(f"Stage: {stage_names.get(str(stage), stage)}")
    for key, label in shown.items():
        if values.get(key) not in (None, ""):
            lines.append(f"{label}: {values[key]}")
    for key, value in sorted(values.items()):
        if key.startswith("cf:") and value not in (None, "", []):
            lines.append(f"{key[3:].rsplit('.', 1)[-1]}: {value}")
    lines.append("(kept as a note: the location allows one opportunity per contact and pipeline)")
    return "\n".join(lines)


def _note_spec(opp: RecordSpec) -> RecordSpec:
    contact = next((r for r in opp.refs if r.key == "contactId"), None)
    refs = [Ref("contactId", contact.target, contact.source_object, column=contact.column)] if contact else []
    return notes_spec(opp, KIND, ROLE, refs)
