"""The demo's last report says how many customer messages (invoice send, text-to-pay) the stand-in
received: the stand-in records such a call in ``customerMessages`` and delivers nothing."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from assistant.demo.flow import show_reports


def _shown(workspace: Path, messages: dict[str, object]) -> str:
    (workspace / "reports").mkdir(parents=True, exist_ok=True)
    state = {"format": 1, "tables": {"customerMessages": messages, "invoices": {}}}
    (workspace / "standin-state.json").write_text(json.dumps(state), encoding="utf-8")
    console = Console(record=True, width=200)
    show_reports(workspace, console)
    return console.export_text()


def test_the_demo_reports_the_customer_messages_the_stand_in_received(tmp_path: Path) -> None:
    assert "the stand-in received: 0" in _shown(tmp_path / "a", {})
    sent = {"m1": {"kind": "send", "documentId": "i1"}}
    assert "the stand-in received: 1" in _shown(tmp_path / "b", sent)
