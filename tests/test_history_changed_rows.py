"""A history row that changed in the source after its message was added, picked up by a delta run.

HighLevel cannot edit a conversation message's text or date: its API changes only a message's
status (the stand-in refuses anything else, as the spec does). So after a full run, an e-mail whose
body was corrected in the source and a call whose date moved are not added a second time: the delta
run adds one note per changed row on its contact naming the row, its message's date and each value
before and after; the run lists them, a second delta adds nothing, and the accounting names each
change and its note (a change no delta run has noted yet is pending).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_history_messages import _records, history_workspace, hlmap

sandbox = sandbox_fixture(rate_limit=100_000)


def test_the_stand_in_changes_a_messages_status_and_nothing_else(sandbox: SandboxHandle) -> None:
    with sandbox.client("2021-04-15") as http:
        body = {"locationId": sandbox.location_id, "firstName": "Eva", "email": "eva-status@x.es"}
        contact = http.post("/contacts/", json=body, headers={"Version": "2021-07-28"}).json()["contact"][
            "id"
        ]
        provider = sandbox.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
        conv = http.post("/conversations/", json={"locationId": sandbox.location_id, "contactId": contact})
        message = {"type": "SMS", "conversationId": conv.json()["conversation"]["id"], "contactId": contact,
                   "conversationProviderId": provider, "message": "first",
                   "date": "2022-01-02T10:00:00Z"}  # fmt: skip
        made = http.post("/conversations/messages/inbound", json=message).json()["messageId"]
        edit = http.put(
            f"/conversations/messages/{made}/status", json={"status": "read", "message": "edited"}
        )
        assert edit.status_code == 422 and "property message should not exist" in str(edit.json()["message"])
        assert http.put(f"/conversations/messages/{made}", json={"message": "edited"}).status_code == 404
        read = http.put(f"/conversations/messages/{made}/status", json={"status": "read"})
        assert read.status_code == 200 and read.json()["status"] == "read"
        held = http.get(f"/conversations/messages/{made}").json()
        assert (held["body"], held["dateAdded"], held["status"]) == ("first", "2022-01-02T10:00:00Z", "read")


def _set(ws: Workspace, row_id: str, **values: str) -> None:
    con = ws.connect()
    for column, value in values.items():
        con.execute(f'UPDATE raw.activities SET "{column}" = ? WHERE id = ?', [value, row_id])
    ws.close()


def test_a_delta_notes_each_changed_history_row_once_and_adds_no_second_message(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    provider = sandbox.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
    ws = history_workspace(tmp_path / "ws", f'conversation_provider_id = "{provider}"\n')
    run = ("--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert hlmap(ws.root, sandbox, "apply", *run).exit_code == 0
    before = {m["altId"]: m for m in _records(sandbox, "messages")}
    notes_before = len(_records(sandbox, "notes"))

    _set(ws, "A3", body="Adjunto la factura corregida")
    _set(ws, "A4", when="2023-06-02 12:30:00")
    hlmap(ws.root, sandbox, "reconcile")
    pending = _accounted(ws, "A3")
    assert pending[0] == "pending" and "`hlmap apply --delta` notes the change" in pending[1]

    delta = hlmap(ws.root, sandbox, "apply", "--delta", *run)
    assert delta.exit_code == 0, delta.output
    assert "History rows changed in the source since their message was added" in delta.output
    assert "activities A3: message changed since its message was added; note " in delta.output
    assert "activities A4: date changed" in delta.output
    after = {m["altId"]: m for m in _records(sandbox, "messages")}
    assert after == before  # no message added twice, none edited
    notes = [n for n in _records(sandbox, "notes")][notes_before:]
    bodies = sorted(str(n["body"]) for n in notes)
    assert len(bodies) == 2
    assert bodies[0].startswith("History row activities A3 changed in the source after migration")
    assert "- message: 'Adjunto la factura' -> 'Adjunto la factura corregida'" in bodies[0]
    assert "(its message of 2023-06-01T16:00:00Z keeps what was sent" in bodies[0]
    assert "- date: '2023-06-02T10:00:00Z' -> '2023-06-02T10:30:00Z'" in bodies[1]
    assert notes[0]["contactId"] == before["A3"]["contactId"]

    again = hlmap(ws.root, sandbox, "apply", "--delta", *run)
    assert again.exit_code == 0 and len(_records(sandbox, "notes")) == notes_before + 2
    assert _records(sandbox, "customerMessages") == []

    hlmap(ws.root, sandbox, "reconcile")
    outcome, detail = _accounted(ws, "A3")
    assert outcome == "landed" and "changed in the source after its message was added (message)" in detail
    assert "HighLevel cannot edit a message" in detail and "the change is in note " in detail


def _accounted(ws: Workspace, key: str) -> tuple[Any, ...]:
    row = (
        ws.connect()
        .execute(
            "SELECT outcome, detail FROM exec.accounting "
            "WHERE source_table = 'activities' AND source_key = ?",
            [key],
        )
        .fetchone()
    )
    ws.close()
    assert row is not None
    return tuple(row)


def test_a_refused_token_stops_the_delta_instead_of_failing_the_changed_rows(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A token refused at the changed row's note stops the run: the row is not failed, it stays pending."""
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    provider = sandbox.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
    ws = history_workspace(tmp_path / "ws", f'conversation_provider_id = "{provider}"\n')
    run = ("--skip-sample", "--preflight-ok", "--no-verify")
    assert hlmap(ws.root, sandbox, "apply", "--quiet", *run).exit_code == 0
    idle = hlmap(ws.root, sandbox, "apply", "--delta", *run)  # nothing changed: its requests are set-up only
    setup = int(re.search(r"(\d+) requests sent", idle.output).group(1))  # type: ignore[union-attr]
    _set(ws, "A3", body="Adjunto la factura corregida")
    sandbox.admin("POST", "revoke", {"locationId": sandbox.location_id, "afterRequests": setup})
    try:
        delta = hlmap(ws.root, sandbox, "apply", "--delta", *run)
    finally:
        sandbox.admin("POST", "reset", {})  # the module's other tests need a token that works
    assert delta.exit_code != 0 and "stopped: HighLevel POST /contacts/" in delta.output, delta.output
    out = delta.output
    assert "401 Invalid token" in out and "running the same `hlmap apply` again carries on" in out
    assert "activities A3: message changed since its message was added; not noted: the run stopped" in out
    con = ws.connect()
    failed = con.execute(
        "SELECT count(*) FROM exec.ledger WHERE op_id LIKE 'history_change:%' AND status = 'failed'"
    ).fetchone()
    ws.close()
    assert failed == (0,), delta.output
