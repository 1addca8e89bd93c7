"""`hlmap demo --agency --yes` rejects what is below the threshold, as `--yes` does for one client, and
never silently: each client's line says how many source records the rejections leave behind, and its
prepare.log lists every rejection with what it costs."""

from __future__ import annotations

from pathlib import Path

from assistant.demo.agency_prepare import _accept_above_threshold
from assistant.mapping import store
from assistant.mapping.models import Status
from assistant.workspace import Workspace
from tests.cli_support import reviewed_workspace
from tests.test_profile_data import _varchar_table


def test_rejections_below_the_threshold_are_counted_on_the_client_line_and_listed_in_its_log(
    tmp_path: Path,
) -> None:
    ws = reviewed_workspace(tmp_path / "ws")
    try:
        _varchar_table(ws.connect(), "quotes", [{"title": f"Quote {i}", "total": "100"} for i in range(3)])
    finally:
        ws.close()
    log = tmp_path / "ws" / "prepare.log"
    said = _accept_above_threshold(tmp_path / "ws", log)
    ws = Workspace(tmp_path / "ws")
    try:
        quotes = store.load_confirmed(ws).find("object:quotes")
    finally:
        ws.close()
    assert quotes.status == Status.REJECTED  # 0.55: below the threshold
    written = log.read_text(encoding="utf-8")
    assert "Rejected below the threshold:" in written and "rejected object:quotes (" in written
    assert said.endswith(" values · ") and "rejected below the threshold, leaving " in said
    assert said.startswith("9 rejected below the threshold, leaving 3 records and ")
