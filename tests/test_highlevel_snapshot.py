"""Storing and reading the destination snapshot in a workspace (``hlmap target load``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import HlmapError
from assistant.highlevel.snapshot import SNAPSHOT_FILE, load_destination
from assistant.highlevel.state import DestinationState
from assistant.workspace import Workspace

STATE: dict[str, Any] = {
    "location": {
        "id": "loc123",
        "name": "Fontanería Pérez",
        "companyId": "comp1",
        "settings": {"allowDuplicateContact": False, "allowDuplicateOpportunity": True},
    },
    "pipelines": [{"id": "p1", "name": "Ventas", "stages": [{"id": "s1", "name": "Nuevo", "position": 0}]}],
    "users": [{"id": "u1", "name": "Ana", "email": "ana@example.com"}],
    "customFields": [
        {"id": "cf1", "name": "NIF", "fieldKey": "contact.nif", "dataType": "TEXT", "model": "contact"}
    ],
    "tags": [{"id": "t1", "name": "vip"}],
    "calendars": [{"id": "cal1", "name": "Visitas"}],
    "customObjects": [],
}


def test_load_stores_table_row_and_file_and_reads_back(tmp_path: Path) -> None:
    source = tmp_path / "destination.json"
    source.write_text(json.dumps(STATE), encoding="utf-8")
    ws_dir = tmp_path / "ws"
    Workspace(ws_dir).ensure().close()  # only ingest and demo start a workspace
    result = CliRunner().invoke(app, ["target", "load", str(source), "--workspace", str(ws_dir)])
    assert result.exit_code == 0, result.output
    assert "loc123" in result.output and "allowDuplicateContact=False" in result.output
    ws = Workspace(ws_dir).ensure()
    state = load_destination(ws)
    assert state == DestinationState.model_validate(STATE)
    assert state.location.settings.allowDuplicateOpportunity is True
    assert state.user_by_email("ANA@example.com") is not None
    row = ws.connect().execute("SELECT location_id, origin FROM target.snapshot").fetchall()
    assert row == [("loc123", str(source.resolve()))]
    assert json.loads((ws_dir / SNAPSHOT_FILE).read_text(encoding="utf-8"))["location"]["id"] == "loc123"


def test_newest_snapshot_wins(tmp_path: Path) -> None:
    runner = CliRunner()
    Workspace(tmp_path / "ws").ensure().close()
    for name in ("first", "second"):
        path = tmp_path / f"{name}.json"
        path.write_text(
            json.dumps({**STATE, "location": {**STATE["location"], "name": name}}), encoding="utf-8"
        )
        assert runner.invoke(app, ["target", "load", str(path), "-w", str(tmp_path / "ws")]).exit_code == 0
    assert load_destination(Workspace(tmp_path / "ws").ensure()).location.name == "second"


def test_bad_state_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"pipelines": []}', encoding="utf-8")
    Workspace(tmp_path / "ws").ensure().close()
    result = CliRunner().invoke(app, ["target", "load", str(bad), "-w", str(tmp_path / "ws")])
    assert result.exit_code == 2
    assert "broken.json" in result.output and "location" in result.output


def test_missing_snapshot_tells_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(HlmapError, match="hlmap target pull"):
        load_destination(Workspace(tmp_path).ensure())
