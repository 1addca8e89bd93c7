"""Records whose parent is not migrated: reported once at compile time, never sent to fail.

A record's ``ref:contactId`` must name a migrated contact or opportunity (a job's note goes to the
job's contact), or a migrated company that some migrated contact belongs to (a company's note goes
to that contact). A parent held back (no owner decision, say) takes its children with it; a parent
no row of the export has is said to be missing from the source.
"""

from __future__ import annotations

import duckdb

CONTACT_REF = """json_extract_string(r."values", '$."ref:contactId"')"""
REACHABLE = """SELECT source_key FROM exec.records WHERE target IN ('contact', 'opportunity')
    UNION SELECT json_extract_string(c."values", '$."ref:companyId"') FROM exec.records c
    WHERE c.target = 'contact' AND json_extract_string(c."values", '$."ref:companyId"') IN (
        SELECT source_key FROM exec.records WHERE target = 'company')"""

# Source keys of every record a contact link can reach, whatever became of its row: a link to none of
# them names a parent the export does not hold (deleted before the export), not one the run held back;
# a product's or a document's key is no such parent.
PARENTS = "('contact', 'opportunity', 'company')"
KNOWN = f"""SELECT source_key FROM exec.records WHERE target IN {PARENTS}
    UNION SELECT source_key FROM exec.transform_errors WHERE target IN {PARENTS}
    UNION SELECT source_key FROM exec.skipped_rows WHERE target IN {PARENTS}"""


def drop_orphans(con: duckdb.DuckDBPyConnection) -> None:
    orphan = f"{CONTACT_REF} IS NOT NULL AND {CONTACT_REF} NOT IN ({REACHABLE})"
    con.execute(
        f"""INSERT INTO exec.transform_errors SELECT r.source_object, r.target, r.source_key, r."row",
        'ref:contactId', 'contactId',
        'links to ' || {CONTACT_REF} || CASE WHEN {CONTACT_REF} IN ({KNOWN})
        THEN ', which is no migrated record'
        ELSE ', which no readable row of the export has as its key (the source holds no such parent)' END
        || ': record not migrated', true
        FROM exec.records r WHERE {orphan}"""
    )
    con.execute(f"DELETE FROM exec.records r WHERE {orphan}")
