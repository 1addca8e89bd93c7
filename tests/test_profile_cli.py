"""``hlmap profile`` through the CLI, and the stored profile tables read back."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.profile.models import SemanticType, TableProfile
from assistant.profile.store import load_foreign_keys, load_profiles, load_table_profile
from assistant.workspace import Workspace
from tests.test_profile_data import load_all


def _workspace(path: Path) -> Path:
    workspace = Workspace(path).ensure()
    load_all(workspace.connect())
    workspace.close()
    return path


def test_json_output_is_only_the_profiles(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["profile", "--json", "--workspace", str(_workspace(tmp_path))])
    assert result.exit_code == 0, result.output
    profiles = [TableProfile.model_validate(item) for item in json.loads(result.stdout)]
    assert [p.table for p in profiles] == ["clients", "salesEstimates", "salesEstimates__lines", "us_clients"]
    email = next(c for c in profiles[0].columns if c.column == "email")
    assert email.semantic_type is SemanticType.EMAIL


def test_table_option_and_readable_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["profile", "-w", str(_workspace(tmp_path)), "--table", "us_clients"])
    assert result.exit_code == 0, result.output
    assert "us_clients: 60 rows, 10 columns, key Client ID" in result.stdout
    assert "%m/%d/%Y" in result.stdout and "clients:" not in result.stdout.replace("us_clients:", "")


def test_unknown_table_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["profile", "-w", str(_workspace(tmp_path)), "--table", "nope"])
    assert result.exit_code == 2
    assert "no raw table named nope" in result.stderr


def test_empty_workspace_says_to_ingest_first(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["profile", "-w", str(tmp_path)])
    assert result.exit_code == 2
    assert "hlmap ingest" in result.stderr


def test_stored_profiles_round_trip_and_are_replaced(tmp_path: Path) -> None:
    path = _workspace(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["profile", "--json", "-w", str(path)])
    again = runner.invoke(app, ["profile", "--json", "-w", str(path), "--table", "clients"])
    assert first.exit_code == again.exit_code == 0
    workspace = Workspace(path).ensure()
    stored = load_profiles(workspace)
    assert [p.model_dump() for p in stored] == [
        TableProfile.model_validate(p).model_dump() for p in json.loads(first.stdout)
    ]
    con = workspace.connect()
    counts = con.execute('SELECT "table", count(*) FROM profile.columns GROUP BY ALL ORDER BY 1').fetchall()
    assert counts == [
        ("clients", 22),
        ("salesEstimates", 6),
        ("salesEstimates__lines", 2),
        ("us_clients", 10),
    ]
    assert load_table_profile(workspace, "clients").primary_key == "id"
    keys = {(k.table, k.column): (k.target_table, k.resolved_share) for k in load_foreign_keys(workspace)}
    assert keys[("salesEstimates", "account-id")][0] == "clients"
    assert keys[("salesEstimates__lines", "_parent_key")] == ("salesEstimates", 1.0)
    workspace.close()
