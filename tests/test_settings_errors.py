"""A settings mistake is one line naming the file or variable, the key and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import ExecuteSettings
from tests.cli_support import error_lines, hlmap


def _workspace(root: Path, toml: str) -> Path:
    root.mkdir(exist_ok=True)
    (root / "hlmap.toml").write_text(toml, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[propose]\nconfidence_threshold = 1.5\n",
            "propose.confidence_threshold = 1.5 is not valid; allowed: a number >= 0.0 and <= 1.0",
        ),
        ("[propose]\nbackend = 'gpt'\n", "propose.backend = 'gpt' is not valid; allowed: offline, llm"),
        (
            "[execute]\nsample_sise = 50\n",
            f"unknown key 'execute.sample_sise' ([execute] keys: {', '.join(ExecuteSettings.model_fields)}); "
            "did you mean 'execute.sample_size'?",
        ),
        (
            "[propse]\nbackend = 'llm'\n",
            "unknown key 'propse' (top-level keys: project, [execute], [highlevel], [ingest], [llm], "
            "[memory], [profile], [propose]); did you mean 'propose'?",
        ),
        ("project = \n", "not valid TOML: Invalid value (at line 1, column 11)"),
    ],
)
def test_hlmap_toml_mistakes(tmp_path: Path, toml: str, message: str) -> None:
    root = _workspace(tmp_path / "ws", toml)
    result = hlmap("status", "-w", root)
    assert (result.exit_code, error_lines(result)) == (2, [f"error: {root / 'hlmap.toml'}: {message}"])


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("HLMAP_LLM__MODLE", "x", "HLMAP_LLM__MODLE: no such setting; did you mean 'HLMAP_LLM__MODE'?"),
        ("HLMAP_LLM_MODEL", "x", "HLMAP_LLM_MODEL: no such setting; did you mean 'HLMAP_LLM__MODEL'?"),
        (
            "HLMAP_EXECUTE__SAMPLE_SIZE",
            "0",
            "HLMAP_EXECUTE__SAMPLE_SIZE = '0' is not valid; allowed: a whole number >= 1 and <= 500",
        ),
        (
            "HLMAP_LLM__SEND_VALUES",
            "maybe",
            "HLMAP_LLM__SEND_VALUES = 'maybe' is not valid; allowed: true, false",
        ),
    ],
)
def test_environment_mistakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    root = _workspace(tmp_path / "ws", 'project = "x"\n')
    monkeypatch.setenv(variable, value)
    result = hlmap("status", "-w", root)
    assert (result.exit_code, error_lines(result)) == (2, [f"error: {message}"])


def test_variables_that_are_not_settings_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _workspace(tmp_path / "ws", 'project = "x"\n')
    monkeypatch.setenv("HLMAP_TEST_LLM_URL", "http://127.0.0.1:1/v1")  # a test helper's variable
    assert hlmap("status", "-w", root).exit_code == 0
