"""The README stays true: its settings reference and commands match the code."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from assistant.settings_doc import markdown_table

README = Path(__file__).resolve().parent.parent / "README.md"


def test_settings_reference_matches_the_model() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- settings:begin -->\n(.*?)\n<!-- settings:end -->", text, re.S)
    assert block is not None, "README lost its settings markers"
    assert block.group(1) == markdown_table(), "run: python -m assistant.settings_doc --write-readme"


def test_every_command_in_the_reference_exists() -> None:
    from assistant.cli import app

    text = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `hlmap (\w+)", text, re.M))
    runner = CliRunner()
    for name in sorted(documented):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, f"hlmap {name}: {result.output}"
    assert {"ingest", "profile", "propose", "review", "plan", "apply", "demo"} <= documented
