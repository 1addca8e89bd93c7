"""The proposer offers HighLevel's native invoice (estimate for quotes) for invoice-like documents.

A small export with nested lines: invoices (number, dates, total, status, lines) and quotes
(number, date, total, lines). Today's reading stays the proposal; the native document is the
first alternative, with the evidence that makes the table a document; its lines get none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def _documents(prefix: str, n: int, with_due: bool) -> list[dict[str, Any]]:
    rows = []
    for i in range(1, n + 1):
        row: dict[str, Any] = {
            "id": i,
            "number": f"{prefix}-{1000 + i}",
            "client-id": (i % 5) + 1,
            "date": f"2024-0{(i % 9) + 1}-1{i % 10}",
            "total": f"{100 + i}.50",
            "status": ["paid", "unpaid", "void"][i % 3],
            "lines": [{"name": f"Item {i}", "quantity": 2, "price": 50.25, "tax": 0}],
        }
        if with_due:
            row["due-date"] = f"2024-1{i % 3}-0{(i % 9) + 1}"
        rows.append(row)
    return rows


def test_invoice_and_quote_tables_get_the_native_document_as_first_alternative(tmp_path: Path) -> None:
    src = tmp_path / "export"
    src.mkdir()
    clients = [{"id": i, "name": f"Client {i}", "email": f"c{i}@example.com"} for i in range(1, 6)]
    (src / "clients.json").write_text(json.dumps(clients), encoding="utf-8")
    (src / "invoices.json").write_text(json.dumps(_documents("FV", 40, True)), encoding="utf-8")
    (src / "quotes.json").write_text(json.dumps(_documents("PR", 40, False)), encoding="utf-8")
    ws = str(tmp_path / "ws")
    destination = Path(__file__).resolve().parents[1] / "fixtures" / "stel_order" / "destination.json"
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(destination)], ["propose"]):
        result = runner.invoke(app, [*step, "-w", ws], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    objects = {o["source_object"]: o for o in doc["objects"]}

    invoice = objects["invoices"]["alternatives"][0]
    assert invoice["value"]["targets"] == [{"object": "invoice"}]
    evidence = " | ".join(invoice["value"]["evidence"])
    assert "document number: 'number'" in evidence and "'due-date'" in evidence
    assert "line table: 'invoices__lines'" in evidence and "'total'" in evidence
    assert "paid" in evidence  # the status values
    assert objects["invoices"]["targets"][0]["object"] != "invoice"  # today's reading stays the proposal
    quote = objects["quotes"]["alternatives"][0]
    assert quote["value"]["targets"] == [{"object": "estimate"}]
    for lines in ("invoices__lines", "quotes__lines"):
        assert all("native" not in a["target"] for a in objects[lines].get("alternatives", []))
