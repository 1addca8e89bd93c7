"""A child table merged into its parent contact: the first row per parent fills the contact, each later
row travels as a note on it, so a client's second address is never lost.

Against the stand-in process on the tiny migration: client C1 has two addresses, C2 one. The plan
counts the later row, the run fills C1's address from its first row and lands one note with the
second row's values (read back from the stand-in), the source accounting shows every address row
merged (none not carried), and a rollback deletes the note like any other record the run made.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute.later_children import carries, label
from assistant.execute.specs import RecordSpec
from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
C = TargetObject.CONTACT


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def with_addresses() -> MappingDocument:
    doc = document()
    doc.objects.append(
        ObjectMap(id="object:addresses", source_object="addresses", status=Status.ACCEPTED,
                  parent_object="clients", targets=[ObjectTarget(object=C, role="merge_into_parent")])
    )  # fmt: skip
    doc.fields += [
        field_map("addresses", ["street"], C, "address1"),
        field_map("addresses", ["city"], C, "city"),
        field_map("addresses", ["postcode"], C, "postalCode"),
    ]
    return doc


def test_a_clients_second_address_lands_as_a_note_and_every_row_is_merged(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", with_addresses())
    con = ws.connect()
    con.execute(
        """CREATE TABLE raw.addresses (street VARCHAR, city VARCHAR, postcode VARCHAR,
        "_parent_key" VARCHAR, "_row" BIGINT)"""
    )
    con.execute(
        """INSERT INTO raw.addresses VALUES ('Calle Mayor 1', 'Madrid', '28001', 'C1', 1),
        ('Calle Real 2', 'Toledo', '45001', 'C1', 2), ('Av. de la Palmera 3', 'Sevilla', '41012', 'C2', 3)"""
    )
    ws.close()
    plan = hlmap(ws.root, None, "plan")
    assert plan.exit_code == 0, plan.output
    said = re.sub(r"\s+", " ", plan.output)
    assert "1 later row of addresses carried as notes on their parent (later_child:addresses" in said
    assert hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet").exit_code == 0

    con = ws.connect()
    c1 = con.execute(
        "SELECT hl_id FROM exec.ledger WHERE op_id = 'contact:clients:C1' AND status = 'done'"
    ).fetchone()
    note = con.execute(
        "SELECT hl_id FROM exec.ledger WHERE op_id LIKE 'later_child:addresses:%' AND status = 'done'"
    ).fetchall()
    ws.close()
    assert c1 is not None and len(note) == 1
    with sandbox.client() as http:
        contact = http.get(f"/contacts/{c1[0]}").json()["contact"]
        assert (contact["address1"], contact["city"], contact["postalCode"]) == (
            "Calle Mayor 1", "Madrid", "28001",
        )  # fmt: skip
        bodies = [n["body"] for n in http.get(f"/contacts/{c1[0]}/notes").json()["notes"]]
    second = "Further address (addresses row 2): Street: Calle Real 2; City: Toledo; Postal code: 45001"
    assert second in bodies

    hlmap(ws.root, sandbox, "reconcile", "--json")  # the source accounting, whatever else it finds
    parts = (
        ws.connect()
        .execute(
            """SELECT "row", outcome, destination_id, policy, into_record FROM exec.accounting_parts
            WHERE source_table = 'addresses' ORDER BY "row" """
        )
        .fetchall()
    )
    ws.close()
    assert [p[1] for p in parts] == ["merged", "merged", "merged"]  # none not carried
    assert parts[1][2:] == (note[0][0], "later-child-as-note", "contact:clients:C1")
    assert parts[0][2:] == (c1[0], "merge-into-parent", "contact:clients:C1")

    assert note[0][0] in {n["id"] for n in sandbox.admin("GET", "records/notes")["records"]}
    assert hlmap(ws.root, None, "rollback", "--yes").exit_code == 0
    assert note[0][0] not in {n["id"] for n in sandbox.admin("GET", "records/notes")["records"]}
    undone = ws.connect().execute(
        """SELECT status FROM exec.ledger WHERE op_id LIKE 'later_child:addresses:%'
        ORDER BY updated_at DESC LIMIT 1"""
    )
    assert undone.fetchone() == ("rolled_back",)  # deleted by the rollback itself, not with its contact
    ws.close()


def test_only_a_contact_parent_keeps_later_rows_as_notes_and_keys_read_as_words() -> None:
    doc = with_addresses()
    om = doc.objects[-1]
    company = ObjectTarget(object=TargetObject.COMPANY, role="merge_into_parent")
    assert carries(RecordSpec("contact", "addresses", om, om.targets[0], merge_into="clients"))
    assert not carries(RecordSpec("company", "addresses", om, company, merge_into="clients"))
    assert [label(k) for k in ("address1", "postalCode", "cf:contact.floor_number")] == [
        "Street", "Postal code", "Floor number",
    ]  # fmt: skip
    assert json.dumps(label("city")) == '"City"'
