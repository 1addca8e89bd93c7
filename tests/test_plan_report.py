"""``hlmap plan`` leaves what it printed in reports/plan.md, as plain text a reviewer can read."""

from __future__ import annotations

from pathlib import Path

from tests.cli_support import hlmap
from tests.test_execute_support import tiny_workspace


def test_plan_is_written_to_reports_plan_md(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    ws.close()
    result = hlmap("plan", "-w", ws.root)
    assert result.exit_code == 0, result.output
    report = ws.root / "reports" / "plan.md"
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Plan\n\n```text\n") and text.endswith("```\n")
    assert "Plan (in this order)" in text and "contact:clients" in text and "requests ≈" in text
    assert "\x1b[" not in text  # no terminal colour codes in the file
    assert f"written to {report}" in result.output
