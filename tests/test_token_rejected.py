"""A token HighLevel refuses: one line naming where it came from, and no failed run left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import error_lines, hlmap
from tests.sandbox_process import start_sandbox
from tests.test_execute_support import tiny_workspace


def test_apply_with_a_refused_token_names_the_variable_and_records_no_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    monkeypatch.setenv("HIGHLEVEL_TOKEN", "not-the-right-token")
    with start_sandbox() as sandbox:
        at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
        result = hlmap("apply", "-w", ws.root, *at, "--sample", "5")
        pull = hlmap("target", "pull", "-w", ws.root, *at)
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith(
        "error: HighLevel refused the token from the environment variable HIGHLEVEL_TOKEN (401 "
    )
    wanted = "put a valid Private Integration token (or OAuth refresh token) for location"
    assert line.endswith(f"{wanted} {sandbox.location_id} there")
    assert "not-the-right-token" not in result.output
    assert error_lines(pull)[0].startswith("error: HighLevel refused the token from the environment variable")
    con = ws.connect()
    runs = (
        con.execute("SELECT count(*) FROM exec.runs").fetchone() if ws.table_exists("exec", "runs") else (0,)
    )
    assert runs == (0,)


def test_a_keyring_token_is_named_by_its_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    monkeypatch.delenv("HIGHLEVEL_TOKEN", raising=False)
    with start_sandbox() as sandbox:
        # the keyring holds this location's token only (no agency entry, no OAuth refresh token)
        entries = {("hlmap", sandbox.location_id): "stale-keyring-token"}
        monkeypatch.setattr(keyring, "get_password", lambda service, user: entries.get((service, user)))
        at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
        result = hlmap("apply", "-w", ws.root, *at, "--sample", "5")
    [line] = error_lines(result)
    assert f"refused the token from the keyring entry 'hlmap' / '{sandbox.location_id}'" in line
