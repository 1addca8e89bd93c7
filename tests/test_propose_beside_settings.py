"""The client's currency on a quote is the estimate's currency beside it, never an opportunity field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from assistant.cli import app
from tests.test_propose_native_documents import FIXTURE_DESTINATION, _documents

runner = CliRunner()


def _quote_fields(tmp_path: Path) -> dict[str, dict[str, Any]]:
    src = tmp_path / "export"
    src.mkdir()
    clients = [{"id": i, "name": f"Client {i}", "email": f"c{i}@example.com"} for i in range(1, 6)]
    quotes = [
        {**q, "Client Currency": "EUR" if q["client-id"] == 3 else "GBP"} for q in _documents("PR", 40, False)
    ]
    (src / "clients.json").write_text(json.dumps(clients), encoding="utf-8")
    (src / "quotes.json").write_text(json.dumps(quotes), encoding="utf-8")
    destination = tmp_path / "destination.json"
    state = json.loads(FIXTURE_DESTINATION.read_text(encoding="utf-8"))
    destination.write_text(
        json.dumps({**state, "nativeDocuments": ["invoice", "estimate"]}), encoding="utf-8"
    )
    ws = str(tmp_path / "ws")
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(destination)], ["propose"]):
        result = runner.invoke(app, [*step, "-w", ws], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc: dict[str, Any] = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    return {f["id"]: f for f in doc["fields"] if f["source_object"] == "quotes"}


def test_the_clients_currency_on_a_quote_goes_to_the_estimate_only(tmp_path: Path) -> None:
    fields = _quote_fields(tmp_path)
    estimate = fields["field:quotes.Client Currency@estimate"]["target"]
    assert (estimate["object"], estimate["field"]) == ("estimate", "currency")
    opportunity = fields["field:quotes.Client Currency"]
    assert opportunity["target"]["kind"] == "skip"
    assert "client" in opportunity["rationale"]
    assert fields["field:quotes.total"]["target"]["field"] == "monetaryValue"
