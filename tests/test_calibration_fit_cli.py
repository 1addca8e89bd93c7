"""The calibration fitting tool answers a wrong cases folder with one line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "assistant.evals.calibration_fit", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_a_folder_without_cases_is_one_line(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nowhere"), "--dry-run")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no cases folder" in result.stderr.splitlines()[0]


def test_help_prints_usage_and_fits_nothing() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: python -m assistant.evals.calibration_fit")
