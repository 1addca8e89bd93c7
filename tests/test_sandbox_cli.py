"""``hlmap sandbox serve`` is registered, documents its flags and names a bad seed file."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app


def _text(output: str) -> str:
    return " ".join(output.split())  # the error console wraps long lines


def test_serve_lists_its_flags() -> None:
    result = CliRunner().invoke(app, ["sandbox", "serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for flag in (
        "--seed",
        "--state",
        "--token",
        "--faults-429",
        "--faults-drop",
        "--fault-seed",
        "--rate-limit",
    ):
        assert flag in result.output


def test_a_missing_seed_file_is_one_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = CliRunner().invoke(app, ["sandbox", "serve", "--seed", str(missing)])
    assert result.exit_code == 2
    assert "nope.json" in _text(result.output) and "not found" in _text(result.output)


def test_a_broken_state_file_is_one_clear_error(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["sandbox", "serve", "--state", str(state)])
    assert result.exit_code == 2
    assert "state.json: not a stand-in state file" in _text(result.output)
