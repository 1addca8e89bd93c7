"""A nested list of a person's companies merged into the person's contact carries its company link.

Against the stand-in process: clients are contacts, firms are companies, and ``clients__firms`` (one
row per company a client works for, as an API export nests them) merges into its client. The first
firm of each client links the contact to that company; a later one is named in the note its row
travels in. A quote linked to a firm through a typed link ('firm' + id) reaches the contact that
works for it (its own key, never the nested row's number), and every source row is accounted for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
C, CO = TargetObject.CONTACT, TargetObject.COMPANY
FIRMS = [("F1", "Reformas Rodríguez SL", 1), ("F2", "Construcciones Sánchez", 2)]
# firm id, client id: C4 works for F2 first, then for F1
CLIENT_FIRMS = [("F1", "C2", 1), ("F2", "C4", 2), ("F1", "C4", 3)]
# id, number, title, status, total, linked kind, linked id
QUOTES = [
    ("Q1", "P-001", "Reforma baño", "sent", "1.234,56", "client", "C1", 1),
    ("Q2", "P-002", "Cocina", "accepted", "5.000,00", "firm", "F1", 2),
    ("Q3", "P-003", "Tejado", "sent", "780,50", "firm", "F2", 3),
]


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def with_firms() -> MappingDocument:
    doc = document()
    clients = next(o for o in doc.objects if o.source_object == "clients")
    clients.targets = [ObjectTarget(object=C)]  # the person's companies come from the firms table
    doc.fields = [f for f in doc.fields if f.target.object != CO and f.source_object != "quotes"]
    doc.fields = [f for f in doc.fields if f.target.field != "companyName"]
    doc.objects += [
        ObjectMap(id="object:firms", source_object="firms", key_column="id", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=CO)]),
        ObjectMap(id="object:clients__firms", source_object="clients__firms", status=Status.ACCEPTED,
                  parent_object="clients", targets=[ObjectTarget(object=C, role="merge_into_parent")]),
    ]  # fmt: skip
    o = TargetObject.OPPORTUNITY
    typed = {
        "object_column": "kind",
        "objects": {"firm": "company", "client": "contact"},
        "tables": {"firm": "firms", "client": "clients"},
        "keys": {"firms": "id", "clients": "id"},
    }
    doc.fields += [
        field_map("firms", ["name"], CO, "name"),
        field_map("clients__firms", ["firm.id"], C, "companyId", kind=TransformKind.LOOKUP,
                  params={"object": "company", "table": "firms", "key": "id"}),
        field_map("quotes", ["title"], o, "name"),
        field_map("quotes", ["status"], o, "pipelineStageId", kind=TransformKind.VALUE_MAP),
        field_map("quotes", ["kind", "related"], o, "contactId", kind=TransformKind.LOOKUP, params=typed),
    ]  # fmt: skip
    return doc


def load_firms(ws: Workspace) -> None:
    con = ws.connect()
    con.execute('CREATE TABLE raw.firms (id VARCHAR, name VARCHAR, "_row" BIGINT)')
    con.executemany("INSERT INTO raw.firms VALUES (?, ?, ?)", FIRMS)
    con.execute('CREATE TABLE raw.clients__firms ("firm.id" VARCHAR, "_parent_key" VARCHAR, "_row" BIGINT)')
    con.executemany("INSERT INTO raw.clients__firms VALUES (?, ?, ?)", CLIENT_FIRMS)
    con.execute(
        """CREATE OR REPLACE TABLE raw.quotes (id VARCHAR, number VARCHAR, title VARCHAR, status VARCHAR,
        total VARCHAR, kind VARCHAR, related VARCHAR, "_row" BIGINT)"""
    )
    con.executemany("INSERT INTO raw.quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", QUOTES)
    ws.close()


def hl_ids(ws: Workspace) -> dict[str, str]:
    rows = ws.connect().execute("SELECT op_id, hl_id FROM exec.ledger WHERE status = 'done'").fetchall()
    ws.close()
    return {str(op): str(hl) for op, hl in rows}


def test_a_merged_company_link_reaches_the_contact_and_a_deal_on_the_company_reaches_its_person(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", with_firms())
    load_firms(ws)
    plan = hlmap(ws.root, None, "plan")
    assert plan.exit_code == 0, plan.output
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert applied.exit_code == 0, applied.output
    ids = hl_ids(ws)
    with sandbox.client() as http:
        held = {
            c: http.get(f"/contacts/{ids[f'contact:clients:{c}']}").json()["contact"] for c in ("C2", "C4")
        }
        assert held["C2"].get("businessId") == ids["company:firms:F1"]
        assert held["C4"].get("businessId") == ids["company:firms:F2"]  # its first firm
        notes = http.get(f"/contacts/{ids['contact:clients:C4']}/notes").json()["notes"]
        deals = {ids[f"opportunity:quotes:{q}"]: q for q in ("Q1", "Q2", "Q3")}
        contacts = {
            deals[d["id"]]: d["contactId"] for d in sandbox.admin("GET", "records/opportunities")["records"]
        }
    later = "Company id (firms key, not linked: the record holds one): F1"
    assert any(later in n["body"] for n in notes), [n["body"] for n in notes]
    assert contacts == {
        "Q1": ids["contact:clients:C1"],
        "Q2": ids["contact:clients:C2"],  # the first person working for F1, not the nested row 1
        "Q3": ids["contact:clients:C4"],
    }

    hlmap(ws.root, sandbox, "reconcile", "--json")
    con = ws.connect()
    outcomes = con.execute(
        """SELECT source_table, outcome, count(*) FROM exec.accounting
        WHERE source_table IN ('clients__firms', 'quotes', 'firms') GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    ws.close()
    assert outcomes == [("clients__firms", "merged", 3), ("firms", "landed", 2), ("quotes", "landed", 3)]
