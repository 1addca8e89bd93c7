"""Propose on a small clients + invoices export into a destination that takes native invoices.

Several proposer tests ask one question of the same shape: which invoice field does each column of
this invoices table land in? This runs the real command line (ingest, profile, target, propose) and
answers it from the written mapping.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from assistant.cli import app
from tests.test_propose_native_documents import FIXTURE_DESTINATION

CLIENTS = [{"id": i, "name": f"Client {i}", "email": f"c{i}@example.com"} for i in range(1, 6)]


def invoice_field_targets(tmp_path: Path, invoices: list[dict[str, Any]]) -> dict[str, str | None]:
    """Each single-column field map of the invoices table: its column -> the target field."""
    src = tmp_path / "export"
    src.mkdir()
    (src / "clients.json").write_text(json.dumps(CLIENTS), encoding="utf-8")
    (src / "invoices.json").write_text(json.dumps(invoices), encoding="utf-8")
    state = json.loads(FIXTURE_DESTINATION.read_text(encoding="utf-8"))
    destination = tmp_path / "destination.json"
    destination.write_text(json.dumps({**state, "nativeDocuments": ["invoice"]}), encoding="utf-8")
    ws = str(tmp_path / "ws")
    runner = CliRunner()
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(destination)], ["propose"]):
        result = runner.invoke(app, [*step, "-w", ws], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc: dict[str, Any] = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    fields = [f for f in doc["fields"] if f["source_object"] == "invoices"]
    return {f["source_columns"][0]: f["target"].get("field") for f in fields if len(f["source_columns"]) == 1}
