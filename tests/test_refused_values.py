"""Values HighLevel would refuse in their field: carried as lines of a note on the record's contact,
and where no contact can hold them, counted as lost against the run's "clean".

Against the stand-in process on the tiny migration: client C4's phone ('12') is no valid number and its
"customer since" no date, C3's email lacks a domain ending; the contacts land without them, and each
value arrives instead as a line of a note on its contact, in the source's spelling, with the reason.
Quote Q1's total is no amount: the opportunity lands without it and the value rides on a note on its
contact; C4's company gets the same phone, and a company holds no notes: it rides on a note on the
company's contact. A supplier (a company no contact belongs to) with a phone of two digits has no
contact to carry it: the supplier lands without it, and reconcile says the run is not clean, naming
the table, the field and the value (reports/values-lost.csv).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute.refused_values import FOOTER
from assistant.mapping.items import HoldingParent, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def _workspace(root: Path) -> Path:
    doc = document()
    doc.objects.append(
        ObjectMap(
            id="object:suppliers",
            source_object="suppliers",
            key_column="id",
            status=Status.ACCEPTED,
            targets=[ObjectTarget(object=TargetObject.COMPANY)],
        )
    )
    doc.fields.append(field_map("suppliers", ["name"], TargetObject.COMPANY, "name"))
    es = {"region": "ES"}
    doc.fields.append(
        field_map(
            "suppliers", ["phone"], TargetObject.COMPANY, "phone", kind=TransformKind.PHONE_E164, params=es
        )
    )
    doc.fields.append(
        field_map(
            "clients",
            ["phone"],
            TargetObject.COMPANY,
            "phone",
            kind=TransformKind.PHONE_E164,
            params={"region": "ES"},
            suffix="@company",
        )
    )
    # a map of a column this export lacks (as a map shared from another client's export may hold)
    doc.fields.append(field_map("clients", ["web"], TargetObject.CONTACT, "website"))
    doc.fields.append(
        field_map("clients", ["phone2"], TargetObject.CONTACT, "phone", kind=TransformKind.PHONE_E164)
    )
    # a job of a client the export lacks is parked on the holding contact, which no source table makes
    holding = HoldingParent(id="holding:jobs", source_object="jobs", link_column="client_id")
    doc.holdings.append(holding.model_copy(update={"status": Status.ACCEPTED}))
    ws = tiny_workspace(root, doc)
    con = ws.connect()
    con.execute("UPDATE raw.quotes SET total = 'a consultar' WHERE id = 'Q1'")
    con.execute(
        'CREATE TABLE raw.suppliers (id VARCHAR, name VARCHAR, phone VARCHAR, "_row" BIGINT, '
        '"_load_id" VARCHAR)'
    )
    con.execute(
        "INSERT INTO raw.suppliers VALUES ('S1', 'Hierros SA', '12', 1, 'x'), "
        "('S2', 'Maderas SL', '', 2, 'x')"
    )
    con.execute("INSERT INTO raw.jobs VALUES ('J4', 'C9', 'Visita', '20/04/2024', 'Sin cliente', 4, 'x')")
    ws.close()
    return ws.root


def _notes(handle: SandboxHandle, contact: str) -> list[str]:
    with handle.client() as http:
        return [n["body"] for n in http.get(f"/contacts/{contact}/notes").json()["notes"]]


def test_refused_values_ride_on_a_note_and_the_rest_count_against_clean(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = _workspace(tmp_path / "ws")
    plan = hlmap(ws, None, "plan")
    assert plan.exit_code == 0, plan.output
    said = re.sub(r"\s+", " ", plan.output)
    assert "contact:holding" in said
    assert (
        "clients: 3 values HighLevel would refuse in their field (custom field 'Customer since' 1, email 1, "
        "phone 1) travel as lines of a note on their contact, as in the source (extra_values:clients in the "
        "plan)" in said
    )
    assert (
        "quotes: 1 opportunity value HighLevel would refuse in their field (monetaryValue 1) travel as a "
        "note on the record's contact, as in the source (refused_values:quotes in the plan)" in said
    )
    assert hlmap(ws, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet").exit_code == 0

    reconciled = hlmap(ws, sandbox, "reconcile", "--json")
    assert reconciled.exit_code == 1
    ids = _ids(ws)
    assert not _contact(sandbox, ids["C4"]).get("phone")
    assert _notes(sandbox, ids["C3"]) == [
        "email: ana.fuente@example (not accepted as email: not a valid email: The part after the @-sign is "
        "not valid. It should have a period.)\n" + FOOTER
    ]
    assert sorted(_notes(sandbox, ids["C4"])) == [
        "Company 'Construcciones Sánchez' (clients row 4):\n"
        "phone: 12 (not accepted as phone: not a valid phone number for region ES)\n" + FOOTER,
        "phone: 12 (not accepted as phone: not a valid phone number for region ES)\n"
        "since: not a date (not accepted as custom field 'Customer since': not a date)\n" + FOOTER,
    ]
    assert (
        "Opportunity 'P-001 Reforma baño' (quotes row 1):\n"
        "total: a consultar (not accepted as monetaryValue: not a number)\n" + FOOTER
    ) in _notes(sandbox, ids["C1"])

    tables = {t["table"]: t for t in json.loads(reconciled.output)["accounting"]["tables"]}
    assert tables["quotes"]["values_lost"] == 0 and tables["quotes"]["clean"]
    assert tables["clients"]["values_lost"] == 0
    assert tables["suppliers"]["values_lost"] == 1 and not tables["suppliers"]["clean"]
    assert tables["suppliers"]["lost"] == [
        "1 phone values did not arrive: not a valid phone number for region ES: 12"
    ]
    with (ws / "reports" / "values-lost.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["source_table"], r["source_key"], r["record"], r["field"]) for r in rows] == [
        ("suppliers", "S1", "company", "phone")
    ]


def _contact(handle: SandboxHandle, contact: str) -> dict[str, Any]:
    with handle.client() as http:
        return dict(http.get(f"/contacts/{contact}").json()["contact"])


def _ids(ws: Path) -> dict[str, str]:
    from assistant.workspace import Workspace

    w = Workspace(ws)
    try:
        rows = w.connect().execute(
            """SELECT split_part(op_id, ':', 3), hl_id FROM exec.ledger
            WHERE status = 'done' AND op_id LIKE 'contact:clients:%'"""
        )
        return {str(k): str(v) for k, v in rows.fetchall()}
    finally:
        w.close()
