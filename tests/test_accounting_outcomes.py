"""Source accounting against the stand-in process: every source row gets exactly one outcome.

The tiny migration grows one row or table per outcome class: a job without a due date (held back
by a rule HighLevel forces), a client sharing another's email (merged by HighLevel's duplicate
rule), a second address of a client (merged as a note on the client's contact), two invoices
writing the same contact fields (the earlier one overwritten), a row the ingest could not read
(failed), and a table no decision covers (undecided). Only a run without any of those is clean.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.ingest.meta import ensure_meta
from assistant.mapping.items import CustomFieldSpec, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import DataType, FieldModel, Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
C = TargetObject.CONTACT


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def hlmap(ws: Path, sandbox: SandboxHandle, *args: str) -> Any:
    extra = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def lossy_document() -> MappingDocument:
    doc = document()
    total = CustomFieldSpec(
        name="Invoice total",
        field_key="contact.invoice_total",
        data_type=DataType.TEXT,
        model=FieldModel.CONTACT,
    )
    doc.objects += [
        ObjectMap(id="object:addresses", source_object="addresses", status=Status.ACCEPTED,
                  parent_object="clients", targets=[ObjectTarget(object=C, role="merge_into_parent")]),
        ObjectMap(id="object:invoices", source_object="invoices", key_column="id", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=C, role="document_fields")]),
    ]  # fmt: skip
    doc.fields += [
        field_map("addresses", ["city"], C, "city"),
        field_map("invoices", ["total"], C, custom=total),
        field_map(
            "invoices", ["client_id"], C, "contactId", kind=TransformKind.LOOKUP, params={"object": "clients"}
        ),
    ]
    return doc


def grow(ws: Workspace) -> None:
    con = ws.connect()
    dup = ("C7", "Copia de María", "mj.garcia@example.com", "", "", "", "ana@example.com", "", "")
    con.execute(f"INSERT INTO raw.clients VALUES ({', '.join('?' * 9)}, 7, 'load-1')", list(dup))
    con.execute("INSERT INTO raw.jobs VALUES ('=J4', 'C2', 'Sin fecha', '', '', 4, 'load-1')")
    con.execute('CREATE TABLE raw.addresses (city VARCHAR, "_parent_key" VARCHAR, "_row" BIGINT)')
    con.execute(
        "INSERT INTO raw.addresses VALUES ('Madrid', 'C1', 1), ('Toledo', 'C1', 2), ('Sevilla', 'C2', 3)"
    )
    con.execute('CREATE TABLE raw.invoices (id VARCHAR, client_id VARCHAR, total VARCHAR, "_row" BIGINT)')
    con.execute("INSERT INTO raw.invoices VALUES ('F1', 'C6', '100.00', 1), ('F2', 'C6', '250.00', 2)")
    ensure_meta(con)
    con.execute(
        "INSERT INTO meta.rejects VALUES ('load-1', 'clients', 'clients.csv', 9, NULL, 'unclosed quote', ''),"
        "('load-1', 'clients', 'clients.csv', 10, NULL, 'blank row: empty line', '')"  # nothing to lose
    )
    con.execute('CREATE TABLE raw.extras (note VARCHAR, "_row" BIGINT)')
    con.execute("INSERT INTO raw.extras VALUES ('suelto', 1)")
    ws.close()


def outcomes(ws: Workspace, table: str) -> dict[str, tuple[Any, ...]]:
    rows = (
        ws.connect()
        .execute(
            """SELECT coalesce(source_key, CAST("row" AS VARCHAR)), outcome, destination_id, policy,
        into_record, decision, decided_by, rule, detail FROM exec.accounting WHERE source_table = ?""",
            [table],
        )
        .fetchall()
    )
    return {str(r[0]): r[1:] for r in rows}


def test_every_source_row_has_one_outcome_and_only_a_lossless_run_is_clean(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws", lossy_document())
    grow(ws)
    assert hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet").exit_code == 0
    result = hlmap(ws.root, sandbox, "reconcile", "--json")
    report = json.loads(result.output)
    assert result.exit_code == 1 and report["clean"] is False
    tables = {t["table"]: t for t in report["accounting"]["tables"]}
    assert {t: tables[t]["rows"] for t in tables} == {
        "addresses": 3, "clients": 8, "extras": 1, "invoices": 2, "jobs": 4, "quotes": 4, "workflows": 1,
    }  # fmt: skip

    clients = outcomes(ws, "clients")
    assert clients["C1"][0] == "landed" and clients["C1"][1]
    assert clients["C7"][:4] == ("merged", clients["C1"][1], "highlevel-duplicate-rule", "contact:clients:C1")
    assert clients["clients.csv:9"][0] == "failed" and "unclosed quote" in clients["clients.csv:9"][7]
    jobs = outcomes(ws, "jobs")
    assert jobs["J1"][0] == "landed"
    assert jobs["=J4"][0] == "held" and jobs["=J4"][6] == "dueDate" and "dueDate" in jobs["=J4"][7]
    addresses = outcomes(ws, "addresses")
    assert [addresses[r][0] for r in ("1", "2", "3")] == ["merged", "merged", "merged"]
    assert addresses["1"][3] == "contact:clients:C1" and addresses["1"][1] == clients["C1"][1]
    assert addresses["2"][2:4] == ("later-child-as-note", "contact:clients:C1")
    invoices = outcomes(ws, "invoices")
    assert invoices["F2"][0] == "landed" and invoices["F1"][0] == "not_carried"
    assert "overwritten by F2" in invoices["F1"][7]
    workflows = outcomes(ws, "workflows")["1"]
    assert workflows[0] == "excluded" and workflows[4:6] == ("object:workflows", "test")
    extras = outcomes(ws, "extras")["1"]
    assert extras[0] == "undecided" and extras[4] is None

    rows = list(csv.DictReader((ws.root / "reports" / "accounting.csv").open(encoding="utf-8")))
    assert {r["outcome"] for r in rows} == {
        "merged",
        "not_carried",
        "held",
        "failed",
        "excluded",
        "undecided",
    }
    assert next(r for r in rows if r["source_table"] == "jobs")["source_key"] == "'=J4"  # OWASP prefix
    text = (ws.root / "reports" / "reconciliation.md").read_text(encoding="utf-8")
    assert "| jobs | 4 | 3 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | **NO** |" in text
