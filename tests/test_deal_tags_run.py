"""A deal table's tags land on the deal's contact, against the stand-in process.

The tiny migration's quotes (opportunities, each linked to a client by id) gain a 'labels' column
mapped to ``contact.tags``. Client C6 is in HighLevel before the run with a tag of its own. The run
adds each quote's tags to its contact through the tag endpoint, beside the tags it holds; the
read-back finds them; a second run sends nothing; a quote whose client is not in the export keeps
its tags reported; rollback removes exactly the tags the run added.
"""

from __future__ import annotations

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

    applied = hlmap(ws, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
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

    again = hlmap(ws, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert "Traceback" not in again.output
    second = _ledger(
        ws,
        """SELECT count(*) FROM exec.ledger WHERE object = 'contact_tags'
        AND run_id = (SELECT run_id FROM exec.runs ORDER BY started_at DESC LIMIT 1)""",
    )
    assert second == [(0,)]  # the ledger says they are there: no request at all
    assert _tags(sandbox, carlos) == {"loyal", "ventanas 2024", "vip"}

    undone = hlmap(ws, None, "rollback", "--all", "--yes")
    assert undone.exit_code == 0, undone.output
    assert _tags(sandbox, carlos) == {"loyal"}  # what it held before the run, nothing more or less
