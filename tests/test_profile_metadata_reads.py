"""Profiling every raw table reads the catalogue once: the tables' and their columns' names come
from one query, and no stored profile is looked up when no table is left out."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import duckdb
import pytest

from assistant.profile import profile_workspace
from assistant.workspace import Workspace
from tests.query_recording import RecordingConnection


def test_one_catalogue_read_per_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute("CREATE TABLE raw.clients AS SELECT 'c' || i AS id, 'Ana' AS name FROM range(20) t(i)")
    con.execute("CREATE TABLE raw.deals AS SELECT 'd' || i AS id, 'c' || i AS client_id FROM range(20) t(i)")
    recording = RecordingConnection(con)
    monkeypatch.setattr(workspace, "connect", lambda: cast(duckdb.DuckDBPyConnection, recording))
    profiles = profile_workspace(workspace)
    assert [p.table for p in profiles] == ["clients", "deals"]
    assert sum("information_schema" in q for q in recording.queries) == 1
    workspace.close()
