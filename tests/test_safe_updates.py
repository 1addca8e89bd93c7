"""A delta after edits made in HighLevel: only changed keys go, user tags stay, edits become conflicts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.execute.update_diff import diff_update
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import tiny_workspace


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def by_email(sandbox: SandboxHandle) -> dict[str, dict[str, Any]]:
    return {str(c.get("email")): c for c in records(sandbox, "contacts")}


def edit_in_highlevel(sandbox: SandboxHandle) -> None:
    """What the business's staff did in HighLevel after the full run."""
    contacts = by_email(sandbox)
    with sandbox.client(timeout=10) as api:
        maria, carlos = contacts["mj.garcia@example.com"]["id"], contacts["carlos@example.com"]["id"]
        lucia = contacts["lucia@example.com"]["id"]
        assert api.post(f"/contacts/{maria}/tags", json={"tags": ["referido"]}).status_code < 300
        assert api.put(f"/contacts/{carlos}", json={"firstName": "Charly"}).status_code < 300
        assert api.put(f"/contacts/{lucia}", json={"lastName": "Martín-Ruiz"}).status_code < 300


def test_delta_keeps_highlevel_edits_and_user_tags_and_reports_conflicts(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    full = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert full.exit_code == 0, full.output
    edit_in_highlevel(sandbox)
    con = ws.connect()
    con.execute("UPDATE raw.clients SET tags = 'VIP' WHERE id = 'C1'")  # Prioritario dropped in the source
    con.execute("UPDATE raw.clients SET name = 'Carlos Pérez Soto' WHERE id = 'C6'")  # a new last name
    con.execute("UPDATE raw.clients SET name = 'Lucía Martín Serrano' WHERE id = 'C5'")  # edited there too
    ws.close()

    delta = hlmap(ws.root, "apply", "--delta", "--quiet", sandbox=sandbox)
    assert delta.exit_code == 0, delta.output
    contacts = by_email(sandbox)
    assert sorted(contacts["mj.garcia@example.com"]["tags"]) == ["referido", "vip"]
    carlos = contacts["carlos@example.com"]
    assert (carlos["firstName"], carlos["lastName"]) == ("Charly", "Pérez Soto")
    assert contacts["lucia@example.com"]["lastName"] == "Martín-Ruiz"
    assert "Conflicts (values in exec.conflicts): 1" in delta.output
    assert "contact:clients:C5: lastName edited in HighLevel" in delta.output

    con = ws.connect()
    sent = con.execute(
        """SELECT source_key, sent FROM exec.ledger WHERE action = 'update' AND run_id =
        (SELECT run_id FROM exec.runs WHERE mode = 'delta') ORDER BY source_key"""
    ).fetchall()
    assert {key: sorted(json.loads(body)) for key, body in sent} == {
        "C1": ["tags"],  # moved through the tag endpoints, recorded as what the source now holds
        "C5": [],
        "C6": ["lastName"],
    }
    conflict = con.execute('SELECT "key", written, destination, source FROM exec.conflicts').fetchall()
    assert [(k, json.loads(w), json.loads(d), json.loads(s)) for k, w, d, s in conflict] == [
        ("lastName", "Martín", "Martín-Ruiz", "Martín Serrano")
    ]
    audit = (ws.root / "audit.jsonl").read_text(encoding="utf-8")
    assert "Martín-Ruiz" not in audit  # the audit log names the field, not the values
    ws.close()

    undone = hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
    assert undone.exit_code == 0, undone.output
    contacts = by_email(sandbox)
    assert sorted(contacts["mj.garcia@example.com"]["tags"]) == ["priority-client", "referido", "vip"]
    assert (contacts["carlos@example.com"]["firstName"], contacts["carlos@example.com"]["lastName"]) == (
        "Charly",
        "Pérez Díaz",
    )


def test_a_value_never_written_but_filled_in_highlevel_is_a_conflict() -> None:
    written = {"firstName": "Ana", "customFields": {"f1": "gold"}}
    current = {"firstName": "Ana", "lastName": "Ruiz", "customFields": [{"id": "f1", "value": "silver"}]}
    desired = {
        "firstName": "Ana",
        "lastName": "Soto",
        "customFields": [{"id": "f1", "field_value": "bronze"}],
    }
    diff = diff_update(desired, written, current, tag_endpoints=True)
    assert diff.body == {}
    assert sorted(c.key for c in diff.conflicts) == ["customFields.f1", "lastName"]
