"""A deal table's tags land on the deal's contact, against the stand-in process.

The tiny migration's quotes (opportunities, each linked to a client by id) gain a 'labels' column
mapped to ``contact.tags``. Client C6 is in HighLevel before the run with a tag of its own. The run
adds each quote's tags to its contact through the tag endpoint, beside the tags it holds; the
read-back finds them; a second run sends nothing; a quote whose client is not in the export keeps
its tags reported; rollback removes exactly the tags the run added.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import FieldMap, FieldTarget, Transform
from assistant.mapping.models import FieldKind, Status, TargetObject, TransformKind
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import document, tiny_workspace

runner = CliRunner()
sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
LABELS = {"Q1": "VIP, Urgente", "Q2": "", "Q3": "urgente ", "Q4": "Ventanas 2024, VIP"}


def hlmap(ws: Path, handle: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", handle.location_id, "--base-url", handle.url] if handle else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def _workspace(root: Path) -> Path:
    doc = document()
    doc.fields.append(
        FieldMap(
            id="field:quotes.labels",
            source_object="quotes",
            source_columns=["labels"],
            target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.CONTACT, field="tags"),
            transform=Transform(kind=TransformKind.TAGS, params={"separator": ","}),
            status=Status.ACCEPTED,
        )
    )
    ws = tiny_workspace(root, doc)
    con = ws.connect()
    con.execute("ALTER TABLE raw.quotes ADD COLUMN labels VARCHAR")
    for key, labels in LABELS.items():
        con.execute("UPDATE raw.quotes SET labels = ? WHERE id = ?", [labels, key])
    con.execute(  # a quote of a client the export does not hold
        """INSERT INTO raw.quotes (id, client_id, "number", title, status, total, labels, "_row", "_load_id")
        VALUES ('Q5', 'C9', 'P-005', 'Garaje', 'sent', '300,00', 'Huerfano', 5, 'load-1')"""
    )
    ws.close()
    return ws.root


def _tags(handle: SandboxHandle, contact: str) -> set[str]:
    with handle.client() as http:
        return set(http.get(f"/contacts/{contact}").json()["contact"]["tags"])


def _ledger(ws: Path, sql: str) -> list[tuple[Any, ...]]:
    from assistant.workspace import Workspace

    w = Workspace(ws)
    try:
        return w.connect().execute(sql).fetchall()
    finally:
        w.close()


def test_deal_tags_reach_the_contact_once_and_roll_back_to_what_it_held(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    with sandbox.client() as http:  # C6 is in HighLevel already, with a tag someone gave it there
        answer = http.post(
            "/contacts/",
            json={"locationId": sandbox.location_id, "firstName": "Carlos", "email": "carlos@example.com",
                  "tags": ["loyal"]},
        )  # fmt: skip
        assert answer.status_code in (200, 201), answer.text
        carlos = answer.json()["contact"]["id"]
    ws = _workspace(tmp_path / "ws")
    plan = hlmap(ws, None, "plan")
    assert plan.exit_code == 0, plan.output
    assert "contact_tags:quotes" in plan.output

    sample = hlmap(ws, sandbox, "apply", "--sample", "10", "--quiet")
    assert "Traceback" not in sample.output
    run_id = str(_ledger(ws, "SELECT run_id FROM exec.runs WHERE mode = 'sample'")[0][0])
    diff = (ws / "reports" / f"sample-diff-{run_id}.csv").read_text(encoding="utf-8")
    shown = [line for line in diff.splitlines() if line.startswith("contact_tags,")]
    assert shown and all(line.endswith(",True") for line in shown), diff  # the row's tags, on the contact
    assert any("VIP, Urgente" in line and "priority-client, vip, urgente" in line for line in shown), shown
    own = [line for line in diff.splitlines() if line.startswith("contact,") and ",tags," in line]
    assert own and all(line.endswith(",True") for line in own), own  # a deal row's tags are not its own
    applied = hlmap(ws, sandbox, "apply", "--approve-sample", run_id, "--preflight-ok", "--quiet")
    assert "Traceback" not in applied.output
    contacts = dict(
        _ledger(ws, "SELECT source_key, hl_id FROM exec.ledger WHERE op_id LIKE 'contact:clients:%'")
    )
    assert contacts["C6"] == carlos  # matched, not created
    assert _tags(sandbox, contacts["C1"]) == {"vip", "priority-client", "urgente"}
    assert _tags(sandbox, contacts["C4"]) >= {"urgente"}
    assert _tags(sandbox, carlos) == {"loyal", "ventanas 2024", "vip"}
    added = dict(
        _ledger(
            ws,
            """SELECT source_key, json_extract_string(sent, '$.tags') FROM exec.ledger
            WHERE object = 'contact_tags' AND status = 'done'""",
        )
    )
    # only what each contact lacked, in the tag map's spelling (VIP is the cluster 'vip')
    assert added == {"Q1": '["Urgente"]', "Q3": '["urgente"]', "Q4": '["Ventanas 2024","vip"]'}
    orphan = _ledger(
        ws,
        """SELECT outcome, detail FROM exec.accounting_parts
        WHERE record = 'contact_tags:quotes' AND source_key = 'Q5'""",
    )
    assert orphan and orphan[0][0] != "landed", orphan  # its tags are reported, not dropped
    checks = dict(
        _ledger(
            ws,
            """SELECT source_object || ':' || source_key, outcome FROM exec.verification
            WHERE field = 'tags' AND object = 'contact' AND source_key <> 'C6'""",
        )
    )  # C6 was matched, not written: its own tags are not the run's to compare
    # each row's tags are read back on its contact, and C1's own tags still agree beside the added one
    assert checks == {
        "quotes:Q1": "agreed", "quotes:Q3": "agreed", "quotes:Q4": "agreed", "clients:C1": "agreed",
        "clients:C2": "agreed", "clients:C4": "agreed",
    }, checks  # fmt: skip

    reconciled = json.loads(hlmap(ws, sandbox, "reconcile", "--json").output)
    counts = {o["object"]: o for o in reconciled["objects"]}["contact_tags"]
    assert (counts["source"], counts["ledger"], counts["destination"]) == (3, 3, 3), counts
    with sandbox.client() as http:  # someone takes a migrated tag off in HighLevel: reconcile says so
        http.request("DELETE", f"/contacts/{carlos}/tags", json={"tags": ["ventanas 2024"]})
        reconciled = json.loads(hlmap(ws, sandbox, "reconcile", "--json").output)
        counts = {o["object"]: o for o in reconciled["objects"]}["contact_tags"]
        assert counts["missing_in_destination"] == [
            f"contact_tags:quotes:Q4 → contact {carlos} lacks tags Ventanas 2024"
        ], counts
        http.post(f"/contacts/{carlos}/tags", json={"tags": ["ventanas 2024"]})

    again = hlmap(ws, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert "Traceback" not in again.output
    runs = _ledger(
        ws,
        """SELECT r.mode, count(l.op_id) FILTER (WHERE l.object = 'contact_tags') FROM exec.runs r
        LEFT JOIN exec.ledger l USING (run_id) GROUP BY r.mode, r.started_at ORDER BY r.started_at""",
    )
    # each row's tags are sent once (by the sample or the full run); a re-run finds them in the ledger
    assert [mode for mode, _ in runs] == ["sample", "full", "full"], runs
    assert runs[0][1] + runs[1][1] == 3 and runs[2][1] == 0, runs
    assert _tags(sandbox, carlos) == {"loyal", "ventanas 2024", "vip"}

    # a run killed after Q4's tags left but before their answer: the resumed op finds them there,
    # sends nothing, and still records them as added by the migration (rollback takes them off)
    _ledger(ws, "UPDATE exec.ledger SET status = 'started' WHERE op_id = 'contact_tags:quotes:Q4'")
    resumed = hlmap(ws, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert "Traceback" not in resumed.output
    assert _ledger(
        ws,
        """SELECT status, outcome, json_extract_string(sent, '$.tags') FROM exec.ledger
        WHERE op_id = 'contact_tags:quotes:Q4' ORDER BY updated_at DESC LIMIT 1""",
    ) == [("done", "tags_added", '["Ventanas 2024","vip"]')]
    assert _tags(sandbox, carlos) == {"loyal", "ventanas 2024", "vip"}

    undone = hlmap(ws, None, "rollback", "--all", "--yes")
    assert undone.exit_code == 0, undone.output
    assert _tags(sandbox, carlos) == {"loyal"}  # what it held before the run, nothing more or less
