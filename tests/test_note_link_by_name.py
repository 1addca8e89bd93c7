"""A job's note goes to the contact its opportunity reaches by the customer's name; a note that still
cannot be sent is named beside its landed opportunity, and the table does not read clean.

Against the stand-in process: quotes become an opportunity and a note made of their remarks (an extra
target of the object map); the opportunity names its client by name through the clients table. The
note resolves its contact the same way. When the note's own link is mapped to read a key from the
same names, the notes are held: the rows count landed (their opportunity is there), the held notes are
listed per table with their reason, and the accounting is not clean.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute.accounting.summary import summarise
from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0, scope="function")  # each test its own location
OPP, N = TargetObject.OPPORTUNITY, TargetObject.NOTE
# id, title, status, customer (a client's name), remarks
QUOTES = [
    ("Q1", "Reforma baño", "sent", "María José García López", "Llamar antes", 1),
    ("Q2", "Cocina", "accepted", "José Luis Rodríguez", "Pago en dos plazos", 2),
    ("Q3", "Ventanas", "sent", "Carlos Pérez Díaz", "Medidas pendientes", 3),
]
BY_NAME = {"object": "contact", "table": "clients", "key": "id", "by_names": [["name"]]}


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def quotes_with_notes(note_link: bool) -> MappingDocument:
    doc = document()
    doc.objects = [o for o in doc.objects if o.source_object != "quotes"]
    doc.objects.append(
        ObjectMap(id="object:quotes", source_object="quotes", key_column="id", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=OPP), ObjectTarget(object=N, role="from_columns")])
    )  # fmt: skip
    doc.fields = [f for f in doc.fields if f.source_object != "quotes"]
    doc.fields += [
        field_map("quotes", ["title"], OPP, "name"),
        field_map("quotes", ["status"], OPP, "pipelineStageId", kind=TransformKind.VALUE_MAP),
        field_map("quotes", ["customer"], OPP, "contactId", kind=TransformKind.LOOKUP, params=BY_NAME),
        field_map("quotes", ["remarks"], N, "body"),
    ]
    if note_link:  # the note's own link reading the names as keys: no contact has such a key
        doc.fields.append(
            field_map("quotes", ["customer"], N, "contactId", kind=TransformKind.LOOKUP,
                      params={"object": "clients"}, suffix="@note")
        )  # fmt: skip
    return doc


def workspace(root: Path, note_link: bool) -> Workspace:
    ws = tiny_workspace(root, quotes_with_notes(note_link))
    con = ws.connect()
    con.execute(
        """CREATE OR REPLACE TABLE raw.quotes (id VARCHAR, title VARCHAR, status VARCHAR, customer VARCHAR,
        remarks VARCHAR, "_row" BIGINT)"""
    )
    con.executemany("INSERT INTO raw.quotes VALUES (?, ?, ?, ?, ?, ?)", QUOTES)
    ws.close()
    return ws


def run(ws: Workspace, sandbox: SandboxHandle) -> dict[str, str]:
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert applied.exit_code == 0, applied.output
    hlmap(ws.root, sandbox, "reconcile", "--json")
    rows = ws.connect().execute("SELECT op_id, hl_id FROM exec.ledger WHERE status = 'done'").fetchall()
    ws.close()
    return {str(op): str(hl) for op, hl in rows}


def test_a_jobs_note_reaches_the_contact_its_opportunity_reaches_by_name(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = workspace(tmp_path / "ws", note_link=False)
    ids = run(ws, sandbox)
    with sandbox.client() as http:
        for quote, client, remark in [("Q1", "C1", "Llamar antes"), ("Q3", "C6", "Medidas pendientes")]:
            contact = ids[f"contact:clients:{client}"]
            assert (
                http.get(f"/opportunities/{ids[f'opportunity:quotes:{quote}']}").json()["opportunity"][
                    "contactId"
                ]
                == contact
            )
            bodies = [n["body"] for n in http.get(f"/contacts/{contact}/notes").json()["notes"]]
            assert any(remark in b for b in bodies), bodies
    account = summarise(ws.connect())
    ws.close()
    quotes = next(t for t in account.tables if t.table == "quotes")
    assert (quotes.counts, quotes.clean) == ({"landed": 3}, True)


def test_a_held_note_beside_a_landed_opportunity_is_named_and_the_table_is_not_clean(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = workspace(tmp_path / "ws", note_link=True)
    ids = run(ws, sandbox)
    assert {f"opportunity:quotes:{q}" for q in ("Q1", "Q2", "Q3")} <= set(ids)
    assert not [k for k in ids if k.startswith("note:quotes:")]
    con = ws.connect()
    account = summarise(con)
    records = con.execute("SELECT records FROM exec.accounting WHERE source_table = 'quotes'").fetchall()
    ws.close()
    quotes = next(t for t in account.tables if t.table == "quotes")
    assert quotes.counts == {"landed": 3}  # each row's own record, the opportunity, is there
    assert not quotes.clean and not account.clean
    assert quotes.records_short == 3
    assert any(
        line.startswith("3 note:quotes held beside their row's landed record: ") for line in quotes.lost
    )
    assert all("note:quotes held" in str(r[0]) and "opportunity:quotes landed" in str(r[0]) for r in records)
