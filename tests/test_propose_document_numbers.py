"""A document's number is its own filled, unique number, not a mostly blank customer reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from assistant.cli import app
from tests.test_propose_native_documents import FIXTURE_DESTINATION

runner = CliRunner()


def _numbers(tmp_path: Path, po_every: int) -> dict[str, str | None]:
    src = tmp_path / "export"
    src.mkdir()
    clients = [{"id": i, "name": f"Client {i}", "email": f"c{i}@example.com"} for i in range(1, 6)]
    invoices = [
        {
            "id": i,
            "invoice_number": f"{i:07d}",
            "po_number": f"PO-{4000 + i}" if i % po_every == 0 else None,
            "client-id": (i % 5) + 1,
            "date": f"2024-0{(i % 9) + 1}-1{i % 10}",
            "due-date": f"2024-1{i % 3}-0{(i % 9) + 1}",
            "total": f"{100 + i}.50",
            "status": ["paid", "unpaid", "void"][i % 3],
        }
        for i in range(1, 41)
    ]
    (src / "clients.json").write_text(json.dumps(clients), encoding="utf-8")
    (src / "invoices.json").write_text(json.dumps(invoices), encoding="utf-8")
    state = json.loads(FIXTURE_DESTINATION.read_text(encoding="utf-8"))
    destination = tmp_path / "destination.json"
    destination.write_text(json.dumps({**state, "nativeDocuments": ["invoice"]}), encoding="utf-8")
    ws = str(tmp_path / "ws")
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(destination)], ["propose"]):
        result = runner.invoke(app, [*step, "-w", ws], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc: dict[str, Any] = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    fields = [f for f in doc["fields"] if f["source_object"] == "invoices"]
    return {f["source_columns"][0]: f["target"].get("field") for f in fields if len(f["source_columns"]) == 1}


def test_a_mostly_blank_po_number_does_not_take_the_invoice_number(tmp_path: Path) -> None:
    fields = _numbers(tmp_path, po_every=8)  # five purchase orders among forty invoices
    assert fields["invoice_number"] == "invoiceNumber"
    assert fields["po_number"] != "invoiceNumber"
