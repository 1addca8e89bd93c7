"""A child naming its parent by type + record number: a parent missing from the export is said so,
apart from a parent that is there but did not migrate; a held row carries that reason."""

from __future__ import annotations

import duckdb

from assistant.execute.compile import create_tables
from assistant.execute.holding import HOLDING_KEY, PARKED, park_output
from assistant.execute.orphans import drop_orphans
from assistant.execute.required_values import needs_message_sql
from assistant.execute.transforms.typed_parent import typed_parent
from assistant.transforms.kinds import Context

PARAMS: dict[str, object] = {
    "object_column": "Attached To",
    "tables": {"Estimate": "estimates", "Client": "clients"},
    "objects": {"Estimate": "opportunity", "Client": "contact"},
    "keys": {"estimates": "Estimate #"},
}


def _reasons(params: dict[str, object]) -> dict[str, tuple[str | None, str | None]]:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    con.execute(
        """CREATE TABLE raw.estimates ("Estimate #" VARCHAR); INSERT INTO raw.estimates VALUES ('E-1')"""
    )
    con.execute(
        """CREATE TABLE raw.attachments (name VARCHAR, "Attached To" VARCHAR, "Record #" VARCHAR);
        INSERT INTO raw.attachments VALUES ('held.jpg', 'Estimate', 'E-1'), ('orphan.jpg', 'Estimate', 'E-9'),
        ('client.jpg', 'Client', 'CL-7')"""
    )
    out = typed_parent(Context(key="contactId", columns=["Attached To", "Record #"], params=params))[0]
    held = needs_message_sql(
        "HighLevel requires contactId for a note and 'Record #' holds no usable value: record not migrated",
        "contactId|opportunityId",
        [("contactId", f"({out.error})")],
    )
    rows = con.execute(f"SELECT name, {out.value}, {held} FROM raw.attachments AS src").fetchall()
    return {str(n): (v, e) for n, v, e in rows}


def test_a_parent_missing_from_the_export_is_named_as_such() -> None:
    found = _reasons(PARAMS)
    assert found["client.jpg"][0] == "CL-7"  # a contact table's key is the contact itself
    orphan = found["orphan.jpg"][1] or ""
    assert "(Estimate E-9 is not in the export (no estimates row has that key)" in orphan
    assert orphan.endswith(": record not migrated")
    held = found["held.jpg"][1] or ""  # its estimate exists but made no record: a different reason
    assert "E-1 reaches no migrated contact" in held and "not in the export" not in held


def test_without_the_parent_keys_the_old_reason_stands() -> None:
    found = _reasons({k: v for k, v in PARAMS.items() if k != "keys"})
    assert "E-9 reaches no migrated contact" in (found["orphan.jpg"][1] or "")


def test_a_company_without_contacts_reaches_the_contact_of_its_same_name_and_website_twin() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    records = [
        ("company", "co_1", '{"name": "Laurentian Foundation", "website": "laurentianfoundation.ca"}'),
        ("company", "co_2", '{"name": "laurentian foundation ", "website": "LaurentianFoundation.ca"}'),
        ("company", "co_3", '{"name": "Laurentian Foundation", "website": "other.ca"}'),
        ("company", "co_4", '{"name": "Bytown Ltd.", "website": "bytown.ca"}'),
        ("contact", "10", '{"ref:companyId": "co_2"}'),
        ("contact", "11", '{"ref:companyId": "co_3"}'),
    ]
    for target, key, values in records:
        con.execute("INSERT INTO exec.records VALUES (?, 'src', ?, 1, 1, ?, '')", [target, key, values])
    con.execute(
        """CREATE TABLE raw.notes ("related_type" VARCHAR, "related_id" VARCHAR);
        INSERT INTO raw.notes VALUES ('company', 'co_1'), ('company', 'co_3'), ('company', 'co_4')"""
    )
    params: dict[str, object] = {
        "object_column": "related_type",
        "tables": {"company": "companies"},
        "objects": {"company": "company"},
    }
    out = typed_parent(Context(key="contactId", columns=["related_type", "related_id"], params=params))[0]
    found = con.execute(f"SELECT related_id, {out.value} FROM raw.notes AS src ORDER BY 1").fetchall()
    # its twin's contact (same name and website); its own contact first; no twin, no contact
    assert found == [("co_1", "10"), ("co_3", "11"), ("co_4", None)]


def test_a_link_to_a_key_no_source_row_has_is_told_apart_from_a_held_parent() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    con.execute(
        """INSERT INTO exec.records VALUES ('task', 'tasks', 't1', 1, 9, '{"ref:contactId": "10377"}', ''),
        ('task', 'tasks', 't2', 2, 9, '{"ref:contactId": "10005"}', '')"""
    )
    con.execute(  # contact 10005 is in the export but was held back (no owner decision)
        """INSERT INTO exec.transform_errors VALUES ('contacts', 'contact', '10005', 6, 'owner', 'assignedTo',
        'no owner decision', true)"""
    )
    drop_orphans(con)
    why = dict(
        con.execute(
            "SELECT source_key, error FROM exec.transform_errors WHERE source_object = 'tasks'"
        ).fetchall()
    )
    assert why["t1"] == (
        "links to 10377, which no readable row of the export has as its key (the source holds no such "
        "parent): record not migrated"
    )
    assert why["t2"] == "links to 10005, which is no migrated record: record not migrated"
    assert con.execute("SELECT count(*) FROM exec.records").fetchone() == (0,)


def test_a_parked_table_sends_a_missing_parent_to_the_holding_contact_and_keeps_the_held_one() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA exec")
    create_tables(con)
    con.execute(
        """CREATE TABLE raw.estimates ("Estimate #" VARCHAR); INSERT INTO raw.estimates VALUES ('E-1');
        CREATE TABLE raw.attachments (name VARCHAR, "Attached To" VARCHAR, "Record #" VARCHAR);
        INSERT INTO raw.attachments VALUES ('held.jpg', 'Estimate', 'E-1'), ('orphan.jpg', 'Estimate', 'E-9'),
        ('client.jpg', 'Client', 'CL-7')"""
    )
    link = typed_parent(Context(key="contactId", columns=["Attached To", "Record #"], params=PARAMS))[0]
    out, parked = park_output(link)
    assert parked.key == PARKED
    rows = con.execute(
        f"SELECT name, {out.value}, {out.error}, {parked.value} FROM raw.attachments AS src ORDER BY 1"
    ).fetchall()
    found = {str(n): (v, e, p) for n, v, e, p in rows}
    assert found["orphan.jpg"] == (HOLDING_KEY, None, "Source Estimate E-9, not in the export:")
    assert found["held.jpg"][0] is None and "E-1 reaches no migrated contact" in str(found["held.jpg"][1])
    assert found["client.jpg"] == ("CL-7", None, None)
