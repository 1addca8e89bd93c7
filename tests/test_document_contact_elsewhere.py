"""A document's contact from another table of the same object: an estimate of a prospect.

The quote names account 77, which is no client but a prospect (the run resolves the contact to the
only contact record with that key). That prospect has no phone, so HighLevel would refuse the
estimate: it travels as a note on the prospect, and the plan names it and what its contact lacks.
"""

from __future__ import annotations

import json

import duckdb

from assistant.execute.document_contacts import carry_documents_as_notes, plan_lines
from assistant.execute.specs import RecordSpec, Ref
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import TargetObject

DDL = """CREATE SCHEMA exec; CREATE TABLE exec.records (target VARCHAR, source_object VARCHAR,
    source_key VARCHAR, "row" BIGINT, pass INTEGER, "values" VARCHAR, payload_hash VARCHAR)"""


def _record(
    con: duckdb.DuckDBPyConnection, target: str, table: str, key: str, values: dict[str, object]
) -> None:
    con.execute(
        "INSERT INTO exec.records VALUES (?, ?, ?, 1, 1, ?, '')", [target, table, key, json.dumps(values)]
    )


def test_an_estimate_of_a_prospect_without_a_phone_goes_as_a_note() -> None:
    con = duckdb.connect()
    con.execute(DDL)
    _record(con, "contact", "clients", "1", {"email": "a@x.es", "phone": "+34600000001"})
    _record(con, "contact", "prospects", "77", {"email": "p@x.es"})
    quote = {
        "invoiceNumber": "P-9",
        "issueDate": "2024-05-01",
        "total": 10,
        "ref:contactId": "77",
        "lines": [],
    }
    _record(con, "estimate", "quotes", "9", quote)
    om = ObjectMap(
        id="object:quotes", source_object="quotes", targets=[ObjectTarget(object=TargetObject.ESTIMATE)]
    )
    spec = RecordSpec("estimate", "quotes", om, om.targets[0], refs=[Ref("contactId", "contact", "clients")])

    carried = carry_documents_as_notes(con, [spec])

    assert [(c.replaces, c.notes) for c in carried] == [("estimate", 1)]
    assert carried[0].which == ("P-9 (contact prospects:77 has no phone)",)
    assert "P-9 (contact prospects:77 has no phone)" in plan_lines(carried)[0]
    left = con.execute("SELECT target FROM exec.records WHERE source_object = 'quotes'").fetchall()
    assert left == [("document_as_note",)]
