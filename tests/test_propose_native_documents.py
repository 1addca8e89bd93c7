"""The proposer offers HighLevel's native invoice (estimate for quotes) for invoice-like documents.

A small export with nested lines: invoices (number, dates, total, status, lines) and quotes
(number, date, total, lines). Where the destination snapshot does not say it takes native documents,
today's reading stays the proposal and the native document is the first alternative, with the
evidence that makes the table a document; its lines get none. Where it does, the invoice table
becomes a native invoice, its lines the invoice's lines, and today's reading the first alternative.
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


FIXTURE_DESTINATION = Path(__file__).resolve().parents[1] / "fixtures" / "stel_order" / "destination.json"


def _propose(tmp_path: Path, native: list[str]) -> dict[str, Any]:
    src = tmp_path / "export"
    src.mkdir()
    clients = [{"id": i, "name": f"Client {i}", "email": f"c{i}@example.com"} for i in range(1, 6)]
    (src / "clients.json").write_text(json.dumps(clients), encoding="utf-8")
    (src / "invoices.json").write_text(json.dumps(_documents("FV", 40, True)), encoding="utf-8")
    (src / "quotes.json").write_text(json.dumps(_documents("PR", 40, False)), encoding="utf-8")
    ws = str(tmp_path / "ws")
    destination = tmp_path / "destination.json"
    state = json.loads(FIXTURE_DESTINATION.read_text(encoding="utf-8"))
    destination.write_text(json.dumps({**state, "nativeDocuments": native}), encoding="utf-8")
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(destination)], ["propose"]):
        result = runner.invoke(app, [*step, "-w", ws], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc: dict[str, Any] = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    return doc


def test_without_native_documents_the_native_document_is_the_first_alternative(tmp_path: Path) -> None:
    objects = {o["source_object"]: o for o in _propose(tmp_path, [])["objects"]}

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


def test_where_the_destination_takes_invoices_the_invoice_table_becomes_one(tmp_path: Path) -> None:
    doc = _propose(tmp_path, ["invoice", "estimate"])
    objects = {o["source_object"]: o for o in doc["objects"]}

    invoices = objects["invoices"]
    assert [(t["object"], t["role"]) for t in invoices["targets"]] == [("invoice", None)]
    assert invoices["confidence"] >= 0.7 and "native invoices" in invoices["rationale"]
    assert "native" not in invoices["alternatives"][0]["target"]  # today's reading comes first
    assert any("line table" in e["detail"] for e in invoices["evidence"])
    lines = objects["invoices__lines"]
    assert [(t["object"], t["role"]) for t in lines["targets"]] == [("invoice", "line_items")]
    fields = {(f["source_object"], f["source_columns"][0]): f["target"] for f in doc["fields"]}
    wanted = {
        ("invoices", "number"): "invoiceNumber",
        ("invoices", "date"): "issueDate",
        ("invoices", "due-date"): "dueDate",
        ("invoices", "total"): "total",
        ("invoices", "status"): "status",
        ("invoices", "client-id"): "contactId",
        ("invoices__lines", "quantity"): "qty",
        ("invoices__lines", "price"): "amount",
    }
    assert {key: (fields[key]["object"], fields[key]["field"]) for key in wanted} == {
        key: ("invoice", name) for key, name in wanted.items()
    }


def test_a_quote_read_as_an_opportunity_keeps_it_and_gains_the_native_estimate(tmp_path: Path) -> None:
    doc = _propose(tmp_path, ["invoice", "estimate"])
    objects = {o["source_object"]: o for o in doc["objects"]}

    quotes = objects["quotes"]
    targets = [(t["object"], t["role"]) for t in quotes["targets"]]
    assert targets[0] == ("opportunity", None) and targets[-1] == ("estimate", "native_document")
    reading = quotes["alternatives"][0]  # without the estimate, as before: one choice away
    assert [t["object"] for t in reading["value"]["targets"]] == ["opportunity"]
    assert any(a["value"]["targets"] == [{"object": "estimate"}] for a in quotes["alternatives"])
    lines = objects["quotes__lines"]
    assert [(t["object"], t["role"]) for t in lines["targets"]] == [("estimate", "line_items")]
    fields = {f["id"]: f["target"] for f in doc["fields"] if f["source_object"] == "quotes"}
    # The same columns feed both records: the opportunity's map and the estimate's, apart.
    assert fields["field:quotes.total"]["field"] == "monetaryValue"
    wanted = {"number": "invoiceNumber", "date": "issueDate", "total": "total", "client-id": "contactId"}
    assert {
        c: (fields[f"field:quotes.{c}@estimate"]["object"], fields[f"field:quotes.{c}@estimate"]["field"])
        for c in wanted
    } == {c: ("estimate", key) for c, key in wanted.items()}


def test_without_native_estimates_the_quote_stays_an_opportunity_only(tmp_path: Path) -> None:
    doc = _propose(tmp_path, ["invoice"])
    quotes = next(o for o in doc["objects"] if o["source_object"] == "quotes")

    assert [t["object"] for t in quotes["targets"]] == ["opportunity"]
    assert not any(f["id"].endswith("@estimate") for f in doc["fields"])
