"""Per-document values: a note per document by default when contacts have several documents.

The proposer reads the parent link's distinct share: below 1, writing each invoice's values onto
its contact would keep only the last one, so the default becomes one note per document, with the
contact fields as the alternative. The executor writes those notes against the stand-in; no
document is overwritten and no contact field is created for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import table
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_accounting_outcomes import grow, lossy_document
from tests.test_execute_support import tiny_workspace

S = SemanticType
runner = CliRunner()


def _invoices(link_share: float) -> list[Any]:
    clients = table(
        "clients", [("id", S.IDENTIFIER, {}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})]
    )
    invoices = table(
        "invoices",
        [
            ("id", S.IDENTIFIER, {}),
            ("number", S.IDENTIFIER, {}),
            ("total", S.MONEY, {}),
            ("pdf-path", S.URL, {}),
            ("client", S.FOREIGN_KEY, {"fk": ("clients", "id"), "unique_share": link_share}),
        ],
        key="id",
    )
    return [clients, invoices]


def test_several_documents_per_contact_default_to_a_note_each_with_the_fields_as_alternative() -> None:
    several = propose_offline(ProposeInputs(_invoices(0.6), None)).find("object:invoices")
    assert isinstance(several, ObjectMap)
    assert [(t.object, t.role) for t in several.targets] == [
        (TargetObject.FILE, "attachment"),
        (TargetObject.CONTACT, "document_note"),
    ]
    assert "none overwrites another" in several.rationale
    lossy = next(a for a in several.alternatives if "later document overwrites" in a.target)
    assert [t["role"] for t in lossy.value["targets"]] == ["attachment", "document_fields"]
    one_each = propose_offline(ProposeInputs(_invoices(1.0), None)).find("object:invoices")
    assert isinstance(one_each, ObjectMap)
    assert [t.role for t in one_each.targets] == ["attachment", "document_fields"]


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def test_a_note_per_document_keeps_every_document_and_creates_no_contact_field(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    doc = lossy_document()
    invoices = doc.find("object:invoices")
    assert isinstance(invoices, ObjectMap)
    invoices.targets = [ObjectTarget(object=TargetObject.CONTACT, role="document_note")]
    invoices.status = Status.ACCEPTED
    ws = tiny_workspace(tmp_path / "ws", doc)
    grow(ws)
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    plan = runner.invoke(app, ["plan", "-w", str(ws.root)], catch_exceptions=False, env={"COLUMNS": "250"})
    assert "object:invoices — 1 records" not in plan.output  # nothing overwritten any more
    applied = runner.invoke(
        app, ["apply", "-w", str(ws.root), "--skip-sample", "--preflight-ok", "--quiet", *at]
    )
    assert applied.exit_code == 0, applied.output
    carlos = next(
        c
        for c in sandbox.admin("GET", "records/contacts")["records"]
        if c.get("email") == "carlos@example.com"
    )
    bodies = [
        n["body"] for n in sandbox.admin("GET", "records/notes")["records"] if n["contactId"] == carlos["id"]
    ]
    assert "invoices F1\nInvoice total: 100.00" in bodies and "invoices F2\nInvoice total: 250.00" in bodies
    fields = sandbox.admin("GET", "records/customFields")["records"]
    assert not any(f.get("name") == "Invoice total" for f in fields)
    recon = runner.invoke(app, ["reconcile", "-w", str(ws.root), "--json", *at], catch_exceptions=False)
    tables = {t["table"]: t for t in json.loads(recon.output)["accounting"]["tables"]}
    assert tables["invoices"]["counts"] == {"landed": 2}
