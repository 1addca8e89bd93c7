"""Documents billed to the business: the location's own email and phone as their billing contact.

A native invoice or estimate whose contact has no email or phone anywhere in the export (after
``document_details`` searched it) would go as a note. When the engineer accepted the table's
``billing:`` proposal, what the contact lacks is taken from the location's own details, read by
``GET /locations/{locationId}`` into the destination snapshot, and kept in the record as
``contactEmail`` / ``contactPhone`` like any billing contact found elsewhere. The contact record is
not changed and nothing is sent, so those details reach no one. A location without the details the
document needs leaves it a note, and the plan says what to add.
"""

from __future__ import annotations

import hashlib
import json
import re

import duckdb

from assistant.execute.document_details import KEYS, lacking_sql
from assistant.execute.lines import is_line_spec
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec
from assistant.highlevel.state import Location
from assistant.mapping.items import MappingDocument

SOURCE = "the location's own details (GET /locations/{locationId})"


def billed_tables(doc: MappingDocument) -> set[str]:
    """Source tables whose ``billing:`` proposal the engineer accepted."""
    return {b.source_object for b in doc.billings if b.confirmed}


def bill_to_business(
    con: duckdb.DuckDBPyConnection, specs: list[RecordSpec], tables: set[str], location: Location | None
) -> list[str]:
    """Fill each accepted table's documents whose contact still lacks an email or phone with the
    location's; answers one plan line per document, and one per table the location cannot serve."""
    business = {
        "email": (location.email or "").strip() if location else "",
        "phone": (location.phone or "").strip() if location else "",
    }
    lines: list[str] = []
    for spec in specs:
        ref = next((r for r in spec.refs if r.key == "contactId"), None)
        if spec.source_object not in tables or spec.target not in DOCUMENT_KINDS:
            continue
        if is_line_spec(spec) or spec.merge_into or ref is None:
            continue
        short: list[str] = []
        for key, _row, raw, contact_key, contact_table, email, phone in con.execute(
            lacking_sql(spec, ref.source_object)
        ).fetchall():
            values = json.loads(raw)
            held = {"email": email or values.get(KEYS["email"]), "phone": phone or values.get(KEYS["phone"])}
            needed = [w for w in ("email", "phone") if not held[w]]
            if not needed:
                continue  # its billing contact was found elsewhere in the export
            number = values.get("invoiceNumber") or key
            if not all(business[w] for w in needed):
                short.append(str(number))
                continue
            values.update({KEYS[w]: business[w] for w in needed})
            _store(con, spec, key, values)
            lines.append(
                f"{spec.name} {number} (contact {contact_table}:{contact_key}): "
                f"{' and '.join(needed)} from {SOURCE}, as accepted in billing:{spec.source_object}"
            )
        if short:
            lacks = " and ".join(w for w in ("email", "phone") if not business[w])
            lines.append(
                f"billing:{spec.source_object} is accepted but the location has no {lacks} in the "
                f"destination snapshot: {len(short)} {spec.target}s stay notes ({', '.join(short)}); add "
                "it to the location's business profile in HighLevel, run `hlmap target pull` and plan again"
            )
    return lines


def _store(con: duckdb.DuckDBPyConnection, spec: RecordSpec, key: str, values: dict[str, object]) -> None:
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    con.execute(
        """UPDATE exec.records SET "values" = ?, payload_hash = ?
        WHERE target = ? AND source_object = ? AND source_key = ?""",
        [text, hashlib.md5(text.encode()).hexdigest(), spec.target, spec.source_object, key],
    )


_BILLED = re.compile(r"^(?P<spec>\S+) (?P<number>.+) \(contact [^)]*\): (?P<needed>.+?) from ")


def plan_lines(billed: list[str]) -> list[str]:
    """The plan's line: how many documents are billed to the business, and their numbers grouped by
    table and by what the business lends them (one line per document drowned the plan)."""
    named = [line for line in billed if not line.startswith("billing:")]
    out = [line for line in billed if line.startswith("billing:")]
    groups: dict[tuple[str, str], list[str]] = {}
    for line in named:
        found = _BILLED.match(line)
        spec, needed, number = found.group("spec", "needed", "number") if found else ("", "", line)
        groups.setdefault((spec, needed), []).append(number)
    if named:
        listed = "; ".join(
            f"{spec} ({needed}, {len(n)}): {', '.join(n)}" for (spec, needed), n in groups.items()
        )
        out.insert(
            0,
            f"documents: {len(named)} whose contact has no email or phone anywhere in the export are "
            f"addressed to the business's own email and phone from {SOURCE} (the contact record stays "
            "as exported; nothing is sent), so HighLevel takes them as native documents: " + listed,
        )
    return out
