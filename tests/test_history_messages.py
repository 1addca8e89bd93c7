"""Call and e-mail history through plan, apply, resume, verify and rollback, against the stand-in.

The tiny migration grows an activity table mapped to HighLevel's ``message``: calls and e-mails of
two clients, written in the source's wall clock (Europe/Madrid) or with an offset, one HTML e-mail,
one row without a date and one of a client that is not migrated. C2 is already in the location with
a conversation of its own. Each dated row must land once in its contact's conversation with its
original instant, a resumed run must find what a killed run sent, nothing may be sent to anyone,
and rollback deletes the conversation the run created while saying what it cannot undo.
"""

from __future__ import annotations

import json
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
MSG = TargetObject.MESSAGE
ACTIVITIES = [  # id, client, kind, direction, when, subject, body, status, from
    ("A1", "C1", "Llamada", "saliente", "2023-05-02 10:30:00", "", "", "completed", "+34612345678"),
    ("A2", "C1", "Email", "Entrante", "2023-05-03T09:00:00+02:00", "Presupuesto", "<p>Hola <b>María</b></p>",
     "", ""),
    ("A3", "C2", "Email", "out", "2023-06-01 18:00:00", "Factura", "Adjunto la factura", "", ""),
    ("A4", "C2", "Call", "in", "2023-06-02 12:00:00", "", "Pregunta por la cita", "missed", "+34911234567"),
    ("A5", "C1", "Email", "out", "", "Sin fecha", "hola", "", ""),  # no date: held, never dated today
    ("A6", "C9", "Call", "in", "2023-07-01 09:00:00", "", "", "completed", ""),  # C9 is no client
]  # fmt: skip
SENT_AT = {"A1": "2023-05-02T08:30:00Z", "A2": "2023-05-03T07:00:00Z",
           "A3": "2023-06-01T16:00:00Z", "A4": "2023-06-02T10:00:00Z"}  # fmt: skip


sandbox = sandbox_fixture(rate_limit=100_000)


def history_document() -> MappingDocument:
    doc = document()
    doc.objects.append(
        ObjectMap(id="object:activities", source_object="activities", key_column="id", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=MSG)])
    )  # fmt: skip
    lookup: Any = {"kind": TransformKind.LOOKUP, "params": {"object": "clients"}}
    doc.fields += [
        field_map("activities", ["client_id"], MSG, "contactId", **lookup),
        field_map("activities", ["kind"], MSG, "type"),
        field_map("activities", ["direction"], MSG, "direction"),
        field_map("activities", ["when"], MSG, "date", kind=TransformKind.DATE),
        field_map("activities", ["subject"], MSG, "subject"),
        field_map("activities", ["body"], MSG, "message"),
        field_map("activities", ["id"], MSG, "altId"),
        field_map("activities", ["status"], MSG, "callStatus"),
        field_map("activities", ["caller"], MSG, "callFrom"),
    ]
    return doc


def history_workspace(root: Path, settings: str) -> Workspace:
    ws = tiny_workspace(root, history_document())
    con = ws.connect()
    cols = ["id", "client_id", "kind", "direction", "when", "subject", "body", "status", "caller"]
    declared = ", ".join(f'"{c}" VARCHAR' for c in cols)
    con.execute(f'CREATE TABLE raw.activities ({declared}, "_row" BIGINT)')
    con.executemany(f"INSERT INTO raw.activities VALUES ({', '.join('?' * 10)})",
                    [(*r, i + 1) for i, r in enumerate(ACTIVITIES)])  # fmt: skip
    ws.close()
    (root / "hlmap.toml").write_text(
        '[execute]\nsource_timezone = "Europe/Madrid"\nverify_read_share = 1.0\n' + settings, encoding="utf-8"
    )
    return Workspace(root)


def hlmap(ws: Path, sandbox: SandboxHandle, *args: str) -> Any:
    extra = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def _records(sandbox: SandboxHandle, table: str) -> list[dict[str, Any]]:
    return list(sandbox.admin("GET", f"records/{table}")["records"])


def _existing_c2(sandbox: SandboxHandle) -> str:
    """C2 is in the location before the run, with a conversation of its own."""
    with sandbox.client() as http:
        body = {"locationId": sandbox.location_id, "firstName": "José Luis", "email": "jl@example.com",
                "companyName": "Reformas Rodríguez SL"}  # fmt: skip
        contact = http.post("/contacts/", json=body).json()["contact"]["id"]
        made = http.post("/conversations/", json={"locationId": sandbox.location_id, "contactId": contact},
                         headers={"Version": "2021-04-15"})  # fmt: skip
        assert made.status_code == 201, made.text
        return str(made.json()["conversation"]["id"])


def test_history_lands_with_its_original_dates_once(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    provider = sandbox.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
    ws = history_workspace(tmp_path / "ws", f'conversation_provider_id = "{provider}"\n')
    theirs = _existing_c2(sandbox)
    applied = hlmap(
        ws.root, sandbox, "apply", "--sample", "200", "--quiet", "--on-duplicate", "clients=overwrite"
    )
    assert applied.exit_code == 0, applied.output
    (diff,) = (ws.root / "reports").glob("sample-diff-*.csv")
    rows = [
        line.split(",")
        for line in diff.read_text(encoding="utf-8").splitlines()
        if line.startswith("message,")
    ]
    assert {(r[1], r[3], r[7]) for r in rows if r[3] in ("date", "subject")} == {
        ("A1", "date", "True"), ("A2", "date", "True"), ("A3", "date", "True"), ("A4", "date", "True"),
        ("A2", "subject", "True"), ("A3", "subject", "True")}  # fmt: skip
    assert all(r[7] == "True" for r in rows), rows
    messages = {m["altId"]: m for m in _records(sandbox, "messages")}
    assert {k: m["dateAdded"] for k, m in messages.items()} == SENT_AT
    assert messages["A2"]["html"] == "<p>Hola <b>María</b></p>" and messages["A2"]["direction"] == "inbound"
    assert messages["A2"]["subject"] == "Presupuesto" and not messages["A3"]["html"]
    assert messages["A1"]["meta"] == {"callStatus": "completed", "callFrom": "+34612345678"}
    assert messages["A1"]["direction"] == "outbound" and messages["A4"]["meta"]["callStatus"] == "no-answer"
    assert messages["A3"]["conversationId"] == messages["A4"]["conversationId"] == theirs
    assert len(_records(sandbox, "conversations")) == 2  # C1's new one, C2's existing one
    assert _records(sandbox, "customerMessages") == []  # nothing was sent to anyone

    # a run killed after sending A2 and A3 left them "started": the next run finds them, adds nothing
    con = ws.connect()
    con.execute("UPDATE exec.ledger SET status = 'started' WHERE op_id IN "
                "('message:activities:A2', 'message:activities:A3')")  # fmt: skip
    con.execute("UPDATE exec.runs SET status = 'interrupted'")
    ws.close()
    again = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert again.exit_code == 0, again.output
    assert len(_records(sandbox, "messages")) == 4
    latest = """SELECT source_key, outcome FROM exec.ledger WHERE object = 'message' AND status = 'done'
        QUALIFY row_number() OVER (PARTITION BY op_id ORDER BY updated_at DESC) = 1"""
    outcomes = dict(ws.connect().execute(latest).fetchall())
    assert outcomes["A2"] == outcomes["A3"] == "recovered" and outcomes["A1"] == "created"

    verified = hlmap(ws.root, sandbox, "verify")
    assert verified.exit_code == 0, verified.output
    compared = (
        ws.connect()
        .execute(
            "SELECT field, outcome, count(*) FROM exec.verification WHERE object = 'message' GROUP BY ALL"
        )
        .fetchall()
    )
    assert ("date", "agreed", 4) in compared and ("body", "agreed", 3) in compared
    assert ("subject", "unread", 2) in compared  # HighLevel's listing returns no subject

    lose_a1 = "UPDATE exec.ledger SET hl_id = ? WHERE op_id = 'message:activities:A1' AND status = 'done'"
    a1 = messages["A1"]["id"]
    ws.connect().execute(lose_a1, ["NoSuchMessage"])  # as if HighLevel had lost A1: reconcile reads it back
    ws.close()
    lost = json.loads(hlmap(ws.root, sandbox, "reconcile", "--json").output)
    counted = {o["object"]: o for o in lost["objects"]}["message"]
    assert (counted["ledger"], counted["destination"]) == (4, 3), counted
    assert counted["missing_in_destination"] == ["message:activities:A1 → NoSuchMessage"]
    ws.connect().execute(lose_a1, [a1])
    ws.close()
    reconciled = hlmap(ws.root, sandbox, "reconcile", "--json")
    counted = {o["object"]: o for o in json.loads(reconciled.output)["objects"]}["message"]
    assert (counted["ledger"], counted["destination"]) == (4, 4), counted
    accounted = "SELECT source_key, outcome, rule FROM exec.accounting WHERE source_table = 'activities'"
    rows = {r[0]: r[1:] for r in ws.connect().execute(accounted).fetchall()}
    assert [rows[k][0] for k in ("A1", "A2", "A3", "A4")] == ["landed"] * 4, reconciled.output
    assert rows["A5"] == ("held", "date") and rows["A6"] == ("held", "contactId"), rows

    undone = runner.invoke(app, ["rollback", "-w", str(ws.root), "--all", "--yes", "--base-url", sandbox.url])
    assert undone.exit_code == 0, undone.output
    assert [c["id"] for c in _records(sandbox, "conversations")] == [theirs]
    assert {m["altId"] for m in _records(sandbox, "messages")} == {"A3", "A4"}
    said = " ".join(undone.output.split())
    assert f"2 messages added to conversation {theirs}, which existed before the run, stay" in said
