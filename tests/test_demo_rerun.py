"""After the demo stops its stand-in, the printed lines bring it back so printed steps re-run."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.demo.rerun import env_path, rerun_lines, save_env
from assistant.demo.standin import start_standin
from assistant.fixturegen.generate import repo_fixtures_dir
from assistant.sandbox.process import stop_gracefully
from assistant.workspace import Workspace


def test_token_goes_to_a_private_file_outside_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    workspace = tmp_path / "demo"
    path = save_env(workspace, {"HIGHLEVEL_TOKEN": "demo-abc'def"})
    assert path == env_path(workspace) and not path.is_relative_to(workspace)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == "export HIGHLEVEL_TOKEN='demo-abc'\"'\"'def'\n"
    lines = rerun_lines(path, "http://127.0.0.1:43121", workspace / "standin-state.json", 100)
    assert lines[1].startswith(
        f"hlmap sandbox serve --state {workspace / 'standin-state.json'} --port 43121 "
    )
    assert "demo-abc" not in "\n".join(lines)  # the printed lines name the file, never the token


def test_the_printed_lines_bring_the_stand_in_back_for_a_printed_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    workspace = tmp_path / "demo"
    Workspace(workspace).ensure().close()
    seed = repo_fixtures_dir() / "stel_order" / "destination.json"
    state = workspace / "standin-state.json"
    first = start_standin(seed, state, workspace / "standin.log", 100)
    env_file = save_env(workspace, {"HIGHLEVEL_TOKEN": first.token})
    first.stop()
    source_line, serve_line = rerun_lines(env_file, first.url, state, 100)
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    clean_env = {k: v for k, v in os.environ.items() if k != "HIGHLEVEL_TOKEN"} | {"PATH": path}
    serve = f"{source_line} && exec {serve_line.removesuffix(' &')}"
    again = subprocess.Popen(
        ["bash", "-c", serve], env=clean_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_until_up(first.url)
        # the step exactly as the demo printed it, with only the env file sourced for the token
        step = f"hlmap target pull --location-id {first.location_id} --base-url {first.url} -w {workspace}"
        result = subprocess.run(
            ["bash", "-c", f"{source_line} && {step}"], env=clean_env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert first.token not in result.stdout + result.stderr
    finally:
        stop_gracefully(again)


def _wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"the stand-in did not come back at {url}")
