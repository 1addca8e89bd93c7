"""Settings precedence: hlmap.toml < HLMAP_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.workspace import Workspace


def test_precedence_toml_env_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "hlmap.toml").write_text(
        'project = "from-toml"\n[llm]\nmodel = "toml-model"\nmax_retries = 1\n'
        "[propose]\nconfidence_threshold = 0.5\n"
    )
    monkeypatch.setenv("HLMAP_LLM__MODEL", "env-model")
    monkeypatch.setenv("HLMAP_PROPOSE__CONFIDENCE_THRESHOLD", "0.6")
    settings = Workspace(tmp_path, {"propose": {"confidence_threshold": 0.9}}).settings
    assert settings.project == "from-toml"
    assert settings.llm.model == "env-model"
    assert settings.llm.max_retries == 1  # untouched keys of a table keep the file's value
    assert settings.propose.confidence_threshold == 0.9


def test_new_workspace_gets_a_settings_file(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "new").ensure()
    assert workspace.settings_path.exists() and workspace.db_path.exists()
    assert workspace.settings.propose.backend == "offline"
