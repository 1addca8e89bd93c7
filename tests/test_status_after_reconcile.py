"""`hlmap status` after a full run and its reconciliation names the next command, no traceback: the
reconciliation's time and the runs' start times are compared as the same kind of UTC time."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.status.facts import Facts, Run, _reconciliation
from assistant.status.next_step import next_step
from assistant.workspace import Workspace


def test_a_reconciled_full_run_leads_to_the_cutover_step(tmp_path: Path) -> None:
    root = tmp_path
    (root / "reports").mkdir(parents=True)
    (root / "reports" / "reconciliation.json").write_text(json.dumps({"clean": True}), encoding="utf-8")
    facts = Facts()
    _reconciliation(Workspace(root), facts)
    started = datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=5)  # as status reads exec.runs
    facts.runs = [Run("r1", "full", "done", "LOC", started, True)]
    assert "hlmap reconcile" not in next_step(facts, "-w ws")
