"""A flat invoice export (one row per line, the invoice's columns repeated) through plan, apply,
reconcile and verify against the stand-in process: one invoice per number carrying every row as a
line, never one invoice per row; each row accounted (the first landed, the others merged into it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, field_map, tiny_workspace
from tests.test_invoice_wiring import hlmap

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=100_000)
INV = TargetObject.INVOICE
COLUMNS = ["client_id", "number", "date", "total", "status", "item", "qty", "price"]
ROWS = [
    ("C1", "FV-001", "2024-03-01", "140.00", "Paid", "Grifo", "2", "50"),
    ("C1", "FV-001", "2024-03-01", "140.00", "Paid", "Visita", "1", "40"),
    ("C2", "FV-002", "2024-03-05", "60.00", "Pending", "Azulejo", "3", "20"),
    ("C2", "FV-003", "2024-03-06", "10.00", "Pending", "Tornillo", "1", "10"),
]


def _workspace(root: Path) -> Workspace:
    doc = document()
    doc.objects.append(
        ObjectMap(id="object:sales", source_object="sales", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=INV)])
    )  # fmt: skip
    lookup = {"kind": TransformKind.LOOKUP, "params": {"object": "clients"}}
    doc.fields += [
        field_map("sales", ["number"], INV, "invoiceNumber"),
        field_map("sales", ["date"], INV, "issueDate"),
        field_map("sales", ["total"], INV, "total"),
        field_map("sales", ["status"], INV, "status"),
        field_map("sales", ["client_id"], INV, "contactId", **lookup),  # type: ignore[arg-type]
        field_map("sales", ["item"], INV, "description"),
        field_map("sales", ["qty"], INV, "qty"),
        field_map("sales", ["price"], INV, "amount"),
    ]
    ws = tiny_workspace(root, doc)
    con = ws.connect()
    con.execute(f'CREATE TABLE raw.sales ({", ".join(c + " VARCHAR" for c in COLUMNS)}, "_row" BIGINT)')
    con.executemany(
        f"INSERT INTO raw.sales VALUES ({', '.join('?' * 9)})", [(*r, i + 1) for i, r in enumerate(ROWS)]
    )
    ws.close()
    return ws


def test_rows_sharing_a_number_are_one_invoice_with_their_lines(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = _workspace(tmp_path / "ws")
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], catch_exceptions=False)
    assert plan.exit_code == 0, plan.output
    assert "invoice:sales: 1 source rows carry nothing" not in plan.output  # the second line is no lost row
    assert "sales: 2 rows are the lines of 1 document that" in plan.output.replace("\n", " ")

    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert applied.exit_code == 0, applied.output
    made = sandbox.admin("GET", "records/invoices")["records"]
    assert sorted(i["invoiceNumber"] for i in made) == ["FV-001", "FV-002", "FV-003"]
    first = next(i for i in made if i["invoiceNumber"] == "FV-001")
    assert [(i["name"], i["qty"], i["amount"]) for i in first["invoiceItems"]] == [
        ("Grifo", 2, 50),
        ("Visita", 1, 40),
    ]

    assert hlmap(ws.root, sandbox, "reconcile", "--json").exit_code == 0
    rows = (
        ws.connect()
        .execute(
            """SELECT CAST("row" AS VARCHAR), outcome, policy, into_record FROM exec.accounting
        WHERE source_table = 'sales' ORDER BY "row\""""
        )
        .fetchall()
    )
    ws.close()
    assert [r[1] for r in rows] == ["landed", "merged", "landed", "landed"]
    assert rows[1][2] == "one-document-per-number" and rows[1][3] == "invoice:sales:1"
    assert hlmap(ws.root, sandbox, "verify").exit_code == 0
