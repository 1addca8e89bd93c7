"""A tax's name beside an invoice ('Tax Name 1' = 'VAT') never becomes the invoice's name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.charge_names import names_a_charge
from tests.propose_factory import col
from tests.test_propose_native_documents import FIXTURE_DESTINATION

runner = CliRunner()


def _invoice_fields(tmp_path: Path) -> dict[str, str | None]:
    src = tmp_path / "export"
    src.mkdir()
    invoices = [
        {"Invoice Number": f"{i:04d}", "Client Email": f"c{(i % 5) + 1}@example.com",
         "Total": f"{100 + i}.00",
         "Tax Name 1": "VAT" if i % 9 else "GST", "Tax Rate 1": "20" if i % 9 else "10"}
        for i in range(1, 31)
    ]  # fmt: skip
    clients = [{"id": i, "name": f"Client {i}", "email": f"c{i}@example.com"} for i in range(1, 6)]
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


def test_a_tax_name_does_not_name_the_invoice(tmp_path: Path) -> None:
    fields = _invoice_fields(tmp_path)
    assert fields["Tax Name 1"] != "name"
    assert fields["Invoice Number"] == "invoiceNumber"


def test_only_a_charges_name_is_kept_from_the_records_name() -> None:
    def cand(field: str) -> Candidate:
        return Candidate(kind=FieldKind.STANDARD, object=TargetObject.INVOICE, field=field, label=field,
                         score=0.9, name_score=1.0)  # fmt: skip

    assert names_a_charge(col("invoices", "Discount Label", SemanticType.PICKLIST), cand("name"))
    assert not names_a_charge(col("invoices", "Invoice Name", SemanticType.FREE_TEXT), cand("name"))
    assert not names_a_charge(col("invoices", "Tax Name", SemanticType.PICKLIST), cand("taxName"))
