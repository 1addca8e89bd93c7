"""The demo sets up the conversation provider a history map needs, as the engineer would, and only then."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from assistant.demo.history import set_up_history
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import tiny_workspace
from tests.test_history_messages import history_workspace

sandbox = sandbox_fixture(rate_limit=100_000)


def test_a_history_map_gets_a_provider_in_the_location_and_the_settings(
    tmp_path: Path, sandbox: SandboxHandle
) -> None:
    out = io.StringIO()
    ws = history_workspace(tmp_path / "ws", "")
    provider = set_up_history(ws.root, sandbox.url, sandbox.token, Console(file=out, width=300))
    assert provider and provider in {
        p["id"] for p in sandbox.admin("GET", "records/conversationProviders")["records"]
    }
    settings = Workspace(ws.root).settings.execute
    assert settings.conversation_provider_id == provider and settings.source_timezone == "Europe/Madrid"
    assert (
        f"History setup: conversation provider {provider} set up in the stand-in location" in out.getvalue()
    )


def test_no_history_map_sets_nothing_up(tmp_path: Path, sandbox: SandboxHandle) -> None:
    before = sandbox.admin("GET", "state")["counts"]["conversationProviders"]
    ws = tiny_workspace(tmp_path / "ws")
    assert set_up_history(ws.root, sandbox.url, sandbox.token, Console(file=io.StringIO())) is None
    assert sandbox.admin("GET", "state")["counts"]["conversationProviders"] == before
