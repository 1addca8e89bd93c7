"""An email or phone for a document whose contact has none, found elsewhere in the same export.

HighLevel refuses an invoice or estimate whose ``contactDetails`` lack an email or a phone
(``document_contacts``). Before such a document goes as a note, the export is searched for what its
contact lacks, by profile evidence only: the document's own email or phone columns (its billing
fields), then rows of any table whose key column points at the contact's source table (a client's
contact persons, its addresses), first row first. What is found is the document's billing contact
(``contactDetails``), kept in its record as ``contactEmail`` / ``contactPhone``; the contact record
stays as the export has it. Nothing is made up: a document with no such value stays a note.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

import duckdb

from assistant.execute.lines import is_line_spec
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec
from assistant.profile.models import SemanticType
from assistant.transforms.sqltext import ident, lit
from assistant.transforms.udfs import email_normalised, phone_e164

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

KEYS = {"email": "contactEmail", "phone": "contactPhone"}  # record keys of what was found
_TYPES = {"email": SemanticType.EMAIL, "phone": SemanticType.PHONE}
Sources = list[tuple[str, str, str | None]]  # (table, value column, column naming the contact | None)


def sources_for(
    spec: RecordSpec,
    contact_table: str,
    people: set[str],
    profiles: dict[tuple[str, str], ColumnProfile],
    wanted: str,
) -> Sources:
    """Where a ``wanted`` (email or phone) value may be: the document's row, then the rows of tables
    that describe the contact (mapped to contacts or merged into one: its persons, its addresses) and
    point at it; never another table's (a history row's sender is no billing contact)."""
    typed = [(t, c) for (t, c), p in sorted(profiles.items()) if p.semantic_type == _TYPES[wanted]]
    own: Sources = [(t, c, None) for t, c in typed if t == spec.source_object]
    links = {
        t: c
        for (t, c), p in sorted(profiles.items(), reverse=True)  # the key column, not its path twin
        if (fk := p.foreign_key) is not None and fk.target_table == contact_table and fk.path_column != c
    }
    linked = [(t, c, links[t]) for t, c in typed if t in links and t in people - {contact_table}]
    return own + linked


def _first(con: duckdb.DuckDBPyConnection, source: tuple[str, str, str | None], row: int, key: str) -> str:
    table, column, link = source
    where = f'"_row" = {int(row)}' if link is None else f"trim(CAST({ident(link)} AS VARCHAR)) = {lit(key)}"
    found = con.execute(
        f"""SELECT trim(CAST({ident(column)} AS VARCHAR)) FROM raw.{ident(table)} WHERE {where}
        AND nullif(trim(CAST({ident(column)} AS VARCHAR)), '') IS NOT NULL ORDER BY "_row" LIMIT 1"""
    ).fetchone()
    return str(found[0]) if found else ""


def _usable(wanted: str, raw: str, region: str | None) -> str | None:
    value, _ = email_normalised(raw) if wanted == "email" else phone_e164(raw, region or "")
    return value


def fill_contact_details(
    con: duckdb.DuckDBPyConnection,
    specs: list[RecordSpec],
    profiles: dict[tuple[str, str], ColumnProfile],
    region: str | None,
) -> list[str]:
    """Put what is found into the documents' records; answers one plan line per document filled."""
    lines: list[str] = []
    people = {s.source_object for s in specs if s.target == "contact"}
    for spec in specs:
        ref = next((r for r in spec.refs if r.key == "contactId"), None)
        if spec.target not in DOCUMENT_KINDS or is_line_spec(spec) or spec.merge_into or ref is None:
            continue
        lacking = con.execute(lacking_sql(spec, ref.source_object)).fetchall()
        for key, row, raw, contact_key, contact_table, email, phone in lacking:
            values, found = json.loads(raw), []
            for wanted, held in (("email", email), ("phone", phone)):
                if held:
                    continue
                for source in sources_for(spec, str(contact_table), people, profiles, wanted):
                    value = _usable(wanted, _first(con, source, row, str(contact_key)), region)
                    if value:
                        values[KEYS[wanted]] = value
                        where = "its own row" if source[2] is None else f"{source[0]} ({source[2]})"
                        found.append(f"{wanted} from {where}, column {source[1]!r}")
                        break
            if found:
                text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
                con.execute(
                    """UPDATE exec.records SET "values" = ?, payload_hash = ?
                    WHERE target = ? AND source_object = ? AND source_key = ?""",
                    [text, hashlib.md5(text.encode()).hexdigest(), spec.target, spec.source_object, key],
                )
                number = values.get("invoiceNumber") or key
                lines.append(
                    f"{spec.name} {number} (contact {contact_table}:{contact_key}): {'; '.join(found)}"
                )
    return lines


def lacking_sql(spec: RecordSpec, named: str) -> str:
    """(key, row, values, contact key, contact table, its email, its phone) of the documents whose
    contact lacks an email or a phone; the contact is resolved as ``document_contacts`` does."""
    key = """json_extract_string(d."values", '$."ref:contactId"')"""
    field = """coalesce(json_extract_string(c."values", '$.{0}'), '')"""
    return f"""SELECT d.source_key, d."row", d."values", {key}, c.source_object, {field.format("email")},
        {field.format("phone")} FROM exec.records d
        JOIN exec.records c ON c.target = 'contact' AND c.source_key = {key}
        AND (c.source_object = {lit(named)} OR (
            NOT EXISTS (SELECT 1 FROM exec.records e WHERE e.target = 'contact'
                AND e.source_object = {lit(named)} AND e.source_key = {key})
            AND (SELECT count(*) FROM exec.records f
                WHERE f.target = 'contact' AND f.source_key = {key}) = 1))
        WHERE d.target = {lit(spec.target)} AND d.source_object = {lit(spec.source_object)}
        AND ({field.format("email")} = '' OR {field.format("phone")} = '') ORDER BY d."row" """


def plan_lines(found: list[str]) -> list[str]:
    """One line for the plan: how many documents are native thanks to details found elsewhere, and each."""
    if not found:
        return []
    return [
        f"documents: {len(found)} take the email or phone their contact lacks from elsewhere in the export "
        "(the document's billing contact; the contact record stays as exported), so HighLevel takes them "
        "as native documents: " + "; ".join(found)
    ]
